// Similar ideas while typing an idea: after a pause in the title or summary, ask
// /api/v1/search/similar/ for up to 5 public ideas that mean the same and list them, right
// under the title and summary, with "Support this one instead" and "Mine is different"
// (hides it). Supporting happens here (POST /api/v1/ideas/{id}/support/), so what the person
// typed stays in the form; where the idea cannot be supported now, a note says why instead
// of the button. Links to the ideas open in a new tab, for the same reason.
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
    var supportUrl = hint.getAttribute("data-support-url");
    var csrf = form.querySelector("[name=csrfmiddlewaretoken]");
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
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = idea.title;
      var newTab = document.createElement("span");
      newTab.className = "visually-hidden";
      newTab.textContent = " (" + text("new-tab") + ")";
      link.appendChild(newTab);
      title.appendChild(link);
      var summary = document.createElement("p");
      summary.textContent = idea.summary;
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = text("in") + " " + idea.challenge_title;
      var actions = document.createElement("div");
      actions.className = "actions";
      var note = document.createElement("p");
      note.className = "similar-hint__note";
      note.setAttribute("data-support-note", "");
      note.textContent = idea.can_support ? "" : idea.support_note;
      note.hidden = !note.textContent;
      link.id = "similar-idea-" + idea.idea_id;
      var support = null;
      if (idea.can_support) {
        support = document.createElement("button");
        support.type = "button";
        support.className = "button button--small";
        support.textContent = text("support");
        support.setAttribute("aria-describedby", "similar-idea-" + idea.idea_id);
        support.addEventListener("click", function () { supportIdea(idea, support, note); });
      }
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
      if (support) { actions.appendChild(support); }
      actions.appendChild(different);
      li.appendChild(title);
      li.appendChild(summary);
      li.appendChild(meta);
      li.appendChild(note);
      li.appendChild(actions);
      return li;
    }

    function supportIdea(idea, button, note) {
      button.disabled = true;
      fetch(supportUrl.replace("/0/", "/" + idea.idea_id + "/"), {
        method: "POST",
        headers: { Accept: "application/json", "X-CSRFToken": csrf ? csrf.value : "" },
        credentials: "same-origin"
      })
        .then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (data) {
            return { ok: response.ok, data: data };
          });
        })
        .then(function (result) {
          var message = result.ok ? text("supported") : (result.data.detail || text("failed"));
          note.textContent = message;
          note.hidden = false;
          if (result.ok) {
            button.parentNode.removeChild(button);
          } else {
            button.disabled = false;
          }
          announce(message);
        })
        .catch(function () {
          button.disabled = false;
          note.textContent = text("failed");
          note.hidden = false;
          announce(text("failed"));
        });
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
