// The progress bar of a people import running in the background: asks our own JSON status URL
// every two seconds and reloads the page (which then shows the summary) when the job is over.
(function () {
  "use strict";
  var box = document.querySelector("[data-people-import-progress]");
  if (!box) return;
  var bar = box.querySelector("progress");
  var label = box.querySelector("[data-people-import-label]");
  var count = box.querySelector("[data-people-import-count]");
  var texts = box.querySelector("[data-people-import-texts]").dataset;

  function show(data) {
    if (data.finished) {
      window.location.reload();
      return;
    }
    label.textContent = texts[data.phase] || texts.checking;
    bar.max = data.total;
    if (data.phase === "saving") {
      bar.value = data.processed;
    } else {
      bar.removeAttribute("value"); // indeterminate while the file is checked again
    }
    bar.textContent = data.percent + "%";
    count.textContent = texts.count.replace("%P", data.processed).replace("%T", data.total);
    window.setTimeout(poll, 2000);
  }

  function poll() {
    fetch(box.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(show)
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
})();
