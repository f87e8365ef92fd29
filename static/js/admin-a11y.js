// Wagtail admin widgets made usable with a screen reader: the tag field's typing box is
// named by its field's label (the labelled input itself is hidden by the tag widget).
(function () {
    "use strict";

    function nameTagInputs(root) {
        root.querySelectorAll("ul.tagit input:not([aria-labelledby])").forEach(function (input) {
            var list = input.closest("ul.tagit");
            var field = list && list.previousElementSibling;
            var label = field && field.id ? document.querySelector('label[for="' + field.id + '"]') : null;
            if (!label) {
                return;
            }
            if (!label.id) {
                label.id = field.id + "-label";
            }
            input.setAttribute("aria-labelledby", label.id);
        });
    }

    new MutationObserver(function () {
        nameTagInputs(document);
    }).observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", function () {
        nameTagInputs(document);
    });
})();
