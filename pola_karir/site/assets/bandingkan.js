/* pola-karir: Bandingkan jabatan. Two positions side by side, requirement by requirement, the
 * route between them along the career paths, and the employee's own gaps for the second one.
 *
 * - No dependencies, no modules, no build step, no network: the data is window.POLA_KARIR_DATA
 *   (assets/pola-karir-data.js), the engine window.PolaKarirJelajah (explore, check,
 *   profileFromParams, fieldKey) and the words of its findings, PolaKarirKata (pk-kata.js); the
 *   page's context, tables and moves are shared with rencana.js (PolaKarirHalaman, pk-halaman.js).
 *   The pair and the profile come from the URL fragment ('#a=ID&b=ID&<profile params>'), which
 *   no request carries.
 * - changes() is pola_karir/career/compare.py's changes() in the browser: same list, same
 *   strings (tests/site/test_compare_plan.py compares both on several pairs); change both
 *   together. Phrases the data does not hold come from the catalogue via data-pk-words.
 * - Data strings reach the page through textContent only. ASCII only (\u escapes).
 */
(function () {
  "use strict";

  var H = window.PolaKarirHalaman;
  if (!H) return;
  var fill = H.fill, el = H.el, positionsById = H.positionsById, move = H.move;

  function hasOwn(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function acceptedFields(data, fields) { // matching.accepted_fields
    var key = window.PolaKarirJelajah.fieldKey;
    var groups = new Map();
    (data.rumpun_pendidikan || []).forEach(function (g) { groups.set(key(g.nama), g); });
    var accepted = new Set();
    fields.forEach(function (name) {
      var k = key(name);
      accepted.add(k);
      var group = groups.get(k);
      if (group) group.bidang.forEach(function (member) { accepted.add(key(member)); });
    });
    return accepted;
  }

  function subset(a, b) {
    var all = true;
    a.forEach(function (item) { if (!b.has(item)) all = false; });
    return all;
  }

  function trainingText(data, id) {
    var found = (data.pelatihan || []).filter(function (t) { return t.id === id; })[0];
    return found ? found.teks : id;
  }

  function competencyName(data, id) {
    var found = (data.kompetensi || []).filter(function (c) { return c.id === id; })[0];
    return found ? found.nama : id;
  }

  function change(aspect, subject, current, required) {
    return {aspect: aspect, subject: subject, current: current, required: required};
  }

  /** compare.changes: the requirements of position b that go beyond position a's. */
  function changes(data, aId, bId, words) {
    var byId = positionsById(data);
    var source = byId.get(aId), target = byId.get(bId);
    if (!source || !target) return null;
    var ref = data.rujukan;
    var a = source.persyaratan, b = target.persyaratan;
    var found = [];
    function aspect(name) { return words["aspect." + name]; }
    if (b.pendidikan && (!a.pendidikan
        || ref.pendidikan[b.pendidikan.minimal] > ref.pendidikan[a.pendidikan.minimal])) {
      found.push(change("pendidikan", aspect("pendidikan"),
        a.pendidikan ? ref.pendidikan_nama[a.pendidikan.minimal] : "\u2013", b.pendidikan.teks));
    }
    found = found.concat(fieldsOfStudy(data, a, b, words));
    if (b.golongan && (!a.golongan
        || ref.golongan[b.golongan.minimal] > ref.golongan[a.golongan.minimal])) {
      found.push(change("golongan", aspect("golongan"),
        a.golongan ? words["rank." + a.golongan.minimal] : "\u2013", words["rank." + b.golongan.minimal]));
    }
    (b.pengalaman || []).forEach(function (item) {
      found.push(change("pengalaman", aspect("pengalaman"), "\u2013", item.teks));
    });
    [["pelatihan", a.pelatihan || [], b.pelatihan || []],
      ["sertifikasi", a.sertifikasi || [], b.sertifikasi || []]].forEach(function (triple) {
      triple[2].forEach(function (id) {
        if (triple[1].indexOf(id) < 0) {
          found.push(change(triple[0], aspect(triple[0]), words.not_required_yet, trainingText(data, id)));
        }
      });
    });
    if (b.kinerja && (!a.kinerja
        || ref.predikat[b.kinerja.predikat_minimal] > ref.predikat[a.kinerja.predikat_minimal]
        || b.kinerja.tahun > a.kinerja.tahun)) {
      found.push(change("kinerja", aspect("kinerja"), a.kinerja ? a.kinerja.teks : "\u2013", b.kinerja.teks));
    }
    var current = a.kompetensi || {};
    var wanted = b.kompetensi || {};
    Object.keys(wanted).forEach(function (id) {
      var level = wanted[id];
      var held = hasOwn(current, id) ? current[id] : 0;
      if (level > held) {
        found.push(change("kompetensi", competencyName(data, id),
          held ? words["level." + held] : words.not_required_yet, words["level." + level]));
      }
    });
    return found;
  }

  function fieldsOfStudy(data, a, b, words) { // compare._fields_of_study
    if (!b.pendidikan || !(b.pendidikan.bidang || []).length) return [];
    var accepted = acceptedFields(data, b.pendidikan.bidang);
    var current = a.pendidikan ? (a.pendidikan.bidang || []) : [];
    var dropped = current.filter(function (f) { return !subset(acceptedFields(data, [f]), accepted); });
    if (current.length && !dropped.length) return [];
    return [change("bidang_pendidikan", words["aspect.bidang_pendidikan"],
      current.length ? current.join(", ") : words.all_fields,
      b.pendidikan.bidang.join(", ") + (dropped.length ? fill(words.fields_dropped, {fields: dropped.join(", ")}) : ""))];
  }

  // The longest route looked for: beyond this many moves a "route" is no career plan.
  var MAX_MOVES = 12;

  /** The fastest route from a to b along the career paths (the engine's explore from a with no
   * time served), as {rute, langkah, tahun}; null when there is none. */
  function route(data, aId, bId) {
    if (aId === bId) return null;
    var limit = MAX_MOVES;
    var found = window.PolaKarirJelajah.explore(data, {jabatan: aId}, limit)
      .filter(function (r) { return r.jabatan === bId; })[0];
    return found ? {rute: found.rute, langkah: found.langkah, tahun: found.tahun} : null;
  }

  var api = {changes: changes, route: route, move: move, fill: fill};
  window.PolaKarirBandingkan = api;

  // --- the page -------------------------------------------------------------------------------

  function setup(root) {
    var page = H.context(root);
    var form = root.querySelector("form");
    if (!page || !form) return;
    var data = page.data, engine = page.engine, output = page.output, message = page.message;
    var words = page.words, kata = page.kata, byId = page.byId;
    var word = page.word, fileUrl = page.fileUrl, name = page.name, positionLink = page.positionLink;
    var selectA = form.elements.namedItem("a"), selectB = form.elements.namedItem("b");

    /** The fragment's pair and the rest (the profile, as the explorer writes it). */
    function readFragment() {
      var params = new URLSearchParams(location.hash.replace(/^#/, ""));
      var a = params.get("a") || "", b = params.get("b") || "";
      params.delete("a");
      params.delete("b");
      return {a: a, b: b, profileParams: params.toString()};
    }

    function writeFragment(a, b, profileParams) {
      var parts = [];
      if (a) parts.push("a=" + encodeURIComponent(a));
      if (b) parts.push("b=" + encodeURIComponent(b));
      if (profileParams) parts.push(profileParams);
      var fragment = parts.length ? "#" + parts.join("&") : "";
      if (fragment === location.hash) return;
      try {
        history.replaceState(history.state, "", fragment || location.pathname + location.search);
      } catch (error) {
        location.replace(location.href.split("#")[0] + fragment);
      }
    }

    // Each row headed by its aspect; a row where B asks more than A marked.
    function table(caption, headers, rows, className) {
      return H.table(caption, headers, rows, className, {rowHeaders: true, changedClass: "pk-bandingkan__changed"});
    }

    function list(items) {
      return items.length ? items.join("; ") : word("none");
    }

    // A total over the placements: "\u2013" when none states the figure, "\u2265 N" (the
    // known ones added) when only some do, so a partial sum never poses as the whole.
    // partial: whether the table shows such a lower bound, so the note saying what it means
    // goes under it (as under the Python pages' tables, site/formasi.py).
    var partial = false;
    function total(placements, key) {
      var known = null, missing = false;
      placements.forEach(function (p) {
        if (p[key] === null || p[key] === undefined) missing = true;
        else known = (known || 0) + p[key];
      });
      if (known === null) return "\u2013";
      if (!missing) return String(known);
      partial = true;
      return word("at_least", {count: String(known)});
    }

    function formasi(position) {
      var placed = position.penempatan || [];
      return word("formasi", {
        needed: total(placed, "kebutuhan"),
        filled: total(placed, "bezetting"),
        open: total(placed, "terbuka"),
      });
    }

    function order(from, to) {
      if (from === to) return word("change.equal");
      return word(to > from ? "change.up" : "change.down", {from: from, to: to});
    }

    /** The requirement-by-requirement rows: A, B and what changes (the changes() list). */
    function requirementRows(a, b, found) {
      var ra = a.persyaratan, rb = b.persyaratan;
      var rows = [];
      function added(aspectName, subject) {
        return found.filter(function (c) {
          return c.aspect === aspectName && (subject === undefined || c.subject === subject);
        });
      }
      function row(key, label, va, vb, changeList, fallback) {
        var text = changeList.length
          ? changeList.map(function (c) { return word("change.added", {required: c.required}); }).join("; ")
          : fallback || word("change.same");
        rows.push({key: key, changed: changeList.length > 0, cells: [label, va, vb, text]});
      }
      rows.push({key: "tingkat", changed: a.tingkat.kunci !== b.tingkat.kunci,
        cells: [word("row.level"), a.tingkat.nama, b.tingkat.nama,
          a.tingkat.kunci === b.tingkat.kunci ? word("change.equal") : word("change.differs")]});
      rows.push({key: "kelas", changed: a.kelas_jabatan !== b.kelas_jabatan,
        cells: [word("row.class"), String(a.kelas_jabatan), String(b.kelas_jabatan), order(a.kelas_jabatan, b.kelas_jabatan)]});
      row("pendidikan", words["aspect.pendidikan"], ra.pendidikan ? ra.pendidikan.teks : word("none"),
        rb.pendidikan ? rb.pendidikan.teks : word("none"), added("pendidikan"));
      row("bidang_pendidikan", words["aspect.bidang_pendidikan"],
        list(ra.pendidikan ? ra.pendidikan.bidang || [] : []), list(rb.pendidikan ? rb.pendidikan.bidang || [] : []),
        added("bidang_pendidikan"));
      row("golongan", words["aspect.golongan"], ra.golongan ? ra.golongan.teks : word("none"),
        rb.golongan ? rb.golongan.teks : word("none"), added("golongan"));
      row("pengalaman", words["aspect.pengalaman"], list((ra.pengalaman || []).map(function (e) { return e.teks; })),
        list((rb.pengalaman || []).map(function (e) { return e.teks; })), added("pengalaman"));
      ["pelatihan", "sertifikasi"].forEach(function (kind) {
        row(kind, words["aspect." + kind], list((ra[kind] || []).map(function (id) { return trainingText(data, id); })),
          list((rb[kind] || []).map(function (id) { return trainingText(data, id); })), added(kind));
      });
      row("kinerja", words["aspect.kinerja"], ra.kinerja ? ra.kinerja.teks : word("none"),
        rb.kinerja ? rb.kinerja.teks : word("none"), added("kinerja"));
      var ka = ra.kompetensi || {}, kb = rb.kompetensi || {};
      var ids = Object.keys(kb).concat(Object.keys(ka).filter(function (id) { return !hasOwn(kb, id); }));
      ids.forEach(function (id) {
        var subject = competencyName(data, id);
        var la = hasOwn(ka, id) ? words["level." + ka[id]] : word("none");
        var lb = hasOwn(kb, id) ? words["level." + kb[id]] : word("none");
        row("kompetensi:" + id, words["aspect.kompetensi"] + ": " + subject, la, lb, added("kompetensi", subject));
      });
      rows.push({key: "formasi", changed: false, cells: [word("row.formasi"), formasi(a), formasi(b), "\u2013"]});
      return rows;
    }

    function routeBlock(from, to) {
      var box = el("div", "pk-bandingkan__route");
      box.setAttribute("data-pk-route", from + ">" + to);
      box.appendChild(el("h3", null, word("route_label", {from: name(from), to: name(to)})));
      var found = route(data, from, to);
      if (!found) {
        box.appendChild(el("p", "pk-bandingkan__none", word("route_none", {from: name(from), to: name(to)})));
        return box;
      }
      box.appendChild(el("p", null, word("route_summary", {moves: found.langkah, years: kata.years(found.tahun)})));
      var steps = el("ol", "pk-bandingkan__steps");
      for (var i = 1; i < found.rute.length; i++) {
        var m = move(data, found.rute[i - 1], found.rute[i]);
        var kind = m ? m.jenis : "";
        var item = el("li", "pk-bandingkan__step pk-bandingkan__step--" + kind);
        item.setAttribute("data-kind", kind);
        var text = word("route_step", {kind: words["kind." + kind] || kind, from: name(found.rute[i - 1]), to: name(found.rute[i])});
        if (m && m.tahun_minimal) text += word("route_step_years", {years: kata.years(m.tahun_minimal)});
        var pa = byId.get(found.rute[i - 1]), pb = byId.get(found.rute[i]);
        if (pa && pb && pa.kelas_jabatan !== pb.kelas_jabatan) {
          text += word("route_class", {from: pa.kelas_jabatan, to: pb.kelas_jabatan});
        }
        item.textContent = text;
        steps.appendChild(item);
      }
      box.appendChild(steps);
      return box;
    }

    function gapsBlock(b, profileParams) {
      var box = el("section", "pk-bandingkan__gaps");
      box.setAttribute("aria-labelledby", "pk-b-celah");
      var heading = el("h2", null, word("gaps_heading"));
      heading.id = "pk-b-celah";
      box.appendChild(heading);
      var profile = engine.profileFromParams(profileParams, data);
      if (!Object.keys(profile).length) {
        box.appendChild(el("p", "pk-bandingkan__no-profile", word("gaps_empty")));
        return box;
      }
      var checked = engine.check(data, profile, b);
      var tally = {terpenuhi: 0, belum: 0, "tidak-diketahui": 0};
      checked.temuan.forEach(function (f) { tally[f.status] += 1; });
      var summary = el("p", "pk-bandingkan__gap-summary", word("gaps_summary", {position: name(b),
        met: tally.terpenuhi, unmet: tally.belum, unknown: tally["tidak-diketahui"]}));
      summary.setAttribute("data-status", checked.status);
      box.appendChild(summary);
      var rows = checked.temuan.map(function (f) {
        var status = el("span", "pk-status pk-status--" + f.status, word("status." + f.status));
        var parts = kata.parts(f, b);
        return {key: f.aspek, changed: f.status !== "terpenuhi", cells: [parts.subject, parts.need, parts.have, status]};
      });
      box.appendChild(table(null, [word("gaps_col.requirement"), word("gaps_col.need"), word("gaps_col.have"),
        word("gaps_col.status")], rows, "pk-bandingkan__gap-table"));
      var plan = el("a", "md-button pk-bandingkan__plan", word("plan"));
      plan.href = fileUrl(root.getAttribute("data-pk-plan-url") || "") + "#tujuan=" + encodeURIComponent(b) +
        (profileParams ? "&" + profileParams : "");
      var p = el("p");
      p.appendChild(plan);
      box.appendChild(p);
      return box;
    }

    function render() {
      var state = readFragment();
      selectA.value = byId.has(state.a) ? state.a : "";
      selectB.value = byId.has(state.b) ? state.b : "";
      while (output.firstChild) output.removeChild(output.firstChild);
      message.textContent = "";
      var bad = [state.a, state.b].filter(function (id) { return id && !byId.has(id); });
      if (bad.length) { message.textContent = word("unknown", {id: bad[0]}); return; }
      if (!state.a || !state.b) { message.textContent = word("choose"); return; }
      if (state.a === state.b) { message.textContent = word("same"); return; }
      var a = byId.get(state.a), b = byId.get(state.b);
      var found = changes(data, state.a, state.b, words);
      var section = el("section", "pk-bandingkan__table");
      section.setAttribute("aria-labelledby", "pk-b-syarat");
      var heading = el("h2", null, word("table_heading"));
      heading.id = "pk-b-syarat";
      section.appendChild(heading);
      var names = el("p", "pk-bandingkan__pair");
      names.appendChild(document.createTextNode("A: "));
      names.appendChild(positionLink(state.a));
      names.appendChild(document.createTextNode(" \u2014 B: "));
      names.appendChild(positionLink(state.b));
      section.appendChild(names);
      partial = false;
      section.appendChild(table(word("table_caption", {a: name(state.a), b: name(state.b)}),
        [word("col.aspect"), word("col.a"), word("col.b"), word("col.change")],
        requirementRows(a, b, found), "pk-bandingkan__diff"));
      if (partial) {
        var note = el("p", "pk-bandingkan__note", word("at_least_note"));
        note.setAttribute("data-pk-total-note", "");
        section.appendChild(note);
      }
      output.appendChild(section);
      var routes = el("section", "pk-bandingkan__routes");
      routes.setAttribute("aria-labelledby", "pk-b-rute");
      var routeHeading = el("h2", null, word("route_heading"));
      routeHeading.id = "pk-b-rute";
      routes.appendChild(routeHeading);
      routes.appendChild(routeBlock(state.a, state.b));
      routes.appendChild(routeBlock(state.b, state.a));
      output.appendChild(routes);
      output.appendChild(gapsBlock(state.b, state.profileParams));
    }

    function choose() {
      var state = readFragment();
      writeFragment(selectA.value, selectB.value, state.profileParams);
      render();
    }

    selectA.addEventListener("change", choose);
    selectB.addEventListener("change", choose);
    root.querySelector("[data-pk-swap]").addEventListener("click", function () {
      var a = selectA.value;
      selectA.value = selectB.value;
      selectB.value = a;
      choose();
    });
    window.addEventListener("hashchange", render);
    root.classList.add("pk-bandingkan--ready");
    render();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-pk-bandingkan]"), setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
