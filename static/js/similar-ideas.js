// Similar ideas while typing an idea: after a pause in the title or summary, ask
// /api/v1/search/similar/ for up to 5 public ideas that look the same and list them with
// "Support this one instead" (a link to the idea) and "Mine is different" (hides it).
// Focus never moves while the person types; a polite status message announces the list.
(function () {
  "use strict";
  var DELAY = 400;
  var MIN_LENGTH = 12;

  function setUp(hint) {
    var form = hint.closest("form");
    if (!form) { return; }
    var fields = ["title", "summary"].map(function (name) { return form.querySelector("[name=" + name + "]"); })
      .filter(Boolean);
    if (!fields.length) { return; }
    var list = hint.querySelector("[data-similar-list]");
    var status = hint.parentNode.querySelector("[data-similar-status]");
    var url = hint.getAttribute("data-similar-url");
    var exclude = hint.getAttribute("data-exclude");
    var dismissed = {};
    var timer = null;
    var request = 0;
    var lastText = "";

    function text(key) { return hint.getAttribute("data-text-" + key) || ""; }

    function announce(message) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }

    function refreshVisibility() {
      var shown = list.querySelectorAll(".similar-hint__item").length > 0;
      hint.hidden = !shown;
      return shown;
    }

    function item(idea) {
      var li = document.createElement("li");
      li.className = "similar-hint__item";
      li.setAttribute("data-idea", idea.idea_id);
      var title = document.createElement("h3");
      var link = document.createElement("a");
      link.href = idea.url;
      link.textContent = idea.title;
      title.appendChild(link);
      var summary = document.createElement("p");
      summary.textContent = idea.summary;
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = text("in") + " " + idea.challenge_title;
      var actions = document.createElement("div");
      actions.className = "actions";
      var support = document.createElement("a");
      support.className = "button button--small";
      support.href = idea.url;
      support.textContent = text("support");
      support.setAttribute("aria-describedby", "similar-idea-" + idea.idea_id);
      link.id = "similar-idea-" + idea.idea_id;
      var different = document.createElement("button");
      different.type = "button";
      different.className = "button button--secondary button--small";
      different.textContent = text("different");
      different.setAttribute("aria-describedby", "similar-idea-" + idea.idea_id);
      different.addEventListener("click", function () {
        dismissed[idea.idea_id] = true;
        var next = li.nextElementSibling || li.previousElementSibling;
        li.parentNode.removeChild(li);
        announce(text("dismissed"));
        if (refreshVisibility() && next) {
          next.querySelector("button").focus();
        } else {
          fields[fields.length - 1].focus();
        }
      });
      actions.appendChild(support);
      actions.appendChild(different);
      li.appendChild(title);
      li.appendChild(summary);
      li.appendChild(meta);
      li.appendChild(actions);
      return li;
    }

    function show(results) {
      var wasShown = !hint.hidden;
      list.innerHTML = "";
      results.filter(function (idea) { return !dismissed[idea.idea_id]; }).slice(0, 5).forEach(function (idea) {
        list.appendChild(item(idea));
      });
      if (refreshVisibility() && !wasShown) { announce(text("found")); }
    }

    function lookUp() {
      var typed = fields.map(function (field) { return field.value.trim(); }).join(" ").trim();
      if (typed === lastText) { return; }
      lastText = typed;
      if (typed.length < MIN_LENGTH) { show([]); return; }
      var mine = ++request;
      var query = "?limit=5&text=" + encodeURIComponent(typed) + (exclude ? "&exclude=" + encodeURIComponent(exclude) : "");
      fetch(url + query, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (mine === request) { show(data.results || []); } })
        .catch(function () { /* the hint is a help, never a hurdle */ });
    }

    fields.forEach(function (field) {
      field.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(lookUp, DELAY);
      });
    });
    lookUp();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-similar-ideas]"), setUp);
})();
