// Running subtotal on the scoring sheet: while the judge types, the unsaved answers are sent
// to the engine (POST …/preview, nothing is stored) and the weighted subtotal is updated.
// Without JavaScript the subtotal still updates on every save.
(function () {
  "use strict";
  var form = document.querySelector("form.jdg-sheet[data-preview]");
  if (!form || !window.fetch) { return; }
  var out = form.querySelector(".jdg-subtotal strong");
  var token = document.querySelector('meta[name="csrf-token"]').content;
  var timer = null;
  function answers() {
    var byId = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      var m = /^(score|na)\[([0-9a-f-]+)\]$/.exec(el.name || "");
      if (!m) { return; }
      var a = byId[m[2]] || (byId[m[2]] = { criterion_id: m[2] });
      if (m[1] === "score" && el.value.trim() !== "") { a.value = el.value.trim(); }
      if (m[1] === "na" && el.checked) { a.not_applicable = true; }
    });
    return Object.keys(byId).map(function (k) { return byId[k]; });
  }
  function refresh() {
    var body = JSON.stringify({ version: Number(form.elements.version.value), answers: answers() });
    fetch(form.getAttribute("data-preview"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
      body: body
    }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) { out.textContent = p && p.subtotal ? p.subtotal : "—"; })
      .catch(function () { out.textContent = "—"; });
  }
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
})();
