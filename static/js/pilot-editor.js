// Greenlight admin: the pilot editor's KPI section. Wagtail draws its "add" buttons as a bare
// "+"; this gives the KPI list's button and each measurement list's button visible words.
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[src*='js/pilot-editor']");
  var words = {
    kpis: script.getAttribute("data-add-kpi"),
    measurements: script.getAttribute("data-add-measurement"),
  };

  function label(root) {
    root.querySelectorAll(".c-sf-add-button:not([data-labelled])").forEach(function (button) {
      var text = button.closest("[data-contentpath='measurements']")
        ? words.measurements
        : button.closest("[data-contentpath='kpis']")
          ? words.kpis
          : "";
      if (!text) return;
      button.setAttribute("data-labelled", "");
      button.setAttribute("aria-label", text);
      button.classList.add("pilot-editor__add");
      var span = document.createElement("span");
      span.className = "pilot-editor__add-label";
      span.textContent = text;
      button.appendChild(span);
    });
  }

  function start() {
    label(document);
    new MutationObserver(function () {
      label(document);
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
