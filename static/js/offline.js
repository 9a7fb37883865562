// The judge's offline store, shared by every judge page (loaded only for judges):
// - IndexedDB `juara-offline`: one record per (judge, sheet) with the copy the server last
//   confirmed (`server`, at version `base`) and what is on this device (`local`, `dirty` until
//   the server has it); and queued photos (Blobs), sent when back online. IndexedDB rather
//   than localStorage because photos are binary and can be several megabytes each.
// - the service worker (`/sw.js`, scope `/judge`) that keeps the app shell and prepared sheets;
// - "Siapkan untuk luring" and the count of unsent sheets on the judge's sheet list, which
//   also sends kept drafts in the background when online (e.g. after logging in again);
// - a warning before logging out while work is still unsent.
(function () {
  "use strict";
  var JO = (window.JuaraOffline = {});
  var textEl = document.getElementById("offline-text");
  var userMeta = document.querySelector('meta[name="juara-user"]');
  JO.user = userMeta ? userMeta.content : "";
  JO.text = function (key, args) {
    var s = (textEl && textEl.getAttribute("data-" + key)) || key;
    Object.keys(args || {}).forEach(function (k) { s = s.replace("{" + k + "}", args[k]); });
    return s;
  };

  // --- IndexedDB -------------------------------------------------------------------------
  var opening = null;
  JO.db = function () {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        if (!window.indexedDB) { reject(new Error("no IndexedDB")); return; }
        var req = indexedDB.open("juara-offline", 1);
        req.onupgradeneeded = function () {
          var db = req.result;
          db.createObjectStore("sheets", { keyPath: "key" });
          var photos = db.createObjectStore("photos", { keyPath: "id", autoIncrement: true });
          photos.createIndex("sheet", "key");
        };
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { reject(req.error); };
      });
    }
    return opening;
  };
  function run(store, mode, work) {
    return JO.db().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(store, mode);
        var result;
        var req = work(tx.objectStore(store));
        if (req) { req.onsuccess = function () { result = req.result; }; }
        tx.oncomplete = function () { resolve(result); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error); };
      });
    });
  }
  JO.key = function (sheet) { return JO.user + ":" + sheet; };
  JO.get = function (sheet) { return run("sheets", "readonly", function (s) { return s.get(JO.key(sheet)); }); };
  JO.put = function (rec) { rec.key = JO.key(rec.sheet); rec.user = JO.user; return run("sheets", "readwrite", function (s) { return s.put(rec); }); };
  JO.remove = function (sheet) { return run("sheets", "readwrite", function (s) { return s.delete(JO.key(sheet)); }); };
  JO.all = function () {
    return run("sheets", "readonly", function (s) { return s.getAll(); }).then(function (rows) {
      return (rows || []).filter(function (r) { return r.user === JO.user; });
    });
  };
  JO.photos = function (sheet) {
    return run("photos", "readonly", function (s) {
      return sheet ? s.index("sheet").getAll(JO.key(sheet)) : s.getAll();
    }).then(function (rows) {
      return (rows || []).filter(function (r) { return r.user === JO.user; });
    });
  };
  JO.queuePhoto = function (sheet, file) {
    var row = { key: JO.key(sheet), user: JO.user, sheet: sheet, name: file.name, type: file.type, blob: file, added: Date.now() };
    return run("photos", "readwrite", function (s) { return s.add(row); });
  };
  JO.savePhoto = function (row) { return run("photos", "readwrite", function (s) { return s.put(row); }); };
  JO.dropPhoto = function (id) { return run("photos", "readwrite", function (s) { return s.delete(id); }); };
  JO.unsent = function () {
    return Promise.all([JO.all(), JO.photos()]).then(function (r) {
      var sheets = {};
      r[0].forEach(function (rec) { if (rec.dirty) { sheets[rec.sheet] = true; } });
      r[1].forEach(function (p) { sheets[p.sheet] = true; });
      return Object.keys(sheets);
    });
  };

  // --- The device and the server ---------------------------------------------------------
  JO.device = function () {
    var id = null;
    try { id = localStorage.getItem("juara-device"); } catch (e) { id = null; }
    if (!id) {
      var bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      try { localStorage.setItem("juara-device", id); } catch (e) { /* private mode: one id per page */ }
    }
    return id;
  };
  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  JO.token = tokenMeta ? tokenMeta.content : "";
  // The server's copy of a sheet (also refreshes the CSRF token of a page from the cache).
  JO.fetchCopy = function (sheet) {
    return fetch("/judge/sheets/" + sheet + "/sync?device=" + JO.device(), {
      credentials: "same-origin", headers: { Accept: "application/json" }
    }).then(function (r) {
      if (!r.ok) { return { status: r.status, body: null }; }
      return r.json().then(function (b) { JO.token = b.csrf || JO.token; return { status: r.status, body: b }; });
    });
  };
  // The API's answers from a snapshot of the sheet.
  JO.answers = function (snap) {
    return Object.keys(snap.answers).map(function (id) {
      var a = snap.answers[id];
      return { criterion_id: id, value: a.na ? null : (a.value || null), not_applicable: Boolean(a.na), comment: a.comment || "" };
    });
  };
  function post(rec) {
    var body = JSON.stringify({
      device: JO.device(), version: rec.base, answers: JO.answers(rec.local),
      visit_date: rec.local.visit_date || null, visit_notes: rec.local.visit_notes || ""
    });
    return fetch("/judge/sheets/" + rec.sheet + "/sync", {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": JO.token }
    }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (b) { return { status: r.status, body: b }; });
    });
  }
  // Sends a record's local copy; a refused CSRF token (a page from the cache, a new login)
  // is refreshed once. Resolves to {status, body}; rejects when the network is down.
  JO.send = function (rec) {
    return post(rec).then(function (res) {
      if (res.status !== 403) { return res; }
      return JO.fetchCopy(rec.sheet).then(function (c) { return c.status === 200 ? post(rec) : c; });
    });
  };
  // After a confirmed save: the local copy becomes the server's at `version`.
  JO.confirmed = function (rec, sent, seq, version) {
    rec.base = version;
    rec.server = sent;
    rec.dirty = rec.seq !== seq;
    rec.error = null;
    rec.conflict = null;
    return rec;
  };

  // --- Service worker and logout ---------------------------------------------------------
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/judge" }).catch(function () { /* no offline */ });
  }
  var logout = document.querySelector('form[action="/logout"]');
  if (logout) {
    logout.addEventListener("submit", function (event) {
      if (logout.dataset.checked) { return; }
      event.preventDefault();
      JO.unsent().catch(function () { return []; }).then(function (list) {
        if (list.length && !window.confirm(JO.text("logout-warn", { n: list.length }))) { return; }
        // What is unsent stays on this device for this judge; the pages kept for offline use
        // (blind sheets) are removed so the next person on this phone cannot open them.
        var clear = window.caches ? caches.delete("juara-pages") : Promise.resolve();
        clear.catch(function () {}).then(function () {
          logout.dataset.checked = "1";
          logout.submit();
        });
      });
    });
  }

  // --- The sheet list: unsent count, background send, "Siapkan untuk luring" -------------
  var card = document.getElementById("offline-card");
  if (!card) { return; }
  var count = document.getElementById("offline-unsent");
  var progress = document.getElementById("offline-progress");
  function showUnsent() {
    return JO.unsent().then(function (list) {
      count.textContent = list.length ? JO.text("unsent", { n: list.length }) : JO.text("unsent-none");
      count.classList.toggle("flash-warning", list.length > 0);
      document.querySelectorAll("a[href^='/judge/sheets/']").forEach(function (a) {
        var id = a.getAttribute("href").split("/")[3];
        var old = a.parentNode.querySelector(".unsent-badge");
        if (old) { old.remove(); }
        if (list.indexOf(id) >= 0) {
          var b = document.createElement("span");
          b.className = "badge unsent-badge";
          b.textContent = JO.text("state-device");
          a.insertAdjacentElement("afterend", b);
        }
      });
    }).catch(function () { count.textContent = JO.text("no-storage"); });
  }
  function sendKept() {
    if (!navigator.onLine) { return Promise.resolve(); }
    return JO.all().then(function (recs) {
      return recs.filter(function (r) { return r.dirty && !r.conflict; }).reduce(function (p, rec) {
        return p.then(function () {
          var seq = rec.seq, sent = rec.local;
          return JO.send(rec).then(function (res) {
            if (res.status === 200) { return JO.put(JO.confirmed(rec, sent, seq, res.body.version)); }
            // A conflict or a refusal is settled on the sheet itself, where both copies show.
            rec.error = (res.body && res.body.message) || String(res.status);
            return JO.put(rec);
          }).catch(function () { /* still offline */ });
        });
      }, Promise.resolve());
    });
  }
  function prepare() {
    var button = document.getElementById("offline-prepare");
    button.disabled = true;
    progress.textContent = JO.text("preparing");
    fetch("/judge/offline", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(function (list) {
        JO.token = list.csrf || JO.token;
        return caches.open("juara-pages").then(function (cache) {
          var done = 0;
          var urls = ["/judge", "/judge/sheets"].concat(list.sheets.map(function (s) { return s.url; }));
          return urls.reduce(function (p, url) {
            return p.then(function () {
              return fetch(url, { credentials: "same-origin" }).then(function (r) {
                if (!r.ok || r.redirected) { throw new Error(url); }
                return cache.put(url, r);
              }).then(function () {
                done += 1;
                progress.textContent = JO.text("prepared-progress", { done: Math.max(0, done - 2), total: list.sheets.length });
              });
            });
          }, Promise.resolve()).then(function () { return list.sheets.length; });
        });
      })
      .then(function (n) {
        var when = new Date().toLocaleString();
        try { localStorage.setItem("juara-prepared-" + JO.user, when); } catch (e) { /* ignore */ }
        progress.textContent = JO.text("prepared", { n: n, when: when });
      })
      .catch(function () { progress.textContent = JO.text("prepare-failed"); })
      .then(function () { button.disabled = false; });
  }
  card.hidden = false;
  var last = null;
  try { last = localStorage.getItem("juara-prepared-" + JO.user); } catch (e) { last = null; }
  if (last) { progress.textContent = JO.text("prepared-at", { when: last }); }
  document.getElementById("offline-prepare").addEventListener("click", prepare);
  showUnsent().then(sendKept).then(showUnsent);
  window.addEventListener("online", function () { sendKept().then(showUnsent); });
})();
