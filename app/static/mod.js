// Enter on a tick box or in a note of the queue's forms does nothing: only a clicked
// action button decides (without script, Enter sends the forms' "none" button instead).
document.addEventListener("keydown", function (event) {
  if (event.key !== "Enter") return;
  var field = event.target;
  if (field.matches && field.matches("input.pick, form.decide input")) {
    event.preventDefault();
  }
});

// "Select all" for the moderators' bulk forms. Without script, tick boxes one by one.
document.addEventListener("DOMContentLoaded", function () {
  var all = document.getElementById("select-all");
  if (!all) return;
  all.closest("label").hidden = false;
  all.addEventListener("change", function () {
    document.querySelectorAll('input.pick[form="bulk"]').forEach(function (box) {
      box.checked = all.checked;
    });
  });
});
