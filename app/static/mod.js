// The moderators' pages. Everything here has a way without script: the forms post,
// the links open confirmation pages. Script adds the same confirmations as dialogs,
// the queue's keys, "select all", and tells other moderators which post you look at.
(function () {
  "use strict";

  // Enter on a tick box or in a note of the queue's forms does nothing: only a clicked
  // action button decides (without script, Enter sends the forms' "none" button instead).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var field = event.target;
    if (field.matches && field.matches("input.pick, form.decide input")) {
      event.preventDefault();
    }
  });

  function csrfToken() {
    var input = document.querySelector('input[name="csrf_token"]');
    return input ? input.value : "";
  }

  // --- confirmations: the server's own confirmation page, shown in a dialog -----------

  var returnFocus = null;

  function showConfirmation(html) {
    var dialog = document.getElementById("confirm-dialog");
    var page = new DOMParser().parseFromString(html, "text/html");
    var box = page.querySelector(".confirm-box") || page.querySelector("main");
    var body = dialog.querySelector(".dialog-body");
    body.replaceChildren(document.importNode(box, true));
    // One heading names the dialog; the page's h1 becomes the dialog's h2.
    var heading = body.querySelector("h1");
    if (heading) {
      var h2 = document.createElement("h2");
      h2.id = "confirm-title";
      h2.textContent = heading.textContent;
      heading.replaceWith(h2);
    }
    returnFocus = document.activeElement;
    dialog.showModal();
    // Cancel has the focus, never the button that acts: a key pressed twice, or "a"
    // then Enter, must not publish a scam. Shift+Tab reaches the button.
    var cancel = body.querySelector(".confirm-actions a.cancel");
    if (cancel) cancel.focus();
    else dialog.focus();
  }

  function ask(url, options) {
    return fetch(url, Object.assign({ credentials: "same-origin" }, options))
      .then(function (response) { return response.text(); })
      .then(showConfirmation);
  }

  // A bulk decision (its form sends confirmed=no) asks first: "Approve 2 posts?".
  function askToDecide(form, button) {
    var data = new FormData(form, button);
    data.set("confirmed", "no");
    // getAttribute: the buttons named "action" hide the form's own .action property.
    return ask(form.getAttribute("action"), { method: "POST", body: data });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var confirmed = form.querySelector('input[name="confirmed"]');
    if (!confirmed || confirmed.value !== "no" || !event.submitter) return;
    if (event.submitter.value === "none") return; // Enter: the server says nothing changed
    event.preventDefault();
    askToDecide(form, event.submitter);
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.undo, a.undo-last, .mod-dialog a.cancel");
    if (!link) return;
    var dialog = document.getElementById("confirm-dialog");
    if (!dialog) return;
    event.preventDefault();
    if (link.classList.contains("cancel")) {
      dialog.close();
    } else {
      ask(link.href);
    }
  });

  document.addEventListener("close", function (event) {
    if (event.target.id === "confirm-dialog" || event.target.id === "keys-dialog") {
      if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
      returnFocus = null;
    }
  }, true);

  // --- "select all" for the bulk forms; without script, tick boxes one by one ---------

  document.addEventListener("DOMContentLoaded", function () {
    var keysHint = document.querySelector(".keys-hint");
    if (keysHint) keysHint.hidden = false;
    var all = document.getElementById("select-all");
    if (!all) return;
    all.closest("label").hidden = false;
    all.addEventListener("change", function () {
      document.querySelectorAll('input.pick[form="bulk"]').forEach(function (box) {
        box.checked = all.checked;
      });
    });
  });

  // --- who is looking at which post -----------------------------------------------------

  var claimed = {};
  var CLAIM_AGAIN_MS = 60 * 1000;

  function claim(entry) {
    var id = entry.dataset.post;
    var now = Date.now();
    if (claimed[id] && now - claimed[id] < CLAIM_AGAIN_MS) return;
    claimed[id] = now;
    fetch("/mod/queue/" + id + "/claim", {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() },
    });
  }

  document.addEventListener("focusin", function (event) {
    var entry = event.target.closest && event.target.closest("li.queue-entry[data-post]");
    if (entry) {
      markCurrent(entry);
      claim(entry);
    }
  });

  // Keep "bo is looking at this" up to date while the page stays open.
  var CLAIMS_EVERY_MS = 20 * 1000;

  function refreshClaims() {
    var list = entries();
    if (!list.length) return;
    var ids = list.map(function (entry) { return entry.dataset.post; }).join(",");
    fetch("/mod/queue/claims?ids=" + ids, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (claims) {
        list.forEach(function (entry) {
          var who = claims[entry.dataset.post];
          var label = entry.querySelector(".claim");
          entry.classList.toggle("claimed", Boolean(who));
          if (!who) {
            if (label) label.remove();
            return;
          }
          if (!label) {
            label = document.createElement("span");
            label.className = "claim";
            label.setAttribute("role", "note");
            entry.querySelector(".entry-head").appendChild(label);
          }
          var name = document.createElement("strong");
          name.textContent = who.name;
          label.replaceChildren(name, document.createTextNode(" is looking at this"));
        });
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (entries().length) setInterval(refreshClaims, CLAIMS_EVERY_MS);
  });

  // --- the queue's keys -----------------------------------------------------------------

  var ACTIONS = { a: "approve", r: "reject", d: "remove", b: "ban" };

  function entries() {
    return Array.prototype.slice.call(document.querySelectorAll("li.queue-entry[data-post]"));
  }

  function current() {
    return document.querySelector("li.queue-entry.current");
  }

  function markCurrent(entry) {
    entries().forEach(function (other) { other.classList.toggle("current", other === entry); });
  }

  function move(step) {
    var list = entries();
    if (!list.length) return;
    var index = list.indexOf(current());
    var next = index < 0 ? (step > 0 ? 0 : list.length - 1) : index + step;
    next = Math.max(0, Math.min(list.length - 1, next));
    markCurrent(list[next]);
    list[next].focus();
  }

  function hint(words) {
    var box = document.getElementById("key-hint");
    if (!box) return;
    box.textContent = words;
    box.hidden = false;
  }

  function decide(action) {
    var bulk = document.getElementById("bulk");
    var ticked = document.querySelectorAll('input.pick[form="bulk"]:checked');
    if (bulk && ticked.length) {
      askToDecide(bulk, bulk.querySelector('button[name="action"][value="' + action + '"]'));
      return;
    }
    var entry = current();
    if (!entry) {
      hint("Move to a post with j, or tick posts with x, first.");
      return;
    }
    var form = entry.querySelector("form.decide");
    askToDecide(form, form.querySelector('button[name="action"][value="' + action + '"]'));
  }

  function typing(target) {
    if (target.isContentEditable) return true;
    if (target.matches("textarea, select")) return true;
    return target.matches("input") && !target.matches("[type=checkbox], [type=radio], [type=button], [type=submit]");
  }

  document.addEventListener("keydown", function (event) {
    if (!document.getElementById("keys-dialog")) return; // the queue's keys, on the queue
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target) || document.querySelector("dialog[open]")) return;
    var key = event.key;
    if (key === "?") {
      var keys = document.getElementById("keys-dialog");
      if (!keys) return;
      event.preventDefault();
      returnFocus = document.activeElement;
      keys.showModal();
    } else if (key === "j" || key === "k") {
      event.preventDefault();
      move(key === "j" ? 1 : -1);
    } else if (key === "x") {
      var entry = current();
      if (!entry) return hint("Move to a post with j first.");
      event.preventDefault();
      entry.querySelector("input.pick").click();
    } else if (ACTIONS[key]) {
      event.preventDefault();
      decide(ACTIONS[key]);
    } else if (key === "u") {
      event.preventDefault();
      var undo = document.querySelector("a.undo-last");
      if (undo) ask(undo.href);
      else hint("You have no decision to undo.");
    }
  });
})();
