// Live threshold preview: counts, from the scores on the page, how many of the recent
// posts the typed thresholds would hold or reject. Without script the "Preview only"
// button asks the server for the same count.
(function () {
  const preview = document.getElementById("threshold-preview");
  const form = document.getElementById("threshold-form");
  if (!preview || !form) return;
  const scores = (preview.dataset.scores || "").split(",").filter(Boolean).map(Number);
  const hold = form.querySelector("[name=hold]");
  const reject = form.querySelector("[name=reject]");
  function update() {
    const h = parseFloat(hold.value);
    const r = reject.value === "" ? null : parseFloat(reject.value);
    if (!(h > 0 && h <= 1)) return;
    let held = 0, rejected = 0;
    for (const s of scores) {
      if (r !== null && s >= r) rejected += 1;
      else if (s >= h) held += 1;
    }
    preview.textContent = "Of the last " + scores.length + " posts, " + held +
      " would have been held" + (r !== null ? " and " + rejected + " rejected" : "") +
      " at hold " + h.toFixed(2) + (r !== null ? ", reject " + r.toFixed(2) : "") + ".";
  }
  hold.addEventListener("input", update);
  reject.addEventListener("input", update);
})();

// A training job's progress on the model page: asks for the job's state every few
// seconds and shows it in the status line; once the job has ended, reloads the page to
// show the new version (a timed refresh would reload it every few seconds instead).
(function () {
  const line = document.getElementById("training-job");
  if (!line || !line.dataset.poll) return;
  const reload = line.querySelector(".job-reload");
  if (reload) reload.hidden = true;
  function show(job) {
    line.querySelector(".job-state").textContent = job.state;
    const bar = line.querySelector("progress");
    if (bar) bar.value = job.progress;
    const percent = line.querySelector(".job-progress");
    if (percent) percent.textContent = job.progress + "%";
    line.querySelector(".job-message").textContent = job.message || "";
  }
  function poll() {
    fetch(line.dataset.poll, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        if (job.running) {
          show(job);
          setTimeout(poll, 3000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { setTimeout(poll, 10000); });
  }
  setTimeout(poll, 3000);
})();
