// The API reference (Redoc, served from this site), with colours that meet WCAG AA contrast.
(function () {
  "use strict";
  var container = document.getElementById("redoc-container");
  window.Redoc.init(container.getAttribute("data-schema-url"), {
    hideDownloadButton: false,
    nativeScrollbars: true,
    theme: {
      colors: {
        primary: { main: "#1d5c3a" },
        text: { primary: "#1f2328", secondary: "#4a4f55" },
        http: { get: "#1d5c3a", post: "#0b5394", put: "#7a4b00", patch: "#7a4b00", delete: "#a11d1d" },
        responses: {
          success: { color: "#1d5c3a", backgroundColor: "#e8f3ec" },
          error: { color: "#a11d1d", backgroundColor: "#fbe9e9" }
        }
      },
      typography: { fontFamily: "system-ui, sans-serif", headings: { fontFamily: "system-ui, sans-serif" } },
      sidebar: { textColor: "#1f2328", backgroundColor: "#f4f6f4" },
      rightPanel: { backgroundColor: "#1f2a24", textColor: "#ffffff" }
    }
  }, container);
})();
