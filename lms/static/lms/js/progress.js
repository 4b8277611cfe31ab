// Records "read to the end" when the end of a lesson scrolls into view, so the trainee need not
// press the button. Without JavaScript the "Mark this lesson as done" button does the same.
(function () {
  "use strict";
  var form = document.querySelector("form.lesson-done[data-read-to-end]");
  if (!form || !("IntersectionObserver" in window) || !window.fetch) return;
  var sent = false;
  function send() {
    if (sent) return;
    sent = true;
    var body = new FormData(form);
    body.set("event", "read");
    fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && data.completed) {
          var done = document.createElement("p");
          done.className = "status status--done";
          done.setAttribute("data-lesson-done", "");
          done.textContent = form.getAttribute("data-done-text");
          form.replaceWith(done);
        }
      })
      .catch(function () { sent = false; });
  }
  var observer = new IntersectionObserver(function (entries) {
    if (entries.some(function (entry) { return entry.isIntersecting; })) {
      observer.disconnect();
      send();
    }
  });
  observer.observe(form);
})();
