// Greenlight: the "Share" button. The phone's own share sheet where the browser has one,
// otherwise the page's address is copied to the clipboard. Without this script the
// address is shown in a field to copy by hand.
(function () {
  "use strict";
  document.querySelectorAll("[data-share]").forEach(function (box) {
    var button = box.querySelector("[data-share-button]");
    var fallback = box.querySelector("[data-share-fallback]");
    var status = box.querySelector("[data-share-status]");
    if (!button || !(navigator.share || (navigator.clipboard && window.isSecureContext))) return;
    button.hidden = false;
    if (fallback) fallback.hidden = true;
    var url = box.getAttribute("data-share-url");
    var title = box.getAttribute("data-share-title");
    button.addEventListener("click", function () {
      status.textContent = "";
      if (navigator.share) {
        navigator.share({ title: title, url: url }).catch(function () {});
        return;
      }
      navigator.clipboard.writeText(url).then(
        function () {
          status.textContent = button.getAttribute("data-copied") || "Link copied.";
        },
        function () {
          if (fallback) fallback.hidden = false;
        }
      );
    });
  });
})();
