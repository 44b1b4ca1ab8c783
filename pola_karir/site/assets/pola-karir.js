/* pola-karir: sort and filter the position table; pan and zoom the diagrams (with the vendored
   svg-pan-zoom, loaded before this file). */
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
            // Every word, in any order; the perangkat daerah's id counts too ("pupr").
            var have = (row.textContent + " " + (row.getAttribute("data-unit") || "")).toLocaleLowerCase("id");
            if (!value.split(/\s+/).every(function (word) { return have.indexOf(word) >= 0; })) show = false;
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

  // --- Diagrams: pan and zoom (svg-pan-zoom, vendored) -----------------------------------
  // Every diagram opens at its natural size (Graphviz draws node text at 10 pt = 13.3 px), in a
  // box as wide as the page: small diagrams show whole, large ones can be moved and zoomed
  // with the mouse, a finger, the buttons or the keys + − 0 and the arrows. The view opens on
  // the position the page is about, or else on the top of the graph (the highest positions:
  // ladders are drawn bottom-up). For printing the diagram is shown whole, as wide as the page.
  var PX_PER_PT = 4 / 3;
  var diagrams = [];

  function nodeBoxes(svg, viewBox) {
    // Each node's box in viewBox units, measured while the SVG still scales its viewBox.
    var rect = svg.getBoundingClientRect();
    var scale = rect.width ? viewBox[2] / rect.width : 1;
    return Array.prototype.map.call(svg.querySelectorAll("g.node"), function (node) {
      var r = node.getBoundingClientRect();
      return {
        node: node,
        x: viewBox[0] + (r.left - rect.left) * scale, y: viewBox[1] + (r.top - rect.top) * scale,
        width: r.width * scale, height: r.height * scale
      };
    });
  }

  function startNode(boxes, viewBox) {
    // The page's own position (class pk-focus), else the head of the agency (pk-start, in the
    // whole pattern), else the topmost node nearest the middle.
    var chosen = null, head = null;
    boxes.forEach(function (box) {
      if (box.node.classList.contains("pk-focus")) chosen = chosen || box;
      if (box.node.classList.contains("pk-start")) head = head || box;
    });
    if (chosen) return { box: chosen, focus: true };
    if (head) return { box: head, focus: false, head: true };
    var middle = viewBox[0] + viewBox[2] / 2;
    boxes.forEach(function (box) {
      if (!chosen || box.y < chosen.y - 1 ||
          (Math.abs(box.y - chosen.y) <= 1 &&
           Math.abs(box.x + box.width / 2 - middle) < Math.abs(chosen.x + chosen.width / 2 - middle))) {
        chosen = box;
      }
    });
    return chosen ? { box: chosen, focus: false } : null;
  }

  function clamp(offset, content, room) {
    // Keep the drawing on screen: centred when it fits, else no empty margin beyond its edges.
    if (content <= room) return (room - content) / 2;
    return Math.min(0, Math.max(room - content, offset));
  }

  function setupDiagram(figure) {
    var svg = figure.querySelector("svg");
    if (!svg || typeof window.svgPanZoom !== "function" || figure.querySelector(".pk-diagram__view")) return;
    var viewBox = (svg.getAttribute("viewBox") || "").trim().split(/[\s,]+/).map(parseFloat);
    if (viewBox.length !== 4 || !(viewBox[2] > 0 && viewBox[3] > 0)) return;
    var words = {};
    try { words = JSON.parse(figure.getAttribute("data-pk-words") || "{}"); } catch (error) { words = {}; }
    var boxes = nodeBoxes(svg, viewBox);
    var start = startNode(boxes, viewBox);

    var view = document.createElement("div");
    view.className = "pk-diagram__view";
    view.tabIndex = 0;
    view.setAttribute("role", "group");
    view.setAttribute("aria-label", (svg.getAttribute("aria-label") || "") +
      (words.hint ? ". " + words.hint : ""));
    figure.insertBefore(view, svg);
    view.appendChild(svg);

    var natural = { width: viewBox[2] * PX_PER_PT, height: viewBox[3] * PX_PER_PT };
    var room = Math.max(200, view.clientWidth);
    var tallest = Math.max(240, Math.round(window.innerHeight * (window.innerWidth < 720 ? 0.6 : 0.7)));
    var height = Math.ceil(Math.min(natural.height + 2, tallest));
    svg.setAttribute("data-pk-viewbox", svg.getAttribute("viewBox"));
    svg.setAttribute("data-pk-style", svg.getAttribute("style") || "");
    svg.style.maxWidth = "none";
    svg.style.width = "100%";
    svg.style.height = height + "px";
    var moving = false, revealAgain = false;
    var fitZoom = Math.min(room / viewBox[2], height / viewBox[3]);
    var zoom = window.svgPanZoom(svg, {
      viewportSelector: ".pk-diagram__viewport",
      fit: true, center: true, contain: false,
      minZoom: Math.min(1, PX_PER_PT / fitZoom),
      maxZoom: Math.max(4, 4 * PX_PER_PT / fitZoom),
      zoomScaleSensitivity: 0.25,
      dblClickZoomEnabled: false,
      mouseWheelZoomEnabled: false,   // the wheel scrolls the page, as everywhere else
      preventMouseEventsDefault: false, // a tap on a position still follows its link
      controlIconsEnabled: false,
      onUpdatedCTM: function () {
        moving = false;
        if (revealAgain) { revealAgain = false; reveal(); }
      }
    });

    function home() {
      // Natural size; the start node centred across, and the page's position centred down
      // (other diagrams open on their top).
      // zoom() takes a level relative to the fitted view, realZoom is the current scale:
      // the level that gives natural size scales the current level by their ratio.
      var sizes = zoom.getSizes();
      zoom.zoom(zoom.getZoom() * PX_PER_PT / sizes.realZoom);
      var z = zoom.getSizes().realZoom;
      var width = viewBox[2] * z, tall = viewBox[3] * z;
      var x = start ? sizes.width / 2 - (start.box.x + start.box.width / 2) * z : 0;
      var y = 0;
      if (start && start.focus) y = sizes.height / 2 - (start.box.y + start.box.height / 2) * z;
      else if (start && start.head) y = Math.min(0, sizes.height / 5 - start.box.y * z);
      zoom.pan({ x: clamp(x, width, sizes.width), y: clamp(y, tall, sizes.height) });
    }
    home();

    var tools = document.createElement("div");
    tools.className = "pk-zoom-tools";
    tools.setAttribute("role", "toolbar");
    if (words.tools) tools.setAttribute("aria-label", words.tools);
    var actions = {
      "in": function () { zoom.zoomBy(1.25); },
      out: function () { zoom.zoomBy(0.8); },
      reset: home,
      fit: function () { zoom.reset(); }
    };
    [["in", "+"], ["out", "−"], ["reset", words.reset || "0"], ["fit", words.fit || "[ ]"]].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec[1];
      button.setAttribute("data-pk-zoom", spec[0]);
      if (words[spec[0]] && words[spec[0]] !== spec[1]) {
        button.title = words[spec[0]];
        button.setAttribute("aria-label", words[spec[0]]);
      }
      button.addEventListener("click", actions[spec[0]]);
      tools.appendChild(button);
    });
    figure.insertBefore(tools, view);

    function onKey(event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var step = 60, handled = true;
      switch (event.key) {
        case "+": case "=": actions["in"](); break;
        case "-": case "−": case "_": actions.out(); break;
        case "0": home(); break;
        case "ArrowLeft": if (event.currentTarget === view) zoom.panBy({ x: step, y: 0 }); else handled = false; break;
        case "ArrowRight": if (event.currentTarget === view) zoom.panBy({ x: -step, y: 0 }); else handled = false; break;
        case "ArrowUp": if (event.currentTarget === view) zoom.panBy({ x: 0, y: step }); else handled = false; break;
        case "ArrowDown": if (event.currentTarget === view) zoom.panBy({ x: 0, y: -step }); else handled = false; break;
        default: handled = false;
      }
      if (handled) event.preventDefault();
    }
    view.addEventListener("keydown", onKey);
    tools.addEventListener("keydown", onKey);
    svg.addEventListener("dragstart", function (event) { event.preventDefault(); });
    // A position reached with Tab is brought into the view. The browser would instead scroll
    // the clipped box itself, which the library does not know about: that scroll is undone.
    // The library moves the drawing on the next frame, so while a move is pending the
    // positions on screen are stale and the focused one is measured again once it is done.
    function reveal() {
      if (view.scrollLeft || view.scrollTop) { view.scrollLeft = 0; view.scrollTop = 0; }
      if (moving) { revealAgain = true; return; }
      var active = document.activeElement;
      var link = active && active.closest ? active.closest("a") : null;
      if (!link || !svg.contains(link)) return;
      var r = link.getBoundingClientRect(), v = view.getBoundingClientRect();
      if (r.left < v.left || r.right > v.right || r.top < v.top || r.bottom > v.bottom) {
        moving = true;
        zoom.panBy({ x: v.left + v.width / 2 - (r.left + r.width / 2), y: v.top + v.height / 2 - (r.top + r.height / 2) });
      }
    }
    view.addEventListener("focusin", reveal);
    view.addEventListener("scroll", reveal);
    diagrams.push({ svg: svg, zoom: zoom, viewport: svg.querySelector(".pk-diagram__viewport") });
    // The library applies its changes on the next animation frame; tests wait for this mark.
    window.requestAnimationFrame(function () {
      window.requestAnimationFrame(function () { figure.setAttribute("data-pk-ready", ""); });
    });
  }

  function wrapViewport(svg) {
    // svg-pan-zoom moves one <g>; Graphviz's top group carries its own transform, so it goes
    // inside a new, plain group.
    var group = document.createElementNS("http://www.w3.org/2000/svg", "g");
    group.setAttribute("class", "pk-diagram__viewport");
    Array.prototype.slice.call(svg.childNodes).forEach(function (child) {
      if (child.nodeName !== "title" && child.nodeName !== "defs") group.appendChild(child);
    });
    svg.appendChild(group);
  }

  var printing = false;
  function forPrint(on) {
    // Printed, a diagram is drawn whole, scaled to the width of the paper (see the print CSS).
    if (on === printing) return;
    printing = on;
    diagrams.forEach(function (diagram) {
      var svg = diagram.svg, viewport = diagram.viewport;
      if (on) {
        diagram.saved = { transform: viewport.getAttribute("transform"), style: svg.getAttribute("style") };
        viewport.removeAttribute("transform");
        viewport.style.transform = "";
        svg.setAttribute("viewBox", svg.getAttribute("data-pk-viewbox"));
        svg.setAttribute("style", svg.getAttribute("data-pk-style"));
      } else if (diagram.saved) {
        svg.removeAttribute("viewBox");
        svg.setAttribute("style", diagram.saved.style || "");
        viewport.setAttribute("transform", diagram.saved.transform || "");
        viewport.style.transform = diagram.saved.transform || "";
      }
    });
  }

  function init() {
    document.querySelectorAll("table[data-pk-table]").forEach(setupTable);
    document.querySelectorAll("figure.pk-diagram").forEach(function (figure) {
      var svg = figure.querySelector("svg");
      if (svg && !svg.querySelector(".pk-diagram__viewport")) wrapViewport(svg);
      setupDiagram(figure);
    });
    window.addEventListener("resize", function () {
      if (!printing) diagrams.forEach(function (diagram) { diagram.zoom.resize(); });
    });
    window.addEventListener("beforeprint", function () { forPrint(true); });
    window.addEventListener("afterprint", function () { forPrint(false); });
    if (window.matchMedia) {
      var print = window.matchMedia("print");
      var change = function (event) { forPrint(event.matches); };
      if (print.addEventListener) print.addEventListener("change", change);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
