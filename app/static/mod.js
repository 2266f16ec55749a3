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
