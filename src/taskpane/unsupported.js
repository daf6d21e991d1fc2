/*
 * Runs before the bundle, from taskpane.html: a file of its own rather than an inline
 * script, so the page's Content-Security-Policy can allow scripts from the add-in's origin
 * only. ES5 only: this runs where the bundle cannot (Excel 2016's Internet Explorer
 * webview), so the pane says why instead of staying blank. The bundle checks the mark and
 * stops.
 */
/* eslint-disable */
(function () {
  var ok =
    typeof Promise !== "undefined" &&
    typeof Proxy !== "undefined" &&
    typeof Symbol !== "undefined" &&
    typeof Object.assign === "function" &&
    !!Array.prototype.includes;
  if (ok) return;
  var container = document.getElementById("container");
  if (!container) return;
  container.setAttribute("data-unsupported", "true");
  container.innerHTML =
    '<div class="chitieu-old" role="alert">' +
    "<p><strong>Chỉ tiêu</strong> không chạy được trên phiên bản Excel này.</p>" +
    "<p>Trình duyệt nhúng trong Excel quá cũ (Internet Explorer). Hãy dùng Microsoft 365, " +
    "Excel 2021 trở lên, hoặc Excel trên web (Office.com).</p>" +
    '<p lang="en">This version of Excel is too old for the add-in: use Microsoft 365, ' +
    "Excel 2021 or later, or Excel on the web.</p>" +
    "</div>";
})();
