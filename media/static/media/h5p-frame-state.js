// Runs inside the H5P player's own frame on the content origin (media/player.py gives it to
// h5p-standalone as customJs). H5P core saves and reads the trainee's state with jQuery.ajax at
// "lms-relay:state?..."; the content origin has no session, so this answers those requests in
// the browser and hands each save to the player page (h5p-frame.js), which passes it to the
// lesson page. The saved state to resume from arrives with the player's options instead. It also
// gives this frame the player page's stand-in for a blocked localStorage.
(function () {
  "use strict";
  var relay = window.parent.lmsH5PFrame;
  if (!window.H5P || !window.H5P.jQuery || !relay) return;
  relay.guardStorage(window);
  window.H5P.jQuery.ajaxTransport("+*", function (options, original) {
    if (String(original.url || "").indexOf("lms-relay:state?") !== 0) return undefined;
    return {
      send: function (headers, done) {
        var query = new URLSearchParams(original.url.split("?")[1] || "");
        var own = query.get("dataType") === "state" && (query.get("subContentId") || "0") === "0";
        if (options.type === "POST" && own && original.data) {
          var data = original.data.data;
          relay.saveState(data === 0 || data === "0" ? "0" : String(data));
        }
        done(200, "OK", { text: JSON.stringify({ success: true, data: false }) });
      },
      abort: function () {},
    };
  });
})();
