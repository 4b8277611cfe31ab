// The print button of a class's printed roster: shown only when scripts run, prints the page.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
