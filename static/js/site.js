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

// Live counters under fields with a limit (data-char-limit / data-word-limit): "12 of 140
// characters". Announced to screen readers only when the limit is reached or passed.
(function () {
  "use strict";
  var gettext = window.gettext || function (text) { return text; };
  var ngettext = window.ngettext || function (one, many, n) { return n === 1 ? one : many; };
  var interpolate = window.interpolate || function (text, values) {
    return text.replace(/%\((\w+)\)s/g, function (match, key) { return values[key]; });
  };
  function words(text) { var trimmed = text.trim(); return trimmed ? trimmed.split(/\s+/).length : 0; }
  document.querySelectorAll("[data-char-limit], [data-word-limit]").forEach(function (field) {
    var byWords = field.hasAttribute("data-word-limit");
    var limit = parseInt(field.getAttribute(byWords ? "data-word-limit" : "data-char-limit"), 10);
    var counter = document.createElement("p");
    counter.className = "word-count";
    counter.id = field.id + "_count";
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    field.insertAdjacentElement("afterend", counter);
    counter.insertAdjacentElement("afterend", status);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
    var wasOver = false;
    function update() {
      var count = byWords ? words(field.value) : field.value.length;
      var template = byWords
        ? ngettext("%(count)s of %(limit)s word", "%(count)s of %(limit)s words", limit)
        : ngettext("%(count)s of %(limit)s character", "%(count)s of %(limit)s characters", limit);
      counter.textContent = interpolate(template, { count: count, limit: limit }, true);
      var over = count >= limit;
      counter.classList.toggle("word-count--over", count > limit);
      if (over !== wasOver) {
        status.textContent = over ? gettext("You have reached the limit.") : "";
        wasOver = over;
      }
    }
    field.addEventListener("input", update);
    update();
  });
})();
