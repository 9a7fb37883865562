// Forms that lose nothing on a slow connection (progressive enhancement: every form works
// without this script; the server checks everything again).
// - A page refused with errors scrolls to and focuses its error summary, and each summary
//   line is prefixed with the label of the field it links to.
// - An upload larger than the server's limit is stopped before sending, with the reason
//   next to the field; an accepted one shows its progress.
// - What is typed in a form marked `data-keep-draft` is kept on this device until the server
//   has it, and restored (with a notice) if the page is shown without it.
(function () {
  "use strict";

  function summary() {
    var box = document.querySelector(".error-summary");
    if (!box) return;
    box.querySelectorAll("a[href^='#']").forEach(function (a) {
      var target = document.getElementById(a.getAttribute("href").slice(1));
      var label = target && document.querySelector("label[for='" + target.id + "']");
      if (label && a.textContent.indexOf(label.textContent.trim()) !== 0) {
        a.textContent = label.textContent.trim() + ": " + a.textContent;
      }
      a.addEventListener("click", function () {
        if (target && target.tagName === "DETAILS") target.open = true;
      });
    });
    box.scrollIntoView({ block: "start" });
    box.focus({ preventScroll: true });
  }

  function fieldError(input, message) {
    var field = input.closest(".field") || input.parentNode;
    var p = field.querySelector(".field-error.client");
    if (!p) {
      p = document.createElement("p");
      p.className = "field-error client";
      p.id = input.id + "-error";
      field.appendChild(p);
    }
    p.textContent = message;
    field.classList.toggle("has-error", Boolean(message));
    if (message) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", p.id);
      input.focus();
    } else {
      input.removeAttribute("aria-invalid");
    }
  }

  // Sends the form with its progress shown, then shows the server's answer (the page again,
  // with its message or its errors) in place of this one, back at the item uploaded to.
  function sendWithProgress(form, bar) {
    var xhr = new XMLHttpRequest();
    var target = form.querySelector("input[name=target]");
    var back = target ? "add-" + target.value.replace(":", "-") : null;
    xhr.open("POST", form.action);
    xhr.responseType = "document";
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    });
    xhr.addEventListener("load", function () {
      var answer = xhr.response;
      if (!answer || !answer.body) {
        window.location.href = xhr.responseURL || window.location.href;
        return;
      }
      document.title = answer.title;
      document.body.replaceWith(document.importNode(answer.body, true));
      if (xhr.responseURL) history.replaceState(null, "", xhr.responseURL);
      var item = back && document.getElementById(back);
      if (item) item.closest("li").scrollIntoView({ block: "center" });
      // Listeners on `document` (confirmations, uploads) still hold; the new body needs these.
      summary();
      drafts();
    });
    xhr.addEventListener("error", function () {
      // The connection dropped: send it the ordinary way so the browser reports it.
      bar.hidden = true;
      form.dataset.plain = "1";
      form.submit();
    });
    xhr.send(new FormData(form));
  }

  function uploads() {
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (event.defaultPrevented || !form.dataset.maxBytes || form.dataset.plain) return;
      var input = form.querySelector("input[type=file]");
      var file = input && input.files && input.files[0];
      if (!file) return;
      if (file.size > Number(form.dataset.maxBytes)) {
        event.preventDefault();
        fieldError(input, form.dataset.tooLarge);
        return;
      }
      fieldError(input, "");
      var bar = form.querySelector("progress");
      if (!bar || !window.FormData) return;
      event.preventDefault();
      bar.hidden = false;
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      sendWithProgress(form, bar);
    });
  }

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "_csrf" && el.name !== "version" && el.type !== "file" &&
        el.type !== "submit" && el.type !== "hidden";
    });
  }

  function valuesOf(form) {
    var values = {};
    fieldsOf(form).forEach(function (el) {
      values[el.name] = el.type === "checkbox" ? (el.checked ? "1" : "") : el.value;
    });
    return values;
  }

  function drafts() {
    document.querySelectorAll("form[data-keep-draft]").forEach(function (form) {
      var key = "juara-draft:" + form.dataset.keepDraft;
      var versionInput = form.querySelector("input[name=version]");
      var version = versionInput ? versionInput.value : "";
      var stored = null;
      try { stored = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { stored = null; }
      if (stored && stored.version !== version) {
        // The server has a newer save: what was kept here is already there or superseded.
        localStorage.removeItem(key);
        stored = null;
      }
      var shown = valuesOf(form);
      var differs = stored && Object.keys(stored.values).some(function (k) {
        return k in shown && stored.values[k] !== shown[k];
      });
      if (differs) {
        var before = shown;
        fieldsOf(form).forEach(function (el) {
          if (!(el.name in stored.values)) return;
          if (el.type === "checkbox") el.checked = stored.values[el.name] === "1";
          else el.value = stored.values[el.name];
        });
        var note = document.createElement("div");
        note.className = "flash flash-warning draft-restored";
        note.setAttribute("role", "status");
        var text = document.createElement("p");
        text.textContent = form.dataset.restored;
        var discard = document.createElement("button");
        discard.type = "button";
        discard.className = "link";
        discard.textContent = form.dataset.discard;
        discard.addEventListener("click", function () {
          fieldsOf(form).forEach(function (el) {
            if (el.type === "checkbox") el.checked = before[el.name] === "1";
            else el.value = before[el.name];
          });
          localStorage.removeItem(key);
          note.remove();
        });
        note.appendChild(text);
        note.appendChild(discard);
        form.insertBefore(note, form.firstChild);
      }
      form.addEventListener("input", function () {
        try {
          localStorage.setItem(key, JSON.stringify({ version: version, values: valuesOf(form) }));
        } catch (e) { /* storage full or disabled: the form still works */ }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    summary();
    uploads();
    drafts();
  });
})();
