// Buttons marked data-print open the browser's print dialog (print or save as PDF). A file of its
// own rather than an onclick attribute: the Content-Security-Policy allows no inline script.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
