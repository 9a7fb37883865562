// Region type-ahead (progressive enhancement). Every `input[data-region-picker]` stays a plain
// text box that the server understands on its own (a code, "code — name", or a name naming
// one region); with this script it becomes an ARIA 1.2 combobox: typing two letters asks
// `/api/v1/regions/suggest` and lists matches with their path ("Kabupaten Sleman — DI
// Yogyakarta"); arrows move, Enter or a tap picks, Escape closes. Picking fills the field
// with "code — name". Offline or on a failed request the list just stays closed.
(function () {
  "use strict";

  var LEVEL_OF = { kecamatan: "district", kabupaten: "regency", provinsi: "province" };

  function levelsOf(input) {
    var from = input.getAttribute("data-levels-from");
    if (from) {
      var select = document.getElementById(from);
      return select ? LEVEL_OF[select.value] || "" : "";
    }
    return input.getAttribute("data-levels") || "";
  }

  function setup(input) {
    var listId = input.id + "-list";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "region-list";
    list.setAttribute("role", "listbox");
    var label = document.querySelector("label[for='" + input.id + "']");
    var name = label ? label.textContent.trim() : input.getAttribute("aria-label");
    if (name) list.setAttribute("aria-label", name);
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "sr-only";
    status.setAttribute("role", "status");
    input.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(i) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (o, j) {
        o.setAttribute("aria-selected", j === i ? "true" : "false");
      });
      active = i;
      if (i >= 0 && options[i]) {
        input.setAttribute("aria-activedescendant", options[i].id);
        options[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function pick(i) {
      var item = items[i];
      if (!item) return;
      input.value = item.value;
      close();
      status.textContent = item.name + (item.path ? " — " + item.path : "");
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function render(found) {
      items = found;
      list.textContent = "";
      if (!found.length) {
        var none = document.createElement("li");
        none.className = "region-none";
        none.textContent = input.getAttribute("data-none");
        list.appendChild(none);
        status.textContent = input.getAttribute("data-none");
      } else {
        status.textContent = (input.getAttribute("data-count") || "").replace("%n", found.length);
      }
      found.forEach(function (r, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var name = document.createElement("span");
        name.className = "region-name";
        name.textContent = r.name;
        li.appendChild(name);
        if (r.path) li.appendChild(document.createTextNode(" — " + r.path));
        var kind = document.createElement("span");
        kind.className = "region-kind";
        kind.textContent = " · " + (input.getAttribute("data-level-" + r.level) || r.level) + " " + r.code;
        li.appendChild(kind);
        li.addEventListener("mousedown", function (e) {
          e.preventDefault(); // keep focus in the field
        });
        li.addEventListener("click", function () {
          pick(i);
          input.focus();
        });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }

    function ask() {
      var q = input.value.trim();
      if (q.length < 2) {
        close();
        return;
      }
      asked += 1;
      var mine = asked;
      var url = "/api/v1/regions/suggest?q=" + encodeURIComponent(q);
      var levels = levelsOf(input);
      if (levels) url += "&levels=" + encodeURIComponent(levels);
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) {
          return r.ok ? r.json() : { items: [] };
        })
        .then(function (body) {
          // A slower, older answer must not replace a newer one.
          if (mine === asked && document.activeElement === input) render(body.items || []);
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 200);
    });
    input.addEventListener("keydown", function (e) {
      var open = !list.hidden && items.length > 0;
      if (e.key === "ArrowDown") {
        if (!open) {
          ask();
          return;
        }
        e.preventDefault();
        highlight((active + 1) % items.length);
      } else if (e.key === "ArrowUp" && open) {
        e.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (e.key === "Enter" && open && active >= 0) {
        e.preventDefault();
        pick(active);
      } else if (e.key === "Escape" && !list.hidden) {
        e.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(close, 150);
    });
  }

  document.querySelectorAll("input[data-region-picker]").forEach(setup);
})();
