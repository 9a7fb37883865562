// The scoring sheet keeps every keystroke: each change is written to this device at once
// (IndexedDB, see offline.js) and sent to the server a moment later when online, with the
// version it was based on. The state line says where the sheet is: on the server, on this
// device only, or what failed. When the server's copy moved (another device, a committee
// reopen) nothing is overwritten: both values are shown side by side per indicator and the
// judge chooses. Submitting needs the network and a sheet the server already has. Photos
// taken offline wait in a queue and are sent with their progress when back online.
(function () {
  "use strict";
  var JO = window.JuaraOffline;
  var form = document.querySelector("form.jdg-sheet[data-sheet]");
  if (!JO || !form || !window.fetch) { return; }
  var sheet = form.getAttribute("data-sheet");
  var writable = form.getAttribute("data-writable") === "true";
  var stateEl = document.getElementById("sync-state");
  var conflictEl = document.getElementById("sync-conflict");
  var deviceEl = document.getElementById("device-warning");
  var rec = null;
  var timer = null;
  var busy = false;
  var needLogin = false;

  // --- Reading and writing the form ------------------------------------------------------
  function read() {
    var snap = { answers: {}, visit_date: "", visit_notes: "" };
    Array.prototype.forEach.call(form.elements, function (el) {
      var m = /^(score|na|comment)\[([0-9a-f-]+)\]$/.exec(el.name || "");
      if (m) {
        var a = snap.answers[m[2]] || (snap.answers[m[2]] = { value: "", na: false, comment: "" });
        if (m[1] === "score") { a.value = el.value.trim(); }
        if (m[1] === "na") { a.na = el.checked; }
        if (m[1] === "comment") { a.comment = el.value; }
      } else if (el.name === "visit_date" || el.name === "visit_notes") {
        snap[el.name] = el.value;
      }
    });
    return snap;
  }
  function write(snap) {
    Object.keys(snap.answers).forEach(function (id) {
      var a = snap.answers[id];
      var s = document.getElementById("s-" + id);
      var c = document.getElementById("c-" + id);
      var na = form.elements["na[" + id + "]"];
      if (s) { s.value = a.value || ""; }
      if (c) { c.value = a.comment || ""; }
      if (na) { na.checked = Boolean(a.na); }
    });
    ["visit_date", "visit_notes"].forEach(function (n) { if (form.elements[n]) { form.elements[n].value = snap[n] || ""; } });
    // The running subtotal follows (judging.js listens to input).
    form.dispatchEvent(new Event("input", { bubbles: true }));
  }
  // A server copy (the sync API's shape) as a snapshot.
  function fromServer(copy) {
    var snap = { answers: {}, visit_date: copy.visit_date || "", visit_notes: copy.visit_notes || "" };
    Object.keys(read().answers).forEach(function (id) { snap.answers[id] = { value: "", na: false, comment: "" }; });
    copy.answers.forEach(function (a) {
      snap.answers[a.criterion_id] = { value: a.value || "", na: a.not_applicable, comment: a.comment || "" };
    });
    return snap;
  }
  function num(v) { return v === "" || v === null || v === undefined ? "" : String(parseFloat(String(v).replace(",", "."))); }
  function sameAnswer(a, b) {
    a = a || { value: "", na: false, comment: "" };
    b = b || { value: "", na: false, comment: "" };
    return Boolean(a.na) === Boolean(b.na) && (a.na || num(a.value) === num(b.value)) &&
      (a.comment || "").trim() === (b.comment || "").trim();
  }
  function same(x, y) {
    var ids = Object.keys(x.answers).concat(Object.keys(y.answers));
    return ids.every(function (id) { return sameAnswer(x.answers[id], y.answers[id]); }) &&
      (x.visit_date || "") === (y.visit_date || "") && (x.visit_notes || "").trim() === (y.visit_notes || "").trim();
  }

  // --- The state line ----------------------------------------------------------------------
  function show(kind, message) {
    stateEl.className = "sync-state sync-" + kind;
    stateEl.textContent = "";
    var text = kind === "failed" ? JO.text("state-failed", { reason: message }) : JO.text("state-" + kind);
    stateEl.appendChild(document.createTextNode(text));
    if (kind === "login") {
      var a = document.createElement("a");
      a.href = "/login?next=" + encodeURIComponent(location.pathname);
      a.textContent = JO.text("login-again");
      a.className = "button";
      stateEl.appendChild(document.createTextNode(" "));
      stateEl.appendChild(a);
    }
  }
  function showRecord() {
    if (discard) { discard.hidden = !(rec.dirty || rec.conflict); }
    if (needLogin) { show("login"); return; }
    if (rec.conflict) { show("failed", JO.text("conflict-short")); return; }
    if (rec.error) { show("failed", rec.error); return; }
    show(rec.dirty ? "device" : "server");
  }
  function clearMarks() {
    form.querySelectorAll(".field-error.sync").forEach(function (p) { p.remove(); });
  }
  function mark(fields) {
    Object.keys(fields || {}).forEach(function (id) {
      var input = document.getElementById("s-" + id);
      if (!input) { return; }
      var p = document.createElement("p");
      p.className = "field-error sync";
      p.id = "sync-err-" + id;
      p.textContent = fields[id].join(" ");
      input.closest("fieldset").appendChild(p);
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", p.id);
    });
  }
  function warnDevice(at) {
    if (!deviceEl) { return; }
    deviceEl.hidden = !at;
    if (at) { deviceEl.querySelector("p").textContent = JO.text("other-device", { when: new Date(at).toLocaleTimeString() }); }
  }

  // --- Sync ------------------------------------------------------------------------------
  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(sync, delay === undefined ? 1500 : delay);
  }
  var inFlight = Promise.resolve(true);
  function sync() {
    if (!rec || !writable || rec.conflict) { return Promise.resolve(false); }
    // One request at a time; a change typed meanwhile is sent right after it.
    if (busy) { return inFlight.then(function () { return sync(); }); }
    if (!rec.dirty) { showRecord(); return Promise.resolve(true); }
    if (!navigator.onLine) { showRecord(); return Promise.resolve(false); }
    busy = true;
    var seq = rec.seq, sent = rec.local;
    show("sending");
    inFlight = JO.send(rec).then(function (res) {
      needLogin = res.status === 401;
      var b = res.body || {};
      if (res.status === 200) {
        JO.confirmed(rec, sent, seq, b.version);
        form.elements.version.value = b.version;
        clearMarks();
        warnDevice(b.other_device_at);
      } else if (res.status === 409 && b.error === "stale") {
        return conflict(b.current);
      } else if (res.status === 422) {
        clearMarks();
        mark(b.fields);
        rec.error = b.message || JO.text("refused");
      } else if (!needLogin) {
        rec.error = b.message || JO.text("http-" + res.status) || String(res.status);
      }
      return JO.put(rec);
    }).then(function () { return !rec.dirty; }, function () {
      return false; // the network dropped: the record stays unsent on this device
    }).then(function (ok) {
      busy = false;
      showRecord();
      return ok;
    });
    return inFlight;
  }

  // --- Conflicts: both copies side by side -----------------------------------------------
  function label(id) {
    var input = document.getElementById("s-" + id);
    var legend = input && input.closest("fieldset").querySelector("legend");
    return legend ? legend.textContent.replace(/\s+/g, " ").trim() : id;
  }
  function describe(a) {
    if (!a) { return "—"; }
    var parts = [a.na ? JO.text("na") : (a.value ? String(a.value).replace(".", ",") : "—")];
    if ((a.comment || "").trim()) { parts.push("“" + a.comment.trim() + "”"); }
    return parts.join(" · ");
  }
  function conflict(copy) {
    var server = fromServer(copy);
    var base = rec.server;
    var rows = [];
    Object.keys(rec.local.answers).forEach(function (id) {
      var mine = rec.local.answers[id], theirs = server.answers[id], was = base.answers[id];
      if (sameAnswer(mine, theirs)) { return; }
      var pick = sameAnswer(mine, was) ? "server" : (sameAnswer(theirs, was) ? "local" : "");
      rows.push({ id: id, name: label(id), mine: describe(mine), theirs: describe(theirs), pick: pick });
    });
    ["visit_date", "visit_notes"].forEach(function (n) {
      if ((rec.local[n] || "").trim() === (server[n] || "").trim()) { return; }
      var pick = (rec.local[n] || "") === (base[n] || "") ? "server" : ((server[n] || "") === (base[n] || "") ? "local" : "");
      rows.push({ id: n, name: JO.text(n), mine: rec.local[n] || "—", theirs: server[n] || "—", pick: pick });
    });
    if (!rows.length) {
      // The server moved but holds exactly what this device has: nothing to choose.
      JO.confirmed(rec, server, rec.seq, copy.version);
      rec.dirty = false;
      form.elements.version.value = copy.version;
      return JO.put(rec);
    }
    rec.conflict = { version: copy.version, server: server, rows: rows };
    return JO.put(rec).then(function () { renderConflict(); });
  }
  function renderConflict() {
    var c = rec.conflict;
    var list = conflictEl.querySelector(".conflict-rows");
    list.textContent = "";
    c.rows.forEach(function (row) {
      var fs = document.createElement("fieldset");
      fs.className = "conflict-row";
      var lg = document.createElement("legend");
      lg.textContent = row.name;
      fs.appendChild(lg);
      [["local", row.mine, "mine"], ["server", row.theirs, "theirs"]].forEach(function (o) {
        var l = document.createElement("label");
        l.className = "choice conflict-" + o[0];
        var r = document.createElement("input");
        r.type = "radio";
        r.name = "pick-" + row.id;
        r.value = o[0];
        r.checked = row.pick === o[0];
        l.appendChild(r);
        var s = document.createElement("span");
        var strong = document.createElement("strong");
        strong.textContent = JO.text(o[2]) + ": ";
        s.appendChild(strong);
        s.appendChild(document.createTextNode(o[1]));
        l.appendChild(s);
        fs.appendChild(l);
      });
      list.appendChild(fs);
    });
    conflictEl.hidden = false;
    showRecord();
  }
  function resolve() {
    var c = rec.conflict;
    var merged = JSON.parse(JSON.stringify(rec.local));
    var missing = false;
    c.rows.forEach(function (row) {
      var picked = conflictEl.querySelector("input[name='pick-" + row.id + "']:checked");
      if (!picked) { missing = true; return; }
      if (picked.value !== "server") { return; }
      if (row.id === "visit_date" || row.id === "visit_notes") { merged[row.id] = c.server[row.id]; } else { merged.answers[row.id] = c.server.answers[row.id]; }
    });
    var note = conflictEl.querySelector(".conflict-missing");
    note.hidden = !missing;
    if (missing) { return; }
    // Indicators without a conflict take the server's value unless this device changed them.
    Object.keys(c.server.answers).forEach(function (id) {
      if (!c.rows.some(function (r) { return r.id === id; }) && sameAnswer(rec.local.answers[id], rec.server.answers[id])) {
        merged.answers[id] = c.server.answers[id];
      }
    });
    rec.base = c.version;
    rec.server = c.server;
    rec.local = merged;
    rec.seq += 1;
    rec.dirty = !same(merged, c.server);
    rec.conflict = null;
    rec.error = null;
    form.elements.version.value = c.version;
    write(merged);
    conflictEl.hidden = true;
    JO.put(rec).then(function () { return sync(); });
  }

  // --- Photos: a queue on this device ----------------------------------------------------
  var photoForm = document.querySelector("form.photo-form");
  var queueEl = document.getElementById("photo-queue");
  function renderQueue() {
    if (!queueEl) { return Promise.resolve([]); }
    return JO.photos(sheet).then(function (items) {
      queueEl.textContent = "";
      items.forEach(function (p) {
        var li = document.createElement("li");
        li.id = "queued-" + p.id;
        li.textContent = p.name + " — " + (p.error ? JO.text("state-failed", { reason: p.error }) : JO.text("photo-waiting")) + " ";
        var bar = document.createElement("progress");
        bar.max = 100;
        bar.value = 0;
        bar.setAttribute("aria-label", p.name);
        li.appendChild(bar);
        if (p.error) {
          var drop = document.createElement("button");
          drop.type = "button";
          drop.className = "link small";
          drop.textContent = JO.text("photo-drop");
          drop.addEventListener("click", function () { JO.dropPhoto(p.id).then(renderQueue); });
          li.appendChild(drop);
        }
        queueEl.appendChild(li);
      });
      queueEl.hidden = !items.length;
      return items;
    });
  }
  function uploadOne(p) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      var data = new FormData();
      data.append("file", p.blob, p.name);
      xhr.open("POST", "/judge/sheets/" + sheet + "/photos/queue");
      xhr.setRequestHeader("X-CSRF-Token", JO.token);
      xhr.setRequestHeader("Accept", "application/json");
      var bar = document.querySelector("#queued-" + p.id + " progress");
      xhr.upload.addEventListener("progress", function (e) {
        if (bar && e.lengthComputable) { bar.value = Math.round((e.loaded / e.total) * 100); }
      });
      xhr.onload = function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText || "null"); } catch (e) { body = null; }
        resolve({ status: xhr.status, body: body });
      };
      xhr.onerror = function () { reject(new Error("network")); };
      xhr.send(data);
    });
  }
  var sendingPhotos = false;
  function sendPhotos() {
    if (sendingPhotos) { return Promise.resolve(); }
    if (!navigator.onLine || needLogin) { return renderQueue(); }
    sendingPhotos = true;
    return renderQueue().then(function (items) {
      return items.filter(function (p) { return !p.error; }).reduce(function (chain, p) {
        return chain.then(function () {
          return uploadOne(p).then(function (res) {
            if (res.status === 201) {
              var list = document.getElementById("photo-list");
              var li = document.createElement("li");
              var a = document.createElement("a");
              a.href = res.body.url;
              a.textContent = res.body.label;
              li.appendChild(a);
              list.querySelectorAll("li.muted").forEach(function (m) { m.remove(); });
              list.appendChild(li);
              return JO.dropPhoto(p.id);
            }
            if (res.status === 401) { needLogin = true; showRecord(); return null; }
            if (res.status === 403) { return JO.fetchCopy(sheet); }
            // Refused (not an image, sheet locked): kept and shown with the reason until removed.
            p.error = (res.body && res.body.message) || String(res.status);
            return JO.savePhoto(p);
          });
        });
      }, Promise.resolve());
    }).catch(function () { /* offline again: the queue waits */ })
      .then(function () { sendingPhotos = false; return renderQueue(); });
  }
  if (photoForm) {
    photoForm.addEventListener("submit", function (event) {
      var input = photoForm.querySelector("input[type=file]");
      if (!input.files.length) { return; }
      event.preventDefault();
      var file = input.files[0];
      JO.queuePhoto(sheet, file).then(function () {
        input.value = "";
        return renderQueue();
      }).then(sendPhotos);
    });
  }

  // --- Buttons: save now, submit only online from a synced sheet -------------------------
  var notice = document.getElementById("sync-notice");
  function say(message) { notice.textContent = message; notice.hidden = !message; }
  document.addEventListener("submit", function (event) {
    if (event.target !== form || event.defaultPrevented) { return; }
    var action = event.submitter ? event.submitter.value : "save";
    say("");
    if (action === "submit" && navigator.onLine && rec && !rec.dirty && !busy && !rec.conflict && !needLogin) {
      // The server has exactly this sheet: the form is sent as it is (its token refreshed).
      clearTimeout(timer);
      form.elements._csrf.value = JO.token;
      return;
    }
    event.preventDefault();
    if (action !== "submit") { sync(); return; }
    if (!navigator.onLine) { say(JO.text("submit-offline")); return; }
    if (rec.conflict) { say(JO.text("conflict-short")); return; }
    sync().then(function (ok) {
      if (!ok || rec.dirty) { say(JO.text("submit-unsynced")); return; }
      // A page from the offline cache may carry an old token; the server's latest is used.
      form.elements._csrf.value = JO.token;
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = "action";
      hidden.value = "submit";
      form.appendChild(hidden);
      form.submit();
    });
  });
  document.getElementById("conflict-apply").addEventListener("click", resolve);
  var discard = document.getElementById("sync-discard");
  if (discard) {
    discard.addEventListener("click", function () {
      if (!window.confirm(JO.text("discard-confirm"))) { return; }
      JO.remove(sheet).then(function () { location.reload(); });
    });
  }

  // --- Start: the page, this device's record, then the server ----------------------------
  function start(found) {
    var page = read();
    var version = Number(form.elements.version.value);
    if (!found) {
      rec = { sheet: sheet, base: version, server: page, local: page, dirty: false, seq: 0 };
    } else {
      rec = found;
      if (rec.dirty || rec.conflict || rec.base > version) {
        // Unsent work, or a page from the cache older than what this device last synced.
        write(rec.local);
      } else {
        rec.base = version;
        rec.server = page;
        rec.local = page;
      }
    }
    form.elements.version.value = rec.base;
    // A failure seen earlier (e.g. on the sheet list) is asked again below.
    rec.error = null;
    if (!writable && rec.dirty) {
      rec.error = JO.text("locked-local");
    }
    form.addEventListener("input", function () {
      if (!writable) { return; }
      rec.local = read();
      rec.seq += 1;
      rec.dirty = !same(rec.local, rec.server);
      rec.error = null;
      JO.put(rec).then(showRecord, function () { show("failed", JO.text("no-storage")); });
      schedule();
    });
    if (rec.conflict) { renderConflict(); }
    return JO.put(rec).then(function () {
      showRecord();
      if (!navigator.onLine) { return null; }
      return JO.fetchCopy(sheet).then(function (c) {
        if (c.status === 401) { needLogin = true; showRecord(); return null; }
        if (c.body) { warnDevice(c.body.other_device_at); }
        return sync();
      }).catch(function () { return null; });
    });
  }
  JO.get(sheet).catch(function () { return null; }).then(start).then(sendPhotos, function () {
    show("failed", JO.text("no-storage"));
  });
  window.addEventListener("online", function () { sync().then(sendPhotos); });
  window.addEventListener("offline", function () { if (rec) { showRecord(); } });
  setInterval(function () { if (rec && rec.dirty && navigator.onLine) { sync().then(sendPhotos); } }, 30000);
})();
