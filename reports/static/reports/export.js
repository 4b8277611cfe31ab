// The export page: asks the status endpoint every second and moves the progress bar until the
// file is ready, then shows the download link. Without JavaScript the page's refresh link does it.
(function () {
  "use strict";
  var box = document.querySelector(".export-progress");
  if (!box) return;
  var bar = box.querySelector("progress");
  var percent = box.querySelector(".export-percent");
  var state = box.querySelector(".export-state");
  var download = box.querySelector(".export-download");
  function show(status) {
    var value = Math.max(0, Math.min(100, Number(status.percent) || 0));
    bar.value = value;
    bar.textContent = value + "%";
    percent.textContent = value + "%";
    if (status.state === "done" && status.url) {
      download.querySelector("a").href = status.url;
      download.hidden = false;
      state.textContent = box.dataset.textDone;
      return true;
    }
    if (status.state === "failed") {
      state.textContent = box.dataset.textFailed + " " + (status.error || "");
      return true;
    }
    return false;
  }
  function poll() {
    fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (status) { if (!show(status)) window.setTimeout(poll, 1000); })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  if (box.dataset.state !== "done" && box.dataset.state !== "failed") poll();
})();
