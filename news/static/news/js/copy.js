// Buttons marked data-copy="<field id>" put the field's value on the clipboard and say so in the element
// named by data-copy-status. A file of its own rather than inline script: the Content-Security-Policy
// allows none. The buttons are hidden until this runs, as the field can still be copied by hand.
document.querySelectorAll("[data-copy]").forEach((button) => {
  button.hidden = false;
});

function copy(field) {
  field.select();
  // The Clipboard API exists only on secure pages (https, localhost); elsewhere the older command still works.
  if (navigator.clipboard) {
    return navigator.clipboard.writeText(field.value);
  }
  return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy refused"));
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  const field = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.copyStatus);
  copy(field).then(
    () => {
      status.textContent = button.dataset.copied;
    },
    () => {
      status.textContent = button.dataset.copyFailed;
    },
  );
});

document.addEventListener("focusin", (event) => {
  if (event.target.matches("[data-copy-source]")) {
    event.target.select();
  }
});
