// Greenlight: small progressive enhancements. The site works without JavaScript.
// Strings come from Django's JavaScript catalog (/jsi18n/), loaded before this file.
(function () {
  "use strict";
  var gettext = window.gettext || function (text) { return text; };
  var toggle = document.querySelector("[data-nav-toggle]");
  if (toggle) {
    var nav = document.getElementById(toggle.getAttribute("aria-controls"));
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      toggle.textContent = open ? gettext("Menu") : gettext("Close menu");
      nav.classList.toggle("is-open", !open);
    });
  }
})();
