// Greenlight: forms that update the page in place (supports, reports, the pairwise screen).
//
// The site works without this script: every such form posts normally and the server sends
// the person back to the same card (an anchor). With it, a form marked `data-in-place` is
// sent with fetch, the page the server answers with is read, and every element marked
// `data-live-region` is replaced by its namesake (same id) from that answer. The server's
// messages are announced in a status region, focus returns to the updated region, and the
// scroll position stays where it was.
//
// A link marked `data-in-place-form` opens the form it points to (its `data-form-region`
// element) under itself instead of on a page of its own, e.g. "Report this idea".
(function () {
  "use strict";
  if (!window.fetch || !window.DOMParser || !window.FormData) return;

  var status;
  var hideTimer;

  function statusRegion() {
    if (!status) {
      status = document.createElement("div");
      status.className = "toast";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    return status;
  }

  function announce(doc) {
    var region = statusRegion();
    var messages = doc.querySelectorAll(".messages .message");
    if (!messages.length) return;
    region.textContent = "";
    messages.forEach(function (message) {
      region.appendChild(document.importNode(message, true));
    });
    region.classList.add("is-visible");
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(function () {
      region.classList.remove("is-visible");
    }, 8000);
  }

  function swap(doc) {
    document.querySelectorAll("[data-live-region]").forEach(function (element) {
      var fresh = element.id && doc.getElementById(element.id);
      if (fresh) element.replaceWith(document.importNode(fresh, true));
    });
  }

  function focusRegion(id) {
    var region = id && document.getElementById(id);
    if (!region) return;
    var target =
      region.querySelector("[data-focus-first]") ||
      region.querySelector("button:not([disabled]), a[href], input:not([type=hidden]), select, textarea") ||
      region;
    if (target === region) region.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }

  // Not form.action: a field named "action" (the support form has one) would shadow it.
  function actionOf(form) {
    return new URL(form.getAttribute("action") || window.location.href, document.baseURI).href;
  }

  function fallback(form, submitter) {
    form.removeAttribute("data-in-place");
    if (form.requestSubmit) form.requestSubmit(submitter || undefined);
    else form.submit();
  }

  function send(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    var method = (form.getAttribute("method") || "get").toUpperCase();
    var url = actionOf(form);
    var options = { method: method, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } };
    if (method === "GET") {
      url += (url.indexOf("?") === -1 ? "?" : "&") + new URLSearchParams(data).toString();
    } else {
      options.body = data;
    }
    var region = form.closest("[data-live-region]");
    var regionId = region ? region.id : "";
    var holder = form.closest("[data-in-place-holder]");
    var x = window.scrollX;
    var y = window.scrollY;
    form.setAttribute("aria-busy", "true");
    form.querySelectorAll("button").forEach(function (button) {
      button.disabled = true;
    });
    return fetch(url, options)
      .then(function (response) {
        if (!response.ok && response.status !== 400) throw new Error("HTTP " + response.status);
        return response.text().then(function (html) {
          return { invalid: response.status === 400, html: html };
        });
      })
      .then(function (answer) {
        var doc = new DOMParser().parseFromString(answer.html, "text/html");
        var again = answer.invalid && doc.querySelector("[data-form-region] form");
        if (again) {
          // The form came back with errors: show it where it was, errors and all.
          var fresh = document.importNode(again, true);
          fresh.setAttribute("action", actionOf(form));
          fresh.setAttribute("data-in-place", "");
          form.replaceWith(fresh);
          var error = fresh.querySelector("[role=alert]");
          var field = fresh.querySelector("input:not([type=hidden]), textarea, select");
          if (error && field) field.focus();
          return;
        }
        swap(doc);
        announce(doc);
        if (holder && document.body.contains(holder)) {
          // A form opened under its link: close it and give focus back to the link.
          holder.hidden = true;
          holder.textContent = "";
          var opener = document.querySelector('[data-in-place-form="' + holder.id + '"]');
          if (opener) {
            opener.setAttribute("aria-expanded", "false");
            opener.focus({ preventScroll: true });
          }
        } else {
          focusRegion(regionId);
        }
        window.scrollTo(x, y);
        document.dispatchEvent(new CustomEvent("greenlight:updated", { detail: { region: regionId } }));
      })
      .catch(function () {
        fallback(form, submitter);
      });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-in-place")) return;
    event.preventDefault();
    send(form, event.submitter);
  });

  // Links that open a form in place ("Report this idea"): the form is read from the page the
  // link points to and shown under the link; sending it updates the page like any other.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-in-place-form]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    var holder = document.getElementById(link.getAttribute("data-in-place-form"));
    if (!holder) return;
    if (!holder.hidden && holder.childElementCount) {
      holder.hidden = true;
      link.setAttribute("aria-expanded", "false");
      return;
    }
    fetch(link.href, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var form = doc.querySelector("[data-form-region] form");
        if (!form) throw new Error("no form");
        var fresh = document.importNode(form, true);
        fresh.setAttribute("action", link.href);
        fresh.setAttribute("data-in-place", "");
        holder.textContent = "";
        holder.appendChild(fresh);
        holder.hidden = false;
        link.setAttribute("aria-expanded", "true");
        var first = fresh.querySelector("input:not([type=hidden]), textarea, select");
        if (first) first.focus();
      })
      .catch(function () {
        window.location.href = link.href;
      });
  });
})();
