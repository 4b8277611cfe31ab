// The attendance grid: each session's "All present" button marks every member not yet recorded
// at that session as present (nothing is saved until the form is submitted).
document.querySelectorAll("[data-mark-column]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => {
    const column = button.dataset.markColumn;
    document.querySelectorAll(`select[data-column="${column}"]`).forEach((select) => {
      if (select.value === "") {
        select.value = "present";
      }
    });
  });
});
