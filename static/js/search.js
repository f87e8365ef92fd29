// Search box suggestions: a combobox (WAI-ARIA 1.2 pattern). Arrow keys move through the
// suggestions, Enter opens the highlighted idea, Escape closes the list. Without
// JavaScript the box is an ordinary search field.
(function () {
  "use strict";
  var DELAY = 200;

  function setUp(box) {
    var input = box.querySelector("[role=combobox]");
    var list = box.querySelector("[role=listbox]");
    var url = box.getAttribute("data-suggest-url");
    var timer = null;
    var active = -1;
    var request = 0;

    function options() {
      return Array.prototype.slice.call(list.querySelectorAll("[role=option]"));
    }

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      var items = options();
      if (!items.length) { return; }
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) { item.setAttribute("aria-selected", String(i === active)); });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function show(results) {
      list.innerHTML = "";
      active = -1;
      if (!results.length) { close(); return; }
      results.forEach(function (result, i) {
        var item = document.createElement("li");
        item.id = "search-suggestion-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.className = "combobox__option";
        item.textContent = result.text;
        item.setAttribute("data-url", result.url);
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { window.location.assign(result.url); });
        list.appendChild(item);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text.length < 2) { close(); return; }
      var mine = ++request;
      fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (mine === request) { show(data.results || []); } })
        .catch(close);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (list.hidden) { fetchSuggestions(); } else { highlight(active + 1); }
        event.preventDefault();
      } else if (event.key === "ArrowUp" && !list.hidden) {
        highlight(active - 1);
        event.preventDefault();
      } else if (event.key === "Escape" && !list.hidden) {
        close();
        event.preventDefault();
      } else if (event.key === "Enter" && active >= 0) {
        var chosen = options()[active];
        event.preventDefault();
        window.location.assign(chosen.getAttribute("data-url"));
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-search-suggest]"), setUp);
})();
