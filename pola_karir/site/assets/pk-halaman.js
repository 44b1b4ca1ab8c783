/* pola-karir: what the pages built on the engine share (Bandingkan jabatan, bandingkan.js, and
 * Rencana Pengembangan Karier, rencana.js): the page's context (the open data, the engine, the
 * catalogue's words and the phraser of its findings, the positions by id and links to their
 * pages), tables that stack on a phone, and the move between two positions of a route.
 *
 * - Loaded after the engine and pk-kata.js, before the page's script (site/compare.py lists
 *   it); published as window.PolaKarirHalaman. No dependencies, no network.
 * - Data strings reach the page through textContent only. ASCII only (\u escapes).
 */
(function () {
  "use strict";

  /** A catalogue template with its {name} placeholders filled in (with text, never markup). */
  function fill(template, values) {
    var out = String(template || "");
    Object.keys(values || {}).forEach(function (key) {
      out = out.split("{" + key + "}").join(String(values[key]));
    });
    return out;
  }

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = String(content);
    return node;
  }

  function positionsById(data) {
    var map = new Map();
    (data.jabatan || []).forEach(function (p) { map.set(p.id, p); });
    return map;
  }

  /** The move between two positions on a route (the career paths of the data): its kind and
   * least minimum years; null when no path has it. */
  function move(data, from, to) {
    var best = null;
    (data.jalur || []).forEach(function (path) {
      path.langkah.forEach(function (m) {
        if (m.dari === from && m.ke === to && (!best || m.tahun_minimal < best.tahun_minimal)) best = m;
      });
    });
    return best;
  }

  /** A table that stacks on a phone (data-pk-stack; each cell labelled by its column). rows:
   * {key, cells, changed}; a cell is text or a node. options.rowHeaders: the first cell of a
   * row is its header; options.changedClass: the class of a row marked changed. */
  function table(caption, headers, rows, className, options) {
    var opts = options || {};
    var node = el("table", className);
    node.setAttribute("data-pk-stack", "");
    if (caption) node.appendChild(el("caption", null, caption));
    var head = el("thead"), tr = el("tr");
    headers.forEach(function (h) { var th = el("th", null, h); th.scope = "col"; tr.appendChild(th); });
    head.appendChild(tr);
    node.appendChild(head);
    var body = el("tbody");
    rows.forEach(function (row) {
      var line = el("tr");
      if (row.key) line.setAttribute("data-row", row.key);
      if (row.changed && opts.changedClass) line.className = opts.changedClass;
      row.cells.forEach(function (cell, i) {
        var header = opts.rowHeaders && i === 0;
        var td = el(header ? "th" : "td");
        if (header) td.scope = "row";
        td.setAttribute("data-label", headers[i]);
        if (cell && cell.nodeType) td.appendChild(cell); else td.textContent = cell;
        line.appendChild(td);
      });
      body.appendChild(line);
    });
    node.appendChild(body);
    var wrap = el("div", "pk-stack-wrap");
    wrap.appendChild(node);
    return wrap;
  }

  /** What a page's root element and the globals give it; null when something it needs is
   * missing (the page then keeps its noscript-like message and does nothing). */
  function context(root) {
    var data = window.POLA_KARIR_DATA;
    var engine = window.PolaKarirJelajah;
    var output = root.querySelector("[data-pk-output]");
    var message = root.querySelector("[data-pk-message]");
    var words = {};
    try { words = JSON.parse(root.getAttribute("data-pk-words") || "{}"); } catch (error) { words = {}; }
    if (!data || !engine || !output || !window.PolaKarirKata) return null;
    var kata; // the words of the engine's findings (pk-kata.js), the explorer's and the CLI's
    try {
      kata = window.PolaKarirKata.phraser(JSON.parse(root.getAttribute("data-pk-kata") || "{}"), data);
    } catch (error) { return null; }
    var byId = positionsById(data);

    function word(name, values) { return fill(words[name], values); }

    /** A page URL as the browser must follow it: from file:// a folder needs its index.html. */
    function fileUrl(href) {
      if (location.protocol === "file:" && /\/$/.test(href)) return href + "index.html";
      return href;
    }

    function positionUrl(id) {
      return fileUrl((root.getAttribute("data-pk-position-url") || "").replace("__ID__", encodeURIComponent(id)));
    }

    function name(id) {
      var p = byId.get(id);
      return p ? (p.nama_tampilan || p.nama) : id;
    }

    function positionLink(id) {
      var a = el("a", null, name(id));
      a.href = positionUrl(id);
      return a;
    }

    return {
      data: data, engine: engine, output: output, message: message, words: words, kata: kata,
      byId: byId, word: word, fileUrl: fileUrl, name: name, positionLink: positionLink,
    };
  }

  window.PolaKarirHalaman = {
    fill: fill, el: el, positionsById: positionsById, move: move, table: table, context: context,
  };
})();
