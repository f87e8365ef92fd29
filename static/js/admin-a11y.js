// Wagtail admin widgets made usable with a screen reader, for widgets that come without an
// accessible name: the tag field's typing box (the labelled input is hidden by the tag widget)
// and a rich text box in a StreamField block (named by its field's label, or else by the
// block's heading, e.g. "Paragraph").
(function () {
    "use strict";

    function labelFor(field) {
        var label = field && field.id ? document.querySelector('label[for="' + field.id + '"]') : null;
        if (label && !label.id) {
            label.id = field.id + "-label";
        }
        return label;
    }

    function nameTagInputs(root) {
        root.querySelectorAll("ul.tagit input:not([aria-labelledby])").forEach(function (input) {
            var list = input.closest("ul.tagit");
            var label = labelFor(list && list.previousElementSibling);
            if (label) {
                input.setAttribute("aria-labelledby", label.id);
            }
        });
    }

    function nameRichTextBoxes(root) {
        root.querySelectorAll('[contenteditable="true"][role="textbox"]:not([aria-label]):not([aria-labelledby])').forEach(
            function (box) {
                var wrapper = box.closest(".w-field__input, .w-field");
                var label = labelFor(wrapper && wrapper.querySelector("input[id]"));
                var panel = box.closest("[aria-labelledby]");
                var heading = label || (panel && document.getElementById(panel.getAttribute("aria-labelledby")));
                if (heading && heading.id) {
                    box.setAttribute("aria-labelledby", heading.id);
                }
            }
        );
    }

    function nameAll() {
        nameTagInputs(document);
        nameRichTextBoxes(document);
    }

    // Widgets are drawn after the page loads (and again as blocks are added): look once a frame.
    var pending = false;
    new MutationObserver(function () {
        if (!pending) {
            pending = true;
            window.requestAnimationFrame(function () {
                pending = false;
                nameAll();
            });
        }
    }).observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", nameAll);
})();
