/* Commune search for the sign-up and profile forms: type, then pick a match.
   Matching happens on the server (people.views.account.unit_search), without diacritics. */
(function () {
  "use strict";
  function setup(box) {
    var query = box.querySelector("[data-unit-query]");
    var value = box.querySelector("[data-unit-value]");
    var results = box.querySelector("[data-unit-results]");
    var timer = null;
    function choose(item) {
      value.value = item.id;
      query.value = item.label;
      results.hidden = true;
      results.innerHTML = "";
    }
    function show(items) {
      results.innerHTML = "";
      items.forEach(function (item) {
        var li = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.setAttribute("role", "option");
        button.textContent = item.label;
        button.addEventListener("click", function () { choose(item); query.focus(); });
        li.appendChild(button);
        results.appendChild(li);
      });
      results.hidden = items.length === 0;
    }
    query.addEventListener("input", function () {
      value.value = "";
      clearTimeout(timer);
      var q = query.value.trim();
      if (q.length < 2) { show([]); return; }
      timer = setTimeout(function () {
        fetch(box.dataset.endpoint + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.json(); })
          .then(function (data) { show(data.results); });
      }, 200);
    });
    query.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && !results.hidden) {
        event.preventDefault();
        results.querySelector("button").focus();
      }
    });
    results.addEventListener("keydown", function (event) {
      var current = document.activeElement.closest("li");
      if (!current) return;
      if (event.key === "ArrowDown" && current.nextElementSibling) {
        event.preventDefault(); current.nextElementSibling.querySelector("button").focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (current.previousElementSibling ? current.previousElementSibling.querySelector("button") : query).focus();
      }
    });
  }
  document.querySelectorAll("[data-unit-search]").forEach(setup);
})();
