// Irreversible steps ask first: a submit button (or form) with `data-confirm` shows its
// message in a confirmation dialog, and nothing is sent when the person declines.
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var message = (button && button.dataset.confirm) || event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
