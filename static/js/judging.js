// Running subtotal on the scoring sheet: while the judge types, the unsaved answers are sent
// to the engine (POST …/preview, nothing is stored); the weighted subtotal, each aspect's own
// subtotal and the count of answered indicators follow, and a value the engine refuses is
// marked at its field with the reason. Without JavaScript all of it updates on every save.
(function () {
  "use strict";
  var form = document.querySelector("form.jdg-sheet[data-preview]");
  if (!form || !window.fetch) { return; }
  var out = document.getElementById("subtotal");
  var answered = document.getElementById("answered");
  var token = document.querySelector('meta[name="csrf-token"]').content;
  var timer = null;
  // The engine's decimal strings ("30", "2.625") as the page writes them: two decimals with
  // a comma ("30,00", "2,63"), as the server renders the same figure.
  function indonesian(text) {
    if (text === null || text === undefined || text === "") { return "—"; }
    var n = Number(text);
    return isNaN(n) ? String(text) : n.toFixed(2).replace(".", ",");
  }
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
  function clearMarks() {
    Array.prototype.forEach.call(form.querySelectorAll(".field-error.live"), function (p) {
      var input = document.getElementById("s-" + p.getAttribute("data-for"));
      if (input && !input.closest(".has-error")) { input.removeAttribute("aria-invalid"); }
      p.remove();
    });
  }
  function mark(fields) {
    Object.keys(fields || {}).forEach(function (key) {
      var id = key.replace(/^answers\./, "");
      var input = document.getElementById("s-" + id);
      if (!input) { return; }
      var p = document.createElement("p");
      p.className = "field-error live";
      p.id = "live-err-" + id;
      p.setAttribute("data-for", id);
      p.textContent = fields[key].join(" ");
      input.insertAdjacentElement("afterend", p);
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", p.id);
    });
  }
  function show(p) {
    out.textContent = indonesian(p.subtotal);
    Array.prototype.forEach.call(form.querySelectorAll("[data-aspect]"), function (el) {
      el.textContent = indonesian((p.aspects || {})[el.getAttribute("data-aspect")]);
    });
    if (answered && answered.getAttribute("data-template") && p.leaves !== undefined) {
      answered.textContent = "(" + answered.getAttribute("data-template")
        .replace("{done}", p.answered).replace("{total}", p.leaves) + ")";
    }
  }
  function refresh() {
    var body = JSON.stringify({ version: Number(form.elements.version.value), answers: answers() });
    fetch(form.getAttribute("data-preview"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
      body: body
    }).then(function (r) {
      return r.json().then(function (p) { return { ok: r.ok, body: p }; });
    }).then(function (res) {
      clearMarks();
      if (res.ok) { show(res.body); return; }
      show({ subtotal: null, aspects: {} });
      mark(res.body && res.body.fields);
    }).catch(function () { out.textContent = "—"; });
  }
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
})();

// Level descriptors: a tap on "3 Berjalan sebagian" puts 3 in the score field, as typing it
// would (so the subtotal, autosave and offline queue follow); typing marks the matching level.
(function () {
  "use strict";
  function same(a, b) { return a !== "" && b !== "" && Number(a.replace(",", ".")) === Number(b); }
  function mark(input) {
    var list = input.parentNode.querySelectorAll('button.level[data-for="' + input.id + '"]');
    Array.prototype.forEach.call(list, function (b) {
      b.setAttribute("aria-pressed", same(input.value.trim(), b.getAttribute("data-value")) ? "true" : "false");
    });
  }
  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button.level") : null;
    if (!b || b.disabled) { return; }
    var input = document.getElementById(b.getAttribute("data-for"));
    if (!input || input.disabled) { return; }
    input.value = String(Number(b.getAttribute("data-value")));
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
    mark(input);
  });
  document.addEventListener("input", function (e) {
    if (e.target && e.target.id && e.target.id.indexOf("s-") === 0) { mark(e.target); }
  });
})();
