// The H5P player page on the content origin (media/player.py), framed by a lesson page of the
// site. It has no session: everything that needs the trainee goes through the lesson page, by
// postMessage, to the site's origin only, and only messages from that page are read.
//   frame -> lesson: ready, started, failed, height, xapi (a statement), state (to save)
//   lesson -> frame: init (the saved state and H5P's interface strings)
(function () {
  "use strict";
  var options = JSON.parse(document.getElementById("h5p-options").textContent);
  var site = options.lms.siteOrigin;
  delete options.lms;
  var started = false;

  function tell(message) {
    message.type = "lms-h5p:" + message.type;
    window.parent.postMessage(message, site);
  }

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  // A frame from another site may not use localStorage where the browser blocks third-party
  // storage (Chrome's incognito windows do), and H5P core reads it without a guard when it
  // builds the activity. A memory store for this visit stands in: the trainee's state is saved
  // on the site anyway, through the lesson page.
  function guardStorage(win) {
    try {
      if (win.localStorage) return;
    } catch (error) {
      // denied: replaced below
    }
    var items = {};
    var memory = {
      getItem: function (key) { return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null; },
      setItem: function (key, value) { items[key] = String(value); },
      removeItem: function (key) { delete items[key]; },
      clear: function () { items = {}; },
      key: function (index) { var keys = Object.keys(items); return index < keys.length ? keys[index] : null; },
    };
    Object.defineProperty(memory, "length", { get: function () { return Object.keys(items).length; } });
    try {
      Object.defineProperty(win, "localStorage", { value: memory, configurable: true });
    } catch (error) {
      // left as it is: H5P then fails as it would have
    }
  }
  guardStorage(window);

  // h5p-frame-state.js, inside the player's own frame, hands H5P core's saves to this.
  window.lmsH5PFrame = {
    guardStorage: guardStorage,
    saveState: function (data) {
      if (typeof data === "string") tell({ type: "state", data: data });
    },
  };

  function reportHeight() {
    var last = 0;
    function send() {
      var height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        tell({ type: "height", height: height });
      }
    }
    new ResizeObserver(send).observe(document.body);
    send();
  }

  function listen() {
    window.H5P.externalDispatcher.on("xAPI", function (event) {
      var statement = event && event.data && event.data.statement;
      if (statement) tell({ type: "xapi", statement: copy(statement) });
    });
  }

  function play(init) {
    started = true;
    if (typeof init.state === "string") options.contentUserData = [{ state: init.state }];
    if (init.translations && typeof init.translations === "object") {
      options.translations = init.translations;
    }
    options.id = "lms-h5p-frame";
    new window.H5PStandalone.H5P(document.querySelector("[data-h5p-player]"), options)
      .then(function () {
        listen();
        reportHeight();
        tell({ type: "started" });
      })
      .catch(function () {
        tell({ type: "failed" });
      });
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== site || event.source !== window.parent) return;
    var data = event.data;
    if (started || !data || data.type !== "lms-h5p:init") return;
    play(data);
  });
  tell({ type: "ready" });
})();
