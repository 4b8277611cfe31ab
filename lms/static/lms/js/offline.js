/* Registers the service worker (lms/static/lms/js/sw.js, served at /sw.js) so the guide chapters
   a trainee opens stay readable offline. Nothing on the page depends on it: without JavaScript,
   or in a browser without service workers, pages simply need the network. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  var script = document.currentScript;
  var workerUrl = (script && script.getAttribute("data-sw")) || "/sw.js";
  var servedByWorker = Boolean(navigator.serviceWorker.controller);
  window.addEventListener("load", function () {
    navigator.serviceWorker
      .register(workerUrl, { scope: "/" })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        // A page marked for offline reading that came from the network before the worker ran
        // (the first visit) is not saved yet: ask the worker to save it.
        if (!servedByWorker && registration.active && document.querySelector('[data-lms-offline="keep"]')) {
          registration.active.postMessage({ type: "keep", url: location.href });
        }
      })
      .catch(function () {
        /* Offline reading is a bonus: a failed registration changes nothing on the page. */
      });
  });
})();
