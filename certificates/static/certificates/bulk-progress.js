// The class ZIP screen: while the archive is queued or being built, ask for its progress every 1.5 s and
// move the bar; show the download link when it is ready. Without JavaScript, reloading works.
(function () {
  "use strict";
  var box = document.getElementById("certificate-zip");
  var WAITING = ["queued", "running"];
  if (!box || WAITING.indexOf(box.dataset.state) < 0) return;
  var texts = JSON.parse(document.getElementById("certificate-zip-texts").textContent);
  var bar = document.getElementById("certificate-zip-bar");
  var text = document.getElementById("certificate-zip-text");
  var download = document.getElementById("certificate-zip-download");

  function show(state) {
    bar.value = state.percent;
    if (state.state === "running") {
      text.textContent = texts.running.replace("%(done)s", state.done).replace("%(total)s", state.total);
    } else if (texts[state.state]) {
      text.textContent = texts[state.state];
    }
    if (state.state === "done") {
      download.querySelector("a").href = state.download_url;
      download.hidden = false;
    }
    return WAITING.indexOf(state.state) >= 0;
  }

  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (state) { if (show(state)) window.setTimeout(poll, 1500); })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
