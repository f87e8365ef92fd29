// Follows a large export while the server builds it: updates the progress bar and shows the
// download link when the file is ready. Without JavaScript, reloading the page does the same.
(function () {
  "use strict";
  var box = document.querySelector("[data-insights-export]");
  if (!box) return;
  var bar = box.querySelector("progress");
  var status = box.querySelector("[data-export-status]");
  var link = box.querySelector("[data-export-link]");

  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        bar.value = data.progress;
        bar.textContent = data.progress + "%";
        status.textContent = data.status_label + ": " + data.rows_done + " / " + data.rows_total;
        if (data.ready) {
          link.hidden = false;
        } else if (data.status !== "failed") {
          window.setTimeout(poll, 1500);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  if (link.hidden) poll();
})();
