// H5P activities in a lesson (media/templates/media/blocks/h5p.html). Nothing of the player is
// fetched until the trainee presses Start. Then, with a content origin set (H5P_CONTENT_ORIGIN),
// the player runs in a frame from that origin (media/player.py, h5p-frame.js) and talks to this
// page by postMessage only: this page hands it the saved state and H5P's interface strings, and
// posts the statements and state it sends back to the site with the session. Without one,
// h5p-standalone is loaded into this page. Either way every xAPI statement is posted to
// /h5p/xapi/ with the block's player token; the server decides what counts and this script only
// shows what it answered.
(function () {
  "use strict";
  if (window.lmsH5PBlocks) return; // the block's <script> tag comes once per block
  window.lmsH5PBlocks = true;

  var blocks = {}; // player id -> {section, lms, title}
  var count = 0;
  var chain = Promise.resolve(); // h5p-standalone builds one player at a time
  var loaded = {};
  var listening = false;

  function load(url, kind) {
    if (!loaded[url]) {
      loaded[url] = new Promise(function (resolve, reject) {
        var node;
        if (kind === "css") {
          node = document.createElement("link");
          node.rel = "stylesheet";
          node.href = url;
        } else {
          node = document.createElement("script");
          node.src = url;
        }
        node.onload = resolve;
        node.onerror = function () {
          delete loaded[url];
          node.remove();
          reject(new Error(url));
        };
        document.head.appendChild(node);
      });
    }
    return loaded[url];
  }

  function uuid4() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map
      .call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); })
      .join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (field) return field.value;
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function blockFor(statement) {
    var object = statement && statement.object;
    if (!object || !object.id) return null;
    var extensions = (object.definition && object.definition.extensions) || {};
    var local = extensions["http://h5p.org/x-api/h5p-local-content-id"];
    if (local && blocks[local]) return blocks[local];
    // A sub-question's statement names its parent activity's IRI.
    for (var id in blocks) {
      var iri = blocks[id].iri;
      if (object.id === iri || object.id.indexOf(iri + "?") === 0) return blocks[id];
    }
    return null;
  }

  function markLessonDone(block) {
    var form = document.querySelector("form.lesson-done");
    if (!form) return;
    var done = document.createElement("p");
    done.className = "status status--done";
    done.setAttribute("data-lesson-done", "");
    done.textContent = block.lms.messages.lessonDone;
    form.replaceWith(done);
  }

  function markActivityPassed(block) {
    // The lesson's list of activities to pass (courses/lesson_page.html) names each by title.
    var items = document.querySelectorAll(".activity-list li");
    Array.prototype.forEach.call(items, function (item) {
      var state = item.querySelector(".state");
      if (state && item.textContent.trim().indexOf(block.title + ":") === 0) {
        state.className = "state state--completed";
        state.textContent = block.lms.messages.passedState;
      }
    });
  }

  function show(block, ok, data) {
    var status = block.section.querySelector("[data-h5p-status]");
    var messages = block.lms.messages;
    if (!ok) {
      status.textContent = messages.notSaved + " " + ((data && data.error) || "");
      return;
    }
    if (!data.counted) return;
    var text = data.passed ? messages.passed : messages.notPassed;
    if (data.score !== null && data.score !== undefined) {
      text += " " + messages.score.replace("%(score)s", Math.round(data.score)).replace("%%", "%");
    }
    status.textContent = text;
    if (data.passed) markActivityPassed(block);
    if (data.lesson_completed) markLessonDone(block);
  }

  function send(block, statement, attempt) {
    fetch(block.lms.xapiUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRFToken": csrfToken(),
      },
      body: JSON.stringify({ token: block.lms.token, statement: statement }),
    })
      .then(function (response) {
        return response.json().then(function (data) { show(block, response.ok, data); });
      })
      .catch(function () {
        // Offline for a moment: the statement keeps its id, so sending it again is harmless.
        if (attempt < 5) {
          setTimeout(function () { send(block, statement, attempt + 1); }, 2000 * (attempt + 1));
        }
      });
  }

  function listen() {
    if (listening) return;
    listening = true;
    window.H5P.externalDispatcher.on("xAPI", function (event) {
      var statement = event && event.data && event.data.statement;
      var block = blockFor(statement);
      if (!block) return;
      statement = JSON.parse(JSON.stringify(statement));
      statement.id = statement.id || uuid4();
      statement.timestamp = statement.timestamp || new Date().toISOString();
      send(block, statement, 0);
    });
  }

  // H5P core reads a saved state synchronously when it builds the activity, so where the
  // trainee left off is fetched first and handed over as `contentUserData`.
  function savedState(options) {
    var url = options.ajax.contentUserDataUrl
      .replace(":dataType", "state")
      .replace(":subContentId", "0");
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (saved) {
        if (saved && saved.success && typeof saved.data === "string") {
          options.contentUserData = [{ state: saved.data }];
        }
      })
      .catch(function () {});
  }

  // --- The player in a frame from the content origin ---------------------------------------

  var frames = []; // blocks whose player runs in a frame: {iframe, ...}
  var MESSAGE = "lms-h5p:";

  function frameBlockFor(event) {
    // Only our own frames, and only while they show the content origin: a message from any
    // other window, or from this page itself, is not the player.
    for (var i = 0; i < frames.length; i += 1) {
      var block = frames[i];
      if (event.source === block.iframe.contentWindow && event.origin === block.lms.frameOrigin) {
        return block;
      }
    }
    return null;
  }

  function saveState(block, data) {
    if (typeof data !== "string") return;
    var url = block.stateUrl.replace(":dataType", "state").replace(":subContentId", "0");
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({ data: data }).toString(),
    }).catch(function () {});
  }

  function frameFailed(block) {
    var index = frames.indexOf(block);
    if (index < 0) return;
    frames.splice(index, 1);
    block.iframe.remove();
    block.button.disabled = false;
    block.status.textContent = block.lms.messages.failed;
  }

  function frameStarted(block) {
    block.started = true;
    block.section.classList.add("h5p-activity--started");
    var intro = block.button.closest(".h5p-activity__intro");
    if (intro) intro.remove();
    block.status.textContent = "";
  }

  function onFrameMessage(event) {
    var block = frameBlockFor(event);
    var data = event.data;
    if (!block || !data || typeof data.type !== "string" || data.type.indexOf(MESSAGE) !== 0) {
      return;
    }
    var kind = data.type.slice(MESSAGE.length);
    if (kind === "ready" && !block.ready) {
      block.ready = true;
      block.iframe.contentWindow.postMessage(
        { type: MESSAGE + "init", state: block.state, translations: block.translations },
        block.lms.frameOrigin
      );
    } else if (kind === "started") {
      frameStarted(block);
    } else if (kind === "failed") {
      frameFailed(block);
    } else if (kind === "height" && typeof data.height === "number" && data.height > 0) {
      block.iframe.style.height = Math.min(Math.ceil(data.height), 20000) + "px";
    } else if (kind === "xapi" && data.statement && typeof data.statement === "object") {
      var statement = data.statement;
      statement.id = statement.id || uuid4();
      statement.timestamp = statement.timestamp || new Date().toISOString();
      send(block, statement, 0);
    } else if (kind === "state") {
      saveState(block, data.data);
    }
  }

  function startInFrame(section, options, lms, block) {
    block.stateUrl = options.ajax.contentUserDataUrl;
    block.translations = options.translations;
    var iframe = document.createElement("iframe");
    iframe.className = "h5p-activity__frame";
    iframe.title = options.title;
    // Its own origin already keeps it away from this page; the sandbox also stops it leaving
    // the lesson (no navigating this page) or opening dialogs over it.
    iframe.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups");
    iframe.setAttribute("allow", "fullscreen");
    iframe.setAttribute("referrerpolicy", "no-referrer");
    block.iframe = iframe;
    if (frames.length === 0) window.addEventListener("message", onFrameMessage);
    frames.push(block);
    iframe.addEventListener("load", function () {
      // The page says "ready" as it loads; a refusal (expired link) or an error page never does.
      setTimeout(function () { if (!block.ready) frameFailed(block); }, 5000);
    });
    savedState(options).then(function () {
      block.state = options.contentUserData ? options.contentUserData[0].state : null;
      iframe.src = lms.frameUrl;
      section.querySelector("[data-h5p-player]").appendChild(iframe);
    });
  }

  function start(section) {
    var button = section.querySelector("[data-h5p-start]");
    var status = section.querySelector("[data-h5p-status]");
    var options = JSON.parse(section.querySelector("script[type='application/json']").textContent);
    var lms = options.lms;
    delete options.lms;
    if (lms.frameUrl) {
      var framed = { section: section, lms: lms, title: options.title, button: button, status: status };
      button.disabled = true;
      status.textContent = lms.messages.loading;
      load(lms.css, "css");
      startInFrame(section, options, lms, framed);
      return;
    }
    count += 1;
    options.id = "lms-h5p-" + lms.contentId + "-" + count;
    var block = { section: section, lms: lms, title: options.title, iri: options.xAPIObjectIRI };
    blocks[options.id] = block;
    button.disabled = true;
    status.textContent = lms.messages.loading;
    load(lms.css, "css");
    chain = chain
      .then(function () { return savedState(options); })
      .then(function () { return load(lms.player, "js"); })
      .then(function () {
        return new window.H5PStandalone.H5P(section.querySelector("[data-h5p-player]"), options);
      })
      .then(function () {
        listen();
        section.classList.add("h5p-activity--started");
        button.closest(".h5p-activity__intro").remove();
        status.textContent = "";
      })
      .catch(function () {
        delete blocks[options.id];
        section.querySelector("[data-h5p-player]").textContent = "";
        button.disabled = false;
        status.textContent = lms.messages.failed;
      });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-h5p-start]");
    if (button && !button.disabled) start(button.closest("[data-h5p-activity]"));
  });
})();
