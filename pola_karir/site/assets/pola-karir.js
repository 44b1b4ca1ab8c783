/* pola-karir: sort and filter the position table; zoom the overview diagram. No dependencies. */
(function () {
  "use strict";

  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-pk-sort");
    if (raw === null) raw = cell.textContent.trim();
    return numeric ? parseFloat(raw) || 0 : raw.toLocaleLowerCase("id");
  }

  function setupTable(table) {
    var body = table.tBodies[0];
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      th.tabIndex = 0;
      th.setAttribute("role", "columnheader");
      function sort() {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var numeric = th.hasAttribute("data-pk-sort-numeric") || th.getAttribute("data-pk-type") === "number";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
          var order = numeric ? x - y : x.localeCompare(y, "id");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
      });
    });
    var tools = table.previousElementSibling;
    if (!tools || !tools.classList.contains("pk-table-tools")) return;
    var controls = tools.querySelectorAll("[data-pk-filter]");
    function filter() {
      var wanted = {};
      var tokens = {}; // filters whose row attribute lists several values, space-separated
      Array.prototype.forEach.call(controls, function (control) {
        var key = control.getAttribute("data-pk-filter");
        wanted[key] = control.value.trim().toLocaleLowerCase("id");
        if (control.hasAttribute("data-pk-filter-tokens")) tokens[key] = true;
      });
      Array.prototype.forEach.call(body.rows, function (row) {
        var show = true;
        Object.keys(wanted).forEach(function (key) {
          var value = wanted[key];
          if (!value) return;
          if (key === "text") {
            if (row.textContent.toLocaleLowerCase("id").indexOf(value) < 0) show = false;
          } else {
            var have = (row.getAttribute("data-" + key) || "").toLocaleLowerCase("id");
            if (tokens[key] ? have.split(/\s+/).indexOf(value) < 0 : have !== value) show = false;
          }
        });
        row.hidden = !show;
      });
    }
    Array.prototype.forEach.call(controls, function (control) {
      control.addEventListener("input", filter);
      control.addEventListener("change", filter);
    });
  }

  function setupZoom(box) {
    // Large diagrams open at their natural size inside a scrollable box (readable labels);
    // the buttons zoom in and out or fit the whole diagram to the width of the page.
    var svg = box.querySelector("svg");
    if (!svg) return;
    var natural = parseFloat(svg.style.maxWidth) || 0;  // in pt, set by the build
    var scale = 1;
    function apply() {
      svg.style.maxWidth = "none";
      svg.style.width = natural ? (natural * scale) + "pt" : (scale * 100) + "%";
    }
    function fit() {
      svg.style.width = "100%";
      svg.style.maxWidth = natural ? natural + "pt" : "none";
      scale = natural ? Math.min(1, box.clientWidth / (natural * 4 / 3)) : 1;
    }
    var tools = document.createElement("div");
    tools.className = "pk-zoom-tools";
    [["+", "Perbesar", function () { scale = Math.min(4, scale * 1.25); apply(); }],
     ["−", "Perkecil", function () { scale = Math.max(0.1, scale / 1.25); apply(); }],
     ["Pas layar", "Tampilkan seluruh diagram selebar halaman", fit]].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec[0];
      button.title = spec[1];
      button.setAttribute("aria-label", spec[1]);
      button.addEventListener("click", spec[2]);
      tools.appendChild(button);
    });
    box.parentNode.insertBefore(tools, box);
    apply();
    // Open where the diagram has content, not on the (often empty) top-left corner.
    var first = svg.querySelector("g.node");
    if (first) {
      var boxRect = box.getBoundingClientRect(), nodeRect = first.getBoundingClientRect();
      box.scrollLeft += nodeRect.left - boxRect.left - box.clientWidth / 3;
      box.scrollTop += nodeRect.top - boxRect.top - box.clientHeight / 3;
    }
  }

  function init() {
    document.querySelectorAll("table[data-pk-table]").forEach(setupTable);
    document.querySelectorAll("[data-pk-zoom]").forEach(setupZoom);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
