// The print button of the ticket page (no inline handlers: the CSP allows scripts from this site only).
// Hidden without JavaScript (where it could not work); the browser's own print menu remains.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
