/* pola-karir: Rencana Pengembangan Karier. A printable plan towards one target position, built in
 * the browser from '#tujuan=ID&<profile params as in Jelajah Karier>'.
 *
 * - No dependencies, no network: the data is window.POLA_KARIR_DATA, the engine
 *   window.PolaKarirJelajah (explore, check, profileFromParams), its findings and times worded by
 *   PolaKarirKata (pk-kata.js); the kind of each move is read from the career paths in the
 *   data. The page's context, tables and moves are shared with bandingkan.js
 *   (PolaKarirHalaman, pk-halaman.js).
 * - The route and each step's verdict and gaps are the engine's explore() result for the target;
 *   the trainings and certificates come from its findings. The timeline is drawn by one function
 *   (timeline): the engine's estimate (result.waktu), each figure with its assumptions.
 * - Data strings reach the page through textContent only. ASCII only (\u escapes).
 */
(function () {
  "use strict";

  var MET = "terpenuhi", UNMET = "belum", UNKNOWN = "tidak-diketahui";

  var H = window.PolaKarirHalaman;
  if (!H) return;
  var el = H.el, move = H.move;

  function setup(root) {
    var page = H.context(root);
    if (!page) return;
    var data = page.data, engine = page.engine, output = page.output, message = page.message;
    var words = page.words, kata = page.kata, byId = page.byId;
    var word = page.word, name = page.name, positionLink = page.positionLink;
    var maxMoves = Number(root.getAttribute("data-pk-max-moves")) || 8;

    function section(key, heading) {
      var node = el("section", "pk-rencana__section pk-rencana__section--" + key);
      node.setAttribute("data-pk-section", key);
      node.setAttribute("aria-labelledby", "pk-r-" + key);
      var h = el("h2", null, heading);
      h.id = "pk-r-" + key;
      node.appendChild(h);
      return node;
    }

    var table = H.table; // plain cells, no row marked

    function gapText(f, positionId) { // a training names itself; others say what is needed and held
      var parts = kata.parts(f, positionId);
      if (f.aspek === "pelatihan" || f.aspek === "sertifikasi") return parts.subject;
      return word("gap", {subject: parts.subject, need: parts.need, have: parts.have});
    }

    function status(f) { return el("span", "pk-status pk-status--" + f.status, word("status." + f.status)); }

    /** The timeline: one entry per step with its earliest time from now, as the engine
     * estimates it (move years, golongan by rank promotion, credit points: result.waktu), each
     * figure with what sets it and its assumptions (pk-kata.js when, the explorer's words). */
    function timeline(result) {
      var node = section("waktu", word("timeline_heading"));
      var list = el("ol", "pk-rencana__timeline");
      result.waktu.langkah_rute.forEach(function (step) {
        var when = kata.when(Object.assign({predikat: result.waktu.predikat}, step));
        var item = el("li", null, word("timeline_step", {when: when, position: name(step.jabatan)}));
        item.setAttribute("data-jabatan", step.jabatan);
        item.setAttribute("data-tahun", step.tahun === null ? "" : String(step.tahun));
        list.appendChild(item);
      });
      node.appendChild(list);
      node.appendChild(el("p", "pk-rencana__note-text", word("timeline_note")));
      return node;
    }

    function trainingsSection(steps) {
      var node = section("pelatihan", word("trainings_heading"));
      var seen = new Map();
      steps.forEach(function (step) {
        step.temuan.forEach(function (f) {
          if ((f.aspek !== "pelatihan" && f.aspek !== "sertifikasi") || f.status === MET) return;
          var subject = kata.parts(f, step.jabatan).subject;
          if (!seen.has(subject)) seen.set(subject, {finding: f, steps: []});
          seen.get(subject).steps.push(step.jabatan);
        });
      });
      if (!seen.size) {
        node.appendChild(el("p", "pk-rencana__none", word("trainings_none")));
        return node;
      }
      var rows = [];
      seen.forEach(function (entry, subject) {
        var f = entry.finding;
        var state = el("span", "pk-status pk-status--" + f.status,
          word(f.status === UNMET ? "training_missing" : "training_unknown"));
        rows.push({key: f.aspek, cells: [subject, words["aspect." + f.aspek] || f.aspek,
          entry.steps.map(name).join(", "), state]});
      });
      node.appendChild(table(null, [word("col.training"), word("col.training_kind"), word("col.for"), word("col.state")],
        rows, "pk-rencana__trainings"));
      return node;
    }

    function routeSection(result) {
      var node = section("rute", word("route_heading"));
      var rows = result.langkah_rute.map(function (step, i) {
        var m = move(data, result.rute[i], step.jabatan);
        var unmet = step.temuan.filter(function (f) { return f.status === UNMET; });
        var unknown = step.temuan.filter(function (f) { return f.status === UNKNOWN; }).length;
        var gaps = el("ul", "pk-rencana__gaps");
        unmet.forEach(function (f) { gaps.appendChild(el("li", null, gapText(f, step.jabatan))); });
        if (unknown) gaps.appendChild(el("li", "pk-rencana__unknown", word("unknown_count", {count: unknown})));
        if (!gaps.firstChild) gaps.appendChild(el("li", null, word("no_gaps")));
        var verdict = el("span", "pk-state pk-state--" + step.status, word("state." + step.status));
        return {key: step.jabatan, cells: [String(i + 1), positionLink(step.jabatan),
          m ? (words["kind." + m.jenis] || m.jenis) : "\u2013", verdict, gaps]};
      });
      node.appendChild(table(word("route_caption", {position: name(result.jabatan)}),
        [word("col.step"), word("col.position"), word("col.kind"), word("col.verdict"), word("col.gaps")],
        rows, "pk-rencana__route"));
      return node;
    }

    /** Without a route: the target's own requirements, judged against the profile. */
    function targetSection(target, profile, reason) {
      var node = section("syarat", word("gaps_heading"));
      node.appendChild(el("p", "pk-rencana__none", reason));
      var checked = engine.check(data, profile, target);
      var rows = checked.temuan.map(function (f) {
        var parts = kata.parts(f, target);
        return {key: f.aspek, cells: [parts.subject, parts.need, parts.have, status(f)]};
      });
      node.appendChild(table(null, [word("col.requirement"), word("col.need"), word("col.have"), word("col.state")],
        rows, "pk-rencana__requirements"));
      return {node: node, steps: [{jabatan: target, temuan: checked.temuan, status: checked.status}]};
    }

    function header(target, profile, status) {
      var node = section("tujuan", word("target_heading"));
      var facts = el("dl", "pk-rencana__facts");
      facts.appendChild(el("dt", null, word("current")));
      var current = el("dd", "pk-rencana__current");
      if (profile.jabatan) current.appendChild(positionLink(profile.jabatan));
      else current.textContent = word("not_filled");
      facts.appendChild(current);
      facts.appendChild(el("dt", null, word("target")));
      var goal = el("dd", "pk-rencana__target");
      goal.appendChild(positionLink(target));
      facts.appendChild(goal);
      facts.appendChild(el("dt", null, word("verdict")));
      var verdict = el("dd", "pk-rencana__verdict", word("state." + status));
      verdict.setAttribute("data-status", status);
      facts.appendChild(verdict);
      node.appendChild(facts);
      return node;
    }

    function render() {
      while (output.firstChild) output.removeChild(output.firstChild);
      message.textContent = "";
      var params = new URLSearchParams(location.hash.replace(/^#/, ""));
      var target = params.get("tujuan") || "";
      params.delete("tujuan");
      if (!target) { message.textContent = word("missing"); return; }
      if (!byId.has(target)) { message.textContent = word("unknown", {id: target}); return; }
      var profile = engine.profileFromParams(params.toString(), data);
      var result = null;
      if (profile.jabatan && profile.jabatan !== target) {
        result = engine.explore(data, profile, maxMoves).filter(function (r) { return r.jabatan === target; })[0] || null;
      }
      if (result) {
        output.appendChild(header(target, profile, result.status));
        output.appendChild(routeSection(result));
        output.appendChild(trainingsSection(result.langkah_rute));
        output.appendChild(timeline(result));
        return;
      }
      var reason = !profile.jabatan ? word("route_no_position")
        : profile.jabatan === target ? word("route_same")
          : word("route_none", {from: name(profile.jabatan), to: name(target), moves: maxMoves});
      var checked = engine.check(data, profile, target);
      output.appendChild(header(target, profile, checked.status));
      var only = targetSection(target, profile, reason);
      output.appendChild(only.node);
      output.appendChild(trainingsSection(only.steps));
    }

    var print = root.querySelector("[data-pk-print]");
    if (print) print.addEventListener("click", function () { window.print(); });
    window.addEventListener("hashchange", render);
    root.classList.add("pk-rencana--ready");
    render();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-pk-rencana]"), setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
