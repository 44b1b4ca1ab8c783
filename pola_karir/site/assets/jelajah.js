/* pola-karir: Jelajah Karier. The merit-matching engine of pola_karir/matching.py ported to the
 * browser, and the page that uses it.
 *
 * - No dependencies, no modules, no build step (ES2017), no network: the data comes from
 *   assets/pola-karir-data.js (window.POLA_KARIR_DATA), so the page works from file:// and offline.
 * - explore() must give exactly what Python's explore_data(dataset, profile_from_data(profile),
 *   max_moves) gives: same keys, order, strings and numbers. tests/site/test_jelajah.py checks a
 *   table of cases against the Python engine; change both together. Each result carries its
 *   route's verdict (status: memenuhi | belum-memenuhi | belum-dinilai), its gaps (celah), the
 *   profile parts to fill in (isi) and every step's findings (langkah_rute).
 * - A profile from a URL or a file goes through inspectProfile: what cannot be used is shown
 *   beside its field and left out, never silently read as "none".
 * - Words not in the data come from the site's catalogue via data-pk-words (explorer.py).
 * - Texts that depend on the data (requirement phrases, training and competency names, education
 *   labels) are read from the export, never re-phrased here.
 * - Data strings reach the page through textContent only.
 * - ASCII only (\u escapes), so the script reads the same whatever charset it is served with.
 */
(function () {
  "use strict";

  // --- the engine (pola_karir/matching.py) --------------------------------------------------

  var MET = "terpenuhi";
  var UNMET = "belum";
  var UNKNOWN = "tidak-diketahui";
  var UNKNOWN_TEXT = "tidak diketahui"; // matching.UNKNOWN_TEXT
  var PROFILE_KEYS = ["jabatan", "pendidikan", "bidang_pendidikan", "golongan", "masa_jabatan",
    "pengalaman", "masa_kerja", "pelatihan", "kinerja", "kompetensi"];
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var MAX_YEARS = 60; // common.schema.json#/$defs/tahun

  function hasOwn(object, key) {
    return object !== null && object !== undefined && Object.prototype.hasOwnProperty.call(object, key);
  }

  function isDict(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function compareText(a, b) { // Python str order (ids are ASCII)
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function compareNumber(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function compareRoute(a, b) { // Python tuple order
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var c = compareText(a[i], b[i]);
      if (c) return c;
    }
    return compareNumber(a.length, b.length);
  }

  /** Python's f"{value:g}": 6 significant digits, round half to even on the exact value. */
  function formatG(value) {
    if (value !== value) return "nan";
    if (value === Infinity) return "inf";
    if (value === -Infinity) return "-inf";
    if (value === 0) return Object.is(value, -0) ? "-0" : "0";
    var sign = value < 0 ? "-" : "";
    var parts = Math.abs(value).toExponential(100).split("e"); // exact digits of the double
    var all = parts[0].replace(".", "");
    var exponent = parseInt(parts[1], 10);
    var digits = all.slice(0, 6).split("").map(Number);
    var next = all.charCodeAt(6) - 48;
    var tail = /[1-9]/.test(all.slice(7));
    if (next > 5 || (next === 5 && (tail || digits[5] % 2 === 1))) {
      var i = 5;
      while (i >= 0 && digits[i] === 9) { digits[i] = 0; i--; }
      if (i < 0) { digits.unshift(1); digits.pop(); exponent++; } else { digits[i]++; }
    }
    var text = digits.join("");
    if (exponent < -4 || exponent >= 6) {
      var mantissa = (text[0] + "." + text.slice(1)).replace(/\.?0+$/, "");
      var power = String(Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (power.length < 2 ? "0" + power : power);
    }
    var whole, fraction;
    if (exponent >= 0) {
      whole = text.slice(0, exponent + 1);
      fraction = text.slice(exponent + 1);
    } else {
      whole = "0";
      fraction = "0".repeat(-exponent - 1) + text;
    }
    fraction = fraction.replace(/0+$/, "");
    return sign + whole + (fraction ? "." + fraction : "");
  }

  /** describe.years: '3 tahun', '2,5 tahun'. */
  function years(value) {
    return formatG(value).replace(/\./g, ",") + " tahun";
  }

  var cache = typeof WeakMap === "function" ? new WeakMap() : null;

  /** Lookups over the exported data, built once per data object. */
  function index(data) {
    var found = cache && cache.get(data);
    if (found) return found;
    var positions = new Map();
    (data.jabatan || []).forEach(function (p) { positions.set(p.id, p); });
    var trainings = new Map();
    (data.pelatihan || []).forEach(function (t) { trainings.set(t.id, t); });
    var competencies = new Map();
    (data.kompetensi || []).forEach(function (c) { competencies.set(c.id, c); });
    var outgoing = new Map(); // dataset.moves() by source, as (target, min_years) pairs
    (data.jalur || []).forEach(function (path) {
      path.langkah.forEach(function (move) {
        if (!outgoing.has(move.dari)) outgoing.set(move.dari, []);
        outgoing.get(move.dari).push([move.ke, Number(move.tahun_minimal)]);
      });
    });
    outgoing.forEach(function (list) {
      list.sort(function (a, b) { return compareText(a[0], b[0]) || compareNumber(a[1], b[1]); });
    });
    var families = new Set((data.jabatan_fungsional || []).map(function (f) { return f.id; }));
    var groups = new Map(); // dataset.field_groups_by_key
    (data.rumpun_pendidikan || []).forEach(function (g) { groups.set(fieldKey(g.nama), g); });
    found = {positions: positions, trainings: trainings, competencies: competencies,
      outgoing: outgoing, ref: data.rujukan || {}, families: families, groups: groups};
    if (cache) cache.set(data, found);
    return found;
  }

  function text(value) { // matching._text
    return typeof value === "string" && value ? value : null;
  }

  function number(value) {
    return typeof value === "number" ? value : null;
  }

  /** matching.profile_from_data: the plain profile (profil.schema.json keys) as the engine's
   * Profile. Absent keys stay unknown (null). */
  function profileFromData(data) {
    data = data || {};
    var experience = null;
    if (isDict(data.pengalaman)) {
      experience = new Map();
      Object.keys(data.pengalaman).forEach(function (k) { experience.set(String(k), Number(data.pengalaman[k])); });
    }
    var competencies = null;
    if (isDict(data.kompetensi)) {
      competencies = new Map();
      Object.keys(data.kompetensi).forEach(function (k) { competencies.set(String(k), Math.trunc(Number(data.kompetensi[k]))); });
    }
    return {
      position: text(data.jabatan),
      education: text(data.pendidikan),
      educationField: text(data.bidang_pendidikan),
      rank: text(data.golongan),
      yearsInPosition: number(data.masa_jabatan),
      experience: experience,
      totalYears: number(data.masa_kerja),
      trainings: Array.isArray(data.pelatihan) ? new Set(data.pelatihan.map(String)) : null,
      ratings: Array.isArray(data.kinerja) ? data.kinerja.map(String) : null,
      competencies: competencies
    };
  }

  function finding(aspect, subject, status, have, need) { // matching.finding_data
    return {aspek: aspect, subjek: subject, status: status, punya: have, perlu: need};
  }

  function status(ok) {
    if (ok === null) return UNKNOWN;
    return ok ? MET : UNMET;
  }

  /** str.casefold for the comparisons that need it (field names). */
  function casefold(value) {
    // Upper then lower folds most of what casefold does; final sigma and the sharp s need help.
    return value.toUpperCase().toLowerCase().replace(/\u03c2/g, "\u03c3").replace(/\u00df/g, "ss");
  }

  // model.field_key: letters, digits and combining marks are kept, every other run is one
  // space. Unicode property escapes are built at run time so that an engine without them
  // still parses this file (it then treats only ASCII punctuation and spaces as separators).
  var SEPARATORS = (function () {
    try { return new RegExp("[^\\p{L}\\p{N}\\p{M}]+", "gu"); } catch (e) {
      return /[\s!-\/:-@\[-`{-~]+/g;
    }
  }());

  function fieldKey(name) { // model.field_key
    var normal = typeof name.normalize === "function" ? name.normalize("NFKC") : name;
    return casefold(normal).replace(SEPARATORS, " ").trim();
  }

  function acceptedFields(ix, fields) { // matching.accepted_fields
    var accepted = new Set();
    fields.forEach(function (name) {
      var key = fieldKey(name);
      accepted.add(key);
      var group = ix.groups.get(key);
      if (group) group.bidang.forEach(function (member) { accepted.add(fieldKey(member)); });
    });
    return accepted;
  }

  function history(ix, profile) { // matching._history
    var result = new Map(profile.experience || []);
    var current = ix.positions.get(profile.position || "");
    if (current && profile.yearsInPosition !== null) {
      result.set(current.id, Math.max(result.has(current.id) ? result.get(current.id) : 0, profile.yearsInPosition));
    }
    return result;
  }

  function gradeAtLeast(ref, grade, item) { // matching._grade_at_least
    return ref.jenjang[grade] >= ref.jenjang[item.jenjang_minimal];
  }

  function within(unit, ancestor) { // matching._within
    return unit === ancestor || unit.indexOf(ancestor + "/") === 0;
  }

  function positionConditions(ref, item, position) { // matching._position_conditions
    var levels = item.jenis || [], ids = item.jabatan || [];
    var verdicts = [];
    if (levels.length || ids.length) {
      verdicts.push(ids.indexOf(position.id) >= 0 || levels.indexOf(position.jenis) >= 0
        || levels.indexOf(position.tingkat.kunci) >= 0);
    }
    if (item.jabatan_fungsional !== null) verdicts.push(position.jabatan_fungsional === item.jabatan_fungsional);
    if (item.jenjang_minimal !== null) verdicts.push(position.jenjang !== null && gradeAtLeast(ref, position.jenjang, item));
    if (item.kelas_minimal !== null) verdicts.push(position.kelas_jabatan >= item.kelas_minimal);
    if (item.unit !== null) {
      verdicts.push(position.penempatan.some(function (p) { return within(p.unit, item.unit); }));
    }
    return verdicts;
  }

  function listed(ix, item, key) { // matching._listed
    var levels = item.jenis || [];
    if (levels.indexOf(key) >= 0) return true;
    if ((item.jabatan || []).length) return null;
    var functional = levels.indexOf("fungsional") >= 0;
    var gradesListed = levels.some(function (level) { return hasOwn(ix.ref.jenjang, level); });
    if (hasOwn(ix.ref.jenjang, key)) return functional;
    if (ix.families.has(key)) return functional ? true : (gradesListed ? null : false);
    if (key === "fungsional") return gradesListed ? null : false;
    return ix.ref.jenis_jabatan.indexOf(key) >= 0 ? false : null;
  }

  function keyConditions(ix, item, key) { // matching._key_conditions
    var ref = ix.ref;
    var isGrade = hasOwn(ref.jenjang, key);
    var isType = ref.jenis_jabatan.indexOf(key) >= 0;
    var structural = isType && key !== "fungsional";
    var levels = item.jenis || [], ids = item.jabatan || [];
    var verdicts = [];
    if (levels.length || ids.length) verdicts.push(listed(ix, item, key));
    if (item.jabatan_fungsional !== null) {
      verdicts.push(ix.families.has(key) ? key === item.jabatan_fungsional : (structural ? false : null));
    }
    if (item.jenjang_minimal !== null) {
      verdicts.push(isGrade ? gradeAtLeast(ref, key, item) : (structural ? false : null));
    }
    if (item.kelas_minimal !== null) verdicts.push(null);
    if (item.unit !== null) verdicts.push(null);
    return verdicts;
  }

  function counts(ix, item, key) { // matching._counts
    var position = ix.positions.get(key);
    var verdicts = position ? positionConditions(ix.ref, item, position) : keyConditions(ix, item, key);
    if (verdicts.indexOf(false) >= 0) return false;
    return verdicts.indexOf(null) >= 0 ? null : true;
  }

  function conditional(item) { // ExperienceRequirement.conditional
    return item.jabatan_fungsional !== null || item.kelas_minimal !== null || item.unit !== null;
  }

  /** matching.conditional_experience: [met (true/false/null), years known to count]. */
  function conditionalExperience(ix, profile, item) {
    var positionsTotal = 0, otherBest = 0, possible = 0;
    history(ix, profile).forEach(function (value, key) {
      var verdict = counts(ix, item, key);
      if (verdict === false) return;
      possible += value;
      if (verdict && ix.positions.has(key)) positionsTotal += value;
      else if (verdict) otherBest = Math.max(otherBest, value);
    });
    var held = Math.max(positionsTotal, otherBest);
    if (held >= item.tahun) return [true, held];
    if (profile.experience === null || possible >= item.tahun) return [null, held];
    return [false, held];
  }

  function experienceYears(ix, profile) { // matching.experience_years
    var result = new Map(profile.experience || []);
    var current = ix.positions.get(profile.position || "");
    if (current && profile.yearsInPosition !== null) {
      [current.id, current.jenis, current.tingkat.kunci].forEach(function (key) {
        result.set(key, Math.max(result.has(key) ? result.get(key) : 0, profile.yearsInPosition));
      });
    }
    return result;
  }

  function findings(ix, profile, position) { // matching.check
    var req = position.persyaratan;
    var ref = ix.ref;
    var found = [];
    if (req.pendidikan) {
      var need = req.pendidikan.minimal;
      var ok = profile.education === null ? null
        : ref.pendidikan[profile.education] >= ref.pendidikan[need];
      found.push(finding("pendidikan", "Pendidikan", status(ok),
        profile.education ? ref.pendidikan_nama[profile.education] : UNKNOWN_TEXT,
        ref.pendidikan_nama[need]));
      var fields = req.pendidikan.bidang || [];
      if (fields.length) {
        var fieldOk = null;
        if (profile.educationField) { // matching.field_accepted
          fieldOk = acceptedFields(ix, fields).has(fieldKey(profile.educationField));
        }
        found.push(finding("bidang_pendidikan", "Bidang pendidikan", status(fieldOk),
          profile.educationField || UNKNOWN_TEXT, fields.join(", ")));
      }
    }
    if (req.golongan) { // matching._rank: within minimum and (for functional grades) maximum
      var low = req.golongan.minimal, high = req.golongan.maksimal || null;
      var rankOk = profile.rank === null ? null
        : ref.golongan[profile.rank] >= ref.golongan[low]
          && (high === null || ref.golongan[profile.rank] <= ref.golongan[high]);
      found.push(finding("golongan", "Golongan", status(rankOk), profile.rank || UNKNOWN_TEXT,
        high ? low + "\u2013" + high : low));
    }
    var held = experienceYears(ix, profile);
    (req.pengalaman || []).forEach(function (item) {
      var options = (item.jenis || []).concat(item.jabatan || []);
      var itemOk, have;
      if (conditional(item)) {
        var result = conditionalExperience(ix, profile, item);
        itemOk = result[0];
        have = itemOk !== null ? years(result[1]) : UNKNOWN_TEXT;
      } else if (options.length) {
        var most = Math.max.apply(null, options.map(function (o) { return held.has(o) ? held.get(o) : 0; }));
        if (most >= item.tahun) itemOk = true;
        else itemOk = profile.experience !== null ? false : null;
        have = itemOk !== null ? years(most) : UNKNOWN_TEXT;
      } else {
        itemOk = profile.totalYears === null ? null : profile.totalYears >= item.tahun;
        have = profile.totalYears !== null ? years(profile.totalYears) + " masa kerja" : UNKNOWN_TEXT;
      }
      found.push(finding("pengalaman", "Pengalaman", status(itemOk), have, item.teks));
    });
    [["pelatihan", req.pelatihan || []], ["sertifikasi", req.sertifikasi || []]].forEach(function (pair) {
      pair[1].forEach(function (id) {
        var done = profile.trainings === null ? null : profile.trainings.has(id);
        var training = ix.trainings.get(id);
        var name = training ? training.teks : id;
        var have = done === null ? UNKNOWN_TEXT : (done ? "sudah" : "belum");
        found.push(finding(pair[0], name, status(done), have, name));
      });
    });
    if (req.kinerja) found.push(performance(ref, profile, req.kinerja));
    var levels = req.kompetensi || {};
    Object.keys(levels).forEach(function (id) {
      var level = levels[id];
      var mine = profile.competencies === null || !profile.competencies.has(id) ? null
        : profile.competencies.get(id);
      var competency = ix.competencies.get(id);
      found.push(finding("kompetensi", competency ? competency.nama : id,
        status(mine === null ? null : mine >= level),
        mine !== null ? "level " + mine : UNKNOWN_TEXT, "level " + level));
    });
    return found;
  }

  function performance(ref, profile, req) { // matching._performance
    var need = req.teks_syarat;
    var ratings = profile.ratings;
    if (!ratings || !ratings.length) return finding("kinerja", "Kinerja", UNKNOWN, UNKNOWN_TEXT, need);
    var considered = ratings.slice(0, req.tahun);
    var minimum = ref.predikat[req.predikat_minimal];
    var below = considered.filter(function (r) { return ref.predikat[r] < minimum; });
    var have = considered.map(function (r) { return ref.predikat_nama[r]; }).join(", ");
    if (below.length) return finding("kinerja", "Kinerja", UNMET, have, need);
    if (considered.length < req.tahun) return finding("kinerja", "Kinerja", UNKNOWN, have, need);
    return finding("kinerja", "Kinerja", MET, have, need);
  }

  // A binary heap ordered like Python's heapq on (years, moves, route) tuples.
  function heapLess(a, b) {
    return (compareNumber(a[0], b[0]) || compareNumber(a[1], b[1]) || compareRoute(a[2], b[2])) < 0;
  }

  function heapPush(heap, item) {
    heap.push(item);
    var i = heap.length - 1;
    while (i > 0) {
      var parent = (i - 1) >> 1;
      if (!heapLess(heap[i], heap[parent])) break;
      var swap = heap[i]; heap[i] = heap[parent]; heap[parent] = swap;
      i = parent;
    }
  }

  function heapPop(heap) {
    var top = heap[0];
    var last = heap.pop();
    if (heap.length) {
      heap[0] = last;
      var i = 0;
      for (;;) {
        var left = 2 * i + 1, right = left + 1, smallest = i;
        if (left < heap.length && heapLess(heap[left], heap[smallest])) smallest = left;
        if (right < heap.length && heapLess(heap[right], heap[smallest])) smallest = right;
        if (smallest === i) break;
        var swap = heap[i]; heap[i] = heap[smallest]; heap[smallest] = swap;
        i = smallest;
      }
    }
    return top;
  }

  function compareReach(a, b) {
    return compareNumber(a.years, b.years) || compareNumber(a.moves, b.moves) || compareRoute(a.route, b.route);
  }

  function reachable(ix, profile, maxMoves) { // matching.reachable
    var start = profile.position;
    if (start === null || !ix.positions.has(start)) return [];
    var served = profile.yearsInPosition || 0;
    // States are (position, moves used), as in matching.reachable: a slower route with fewer
    // moves is kept beside a faster one with more, since only it may have moves left.
    var best = new Map();
    var settled = new Map();
    var queue = [[0, 0, [start]]];
    while (queue.length) {
      var item = heapPop(queue);
      var spent = item[0], moves = item[1], route = item[2];
      if (moves === maxMoves) continue;
      var out = ix.outgoing.get(route[route.length - 1]) || [];
      for (var i = 0; i < out.length; i++) {
        var target = out[i][0], minYears = out[i][1];
        if (route.indexOf(target) >= 0) continue;
        var wait = moves === 0 ? Math.max(0, minYears - served) : minYears;
        var candidate = {position: target, route: route.concat([target]), moves: moves + 1, years: spent + wait};
        var known = best.get(target);
        if (!known || compareReach(candidate, known) < 0) best.set(target, candidate);
        var state = target + "\u0000" + (moves + 1);
        if (!settled.has(state) || candidate.years < settled.get(state)) {
          settled.set(state, candidate.years);
          heapPush(queue, [candidate.years, candidate.moves, candidate.route]);
        }
      }
    }
    return Array.from(best.values()).sort(function (a, b) {
      return compareNumber(a.years, b.years) || compareNumber(a.moves, b.moves) || compareText(a.position, b.position);
    });
  }

  var STATE_MET = "memenuhi", STATE_UNMET = "belum-memenuhi", STATE_UNKNOWN = "belum-dinilai";
  var STATE_ORDER = {"memenuhi": 0, "belum-dinilai": 1, "belum-memenuhi": 2}; // matching.STATE_ORDER

  function state(found) { // matching._state
    if (found.some(function (f) { return f.status === UNMET; })) return STATE_UNMET;
    return found.some(function (f) { return f.status === UNKNOWN; }) ? STATE_UNKNOWN : STATE_MET;
  }

  /** matching.steps_first: each result after the intermediate steps of its route. */
  function stepsFirst(results) {
    var byId = new Map();
    results.forEach(function (r) { byId.set(r.jabatan, r); });
    var placed = new Set();
    var ordered = [];
    function place(result, pending) {
      var id = result.jabatan;
      if (placed.has(id) || pending.has(id)) return;
      var inner = new Set(pending);
      inner.add(id);
      result.rute.slice(1, -1).forEach(function (step) {
        if (byId.has(step)) place(byId.get(step), inner);
      });
      placed.add(id);
      ordered.push(result);
    }
    results.forEach(function (r) { place(r, new Set()); });
    return ordered;
  }

  /** matching.explore_data for a plain profile: reachable positions judged along their
   * routes, fewest moves first, then state, gaps, time, id; never above a step of their route. */
  function explore(data, plainProfile, maxMoves) {
    var ix = index(data);
    var profile = profileFromData(plainProfile);
    if (maxMoves === undefined || maxMoves === null) maxMoves = 3;
    var checked = new Map();
    function judged(id) {
      if (!checked.has(id)) checked.set(id, findings(ix, profile, ix.positions.get(id)));
      return checked.get(id);
    }
    var results = reachable(ix, profile, maxMoves).map(function (reach) {
      var steps = reach.route.slice(1).map(function (id) {
        var found = judged(id);
        return {jabatan: id, status: state(found), temuan: found};
      });
      var all = [];
      steps.forEach(function (step) { all = all.concat(step.temuan); });
      var fill = [];
      all.forEach(function (f) {
        if (f.status === UNKNOWN && fill.indexOf(f.aspek) < 0) fill.push(f.aspek);
      });
      var routeState = state(all);
      return {jabatan: reach.position, rute: reach.route, langkah: reach.moves, tahun: reach.years,
        status: routeState, memenuhi: routeState === STATE_MET,
        celah: all.filter(function (f) { return f.status === UNMET; }).length,
        isi: fill, temuan: steps[steps.length - 1].temuan, langkah_rute: steps};
    });
    results.sort(function (a, b) {
      return compareNumber(a.langkah, b.langkah) || compareNumber(STATE_ORDER[a.status], STATE_ORDER[b.status])
        || compareNumber(a.celah, b.celah) || compareNumber(a.tahun, b.tahun) || compareText(a.jabatan, b.jabatan);
    });
    return stepsFirst(results);
  }

  /** The three numbers of a summary (matching.summary_counts). */
  function summaryCounts(results) {
    var counts = {dapat_dicapai: results.length, memenuhi: 0, belum_memenuhi: 0, belum_dinilai: 0};
    results.forEach(function (r) { counts[r.status.replace("-", "_")] += 1; });
    return counts;
  }

  /** matching.check for one position: {jabatan, memenuhi, temuan}; null for an unknown id. */
  function check(data, plainProfile, positionId) {
    var ix = index(data);
    var position = ix.positions.get(positionId);
    if (!position) return null;
    var found = findings(ix, profileFromData(plainProfile), position);
    return {jabatan: positionId, status: state(found), memenuhi: state(found) === STATE_MET,
      temuan: found};
  }

  // --- profiles in the URL fragment and in JSON files -----------------------------------------

  function reference(data) {
    var source = data || (typeof window !== "undefined" ? window.POLA_KARIR_DATA : null) || {};
    return source.rujukan || {pendidikan: {}, golongan: {}, predikat: {}};
  }

  function validYears(value) {
    return typeof value === "number" && isFinite(value) && value >= 0 && value <= MAX_YEARS;
  }

  function parseYears(raw) {
    var textValue = String(raw).trim().replace(",", ".");
    if (!/^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(textValue)) return null;
    var value = Number(textValue);
    return validYears(value) ? value : null;
  }

  function unique(list) {
    var seen = new Set();
    return list.filter(function (item) {
      if (seen.has(item)) return false;
      seen.add(item);
      return true;
    });
  }

  /** The one key of ``table`` that ``value`` names, ignoring case ("s1" is S1, "iii/b" is
   * III/b); null when none does, or when several would (then the intent is not clear). */
  function caseless(table, value) {
    if (typeof value !== "string") return null;
    var wanted = value.trim();
    if (hasOwn(table, wanted)) return wanted;
    var lower = wanted.toLowerCase();
    var found = Object.keys(table).filter(function (key) { return key.toLowerCase() === lower; });
    return found.length === 1 ? found[0] : null;
  }

  /** An id as written ("PKA", " pka ") in the form ids take, or null when it cannot be one. */
  function idOf(value) {
    if (typeof value !== "string") return null;
    var lower = value.trim().toLowerCase();
    return ID.test(lower) ? lower : null;
  }

  /** Years as a number, or as text from a URL or a hand-written file ("2,5"). */
  function yearsOf(value) {
    if (typeof value === "number") return validYears(value) ? value : null;
    return typeof value === "string" ? parseYears(value) : null;
  }

  function levelOf(value) {
    if (typeof value === "number") return value >= 1 && value <= 5 && value % 1 === 0 ? value : null;
    return typeof value === "string" && /^\s*[1-5]\s*$/.test(value) ? Number(value) : null;
  }

  function shown(value) { // a bad value as the error message quotes it (shown via textContent)
    var textValue = typeof value === "string" ? value : JSON.stringify(value);
    textValue = textValue === undefined ? String(value) : textValue;
    return textValue.length > 80 ? textValue.slice(0, 79) + "\u2026" : textValue;
  }

  /** A valid profile (profil.schema.json) from any object, and the values it could not use.
   * Keys come in the schema's order; a value that cannot be used is left out (so that part
   * stays unknown) and reported as {kunci: profile key, nilai: the value as written}, never
   * silently turned into something else. Enumerations and ids are matched without case where
   * only one matches. With ``known`` the ids must also exist in the data (positions, trainings,
   * competencies, and experience keys: positions, job families, position types, jenjang). */
  function inspectProfile(input, data, known) {
    var ref = reference(data);
    var ix = known ? index(data || window.POLA_KARIR_DATA) : null;
    var result = {};
    var errors = [];
    function bad(key, value) { errors.push({kunci: key, nilai: shown(value)}); }
    if (!isDict(input)) return {profile: result, errors: errors};
    function exists(kind, id) {
      if (!ix) return true;
      if (kind === "jabatan") return ix.positions.has(id);
      if (kind === "pelatihan") return ix.trainings.has(id);
      if (kind === "kompetensi") return ix.competencies.has(id);
      return ix.positions.has(id) || ix.families.has(id) || hasOwn(ix.ref.jenjang, id)
        || (ix.ref.jenis_jabatan || []).indexOf(id) >= 0;
    }
    if (hasOwn(input, "jabatan")) {
      var position = idOf(input.jabatan);
      if (position && exists("jabatan", position)) result.jabatan = position;
      else bad("jabatan", input.jabatan);
    }
    if (hasOwn(input, "pendidikan")) {
      var education = caseless(ref.pendidikan, input.pendidikan);
      if (education) result.pendidikan = education;
      else bad("pendidikan", input.pendidikan);
    }
    if (hasOwn(input, "bidang_pendidikan")) {
      var field = typeof input.bidang_pendidikan === "string" ? input.bidang_pendidikan.trim() : "";
      if (field && field.length <= 200) result.bidang_pendidikan = field;
      else if (field || typeof input.bidang_pendidikan !== "string") bad("bidang_pendidikan", input.bidang_pendidikan);
    }
    if (hasOwn(input, "golongan")) {
      var rank = caseless(ref.golongan, input.golongan);
      if (rank) result.golongan = rank;
      else bad("golongan", input.golongan);
    }
    if (hasOwn(input, "masa_jabatan")) {
      var served = yearsOf(input.masa_jabatan);
      if (served !== null) result.masa_jabatan = served;
      else bad("masa_jabatan", input.masa_jabatan);
    }
    if (hasOwn(input, "pengalaman")) {
      if (isDict(input.pengalaman)) {
        var experience = {};
        Object.keys(input.pengalaman).forEach(function (key) {
          var id = idOf(key), value = yearsOf(input.pengalaman[key]);
          if (id && value !== null && exists("pengalaman", id) && !hasOwn(experience, id)) experience[id] = value;
          else bad("pengalaman", key + ": " + shown(input.pengalaman[key]));
        });
        result.pengalaman = experience;
      } else {
        bad("pengalaman", input.pengalaman);
      }
    }
    if (hasOwn(input, "masa_kerja")) {
      var total = yearsOf(input.masa_kerja);
      if (total !== null) result.masa_kerja = total;
      else bad("masa_kerja", input.masa_kerja);
    }
    if (hasOwn(input, "pelatihan")) {
      if (Array.isArray(input.pelatihan)) {
        var done = [];
        input.pelatihan.forEach(function (t) {
          var id = idOf(t);
          if (id && exists("pelatihan", id)) done.push(id);
          else bad("pelatihan", t);
        });
        result.pelatihan = unique(done);
      } else {
        bad("pelatihan", input.pelatihan);
      }
    }
    if (hasOwn(input, "kinerja")) {
      if (Array.isArray(input.kinerja)) {
        // Most recent first: after a rating that cannot be read, the years would shift, so
        // the list stops there.
        var ratings = [];
        for (var i = 0; i < input.kinerja.length && ratings.length < 10; i++) {
          var rating = caseless(ref.predikat, input.kinerja[i]);
          if (!rating) { bad("kinerja", input.kinerja[i]); break; }
          ratings.push(rating);
        }
        result.kinerja = ratings;
      } else {
        bad("kinerja", input.kinerja);
      }
    }
    if (hasOwn(input, "kompetensi")) {
      if (isDict(input.kompetensi)) {
        var levels = {};
        Object.keys(input.kompetensi).forEach(function (key) {
          var id = idOf(key), level = levelOf(input.kompetensi[key]);
          if (id && level !== null && exists("kompetensi", id) && !hasOwn(levels, id)) levels[id] = level;
          else bad("kompetensi", key + ": " + shown(input.kompetensi[key]));
        });
        result.kompetensi = levels;
      } else {
        bad("kompetensi", input.kompetensi);
      }
    }
    Object.keys(input).forEach(function (key) {
      if (PROFILE_KEYS.indexOf(key) < 0) bad("other", key);
    });
    return {profile: result, errors: errors};
  }

  /** A valid profile from any object, values it cannot use left out (see inspectProfile). */
  function cleanProfile(input, data) {
    return inspectProfile(input, data, false).profile;
  }

  /** The profile in a URL fragment as written, before any check: '#jabatan=x&pendidikan=S1&
   * golongan=III%2Fb&...'. Lists are comma-separated; pengalaman and kompetensi are 'key:value'
   * pairs (a pair without ':' is kept whole, so that it can be reported). */
  function paramsProfile(fragment) {
    var params = new URLSearchParams(String(fragment || "").replace(/^#/, ""));
    var raw = {};
    ["jabatan", "pendidikan", "bidang_pendidikan", "golongan", "masa_jabatan", "masa_kerja"].forEach(function (key) {
      if (params.has(key)) raw[key] = params.get(key);
    });
    ["pengalaman", "kompetensi"].forEach(function (key) {
      if (!params.has(key)) return;
      var pairsFound = {};
      params.get(key).split(",").forEach(function (part) {
        if (!part.trim()) return;
        var at = part.lastIndexOf(":");
        var name = at < 0 ? part.trim() : part.slice(0, at).trim();
        if (!hasOwn(pairsFound, name)) pairsFound[name] = at < 0 ? "" : part.slice(at + 1).trim();
      });
      raw[key] = pairsFound;
    });
    ["pelatihan", "kinerja"].forEach(function (key) {
      if (params.has(key)) {
        raw[key] = params.get(key).split(",").map(function (s) { return s.trim(); }).filter(Boolean);
      }
    });
    // A key=value the page does not know is reported; a bare name is a heading's anchor.
    Array.from(params.keys()).forEach(function (key) {
      if (PROFILE_KEYS.indexOf(key) < 0 && key !== "langkah" && params.get(key)) raw[key] = params.get(key);
    });
    return raw;
  }

  /** The valid profile in a URL fragment (values it cannot use left out). */
  function profileFromParams(fragment, data) {
    return cleanProfile(paramsProfile(fragment), data);
  }

  function pairs(object) {
    return Object.keys(object).map(function (key) {
      return encodeURIComponent(key) + ":" + encodeURIComponent(String(object[key]));
    }).join(",");
  }

  /** The fragment for a profile, without '#': keys in the schema's order. */
  function profileToParams(profile) {
    var parts = [];
    PROFILE_KEYS.forEach(function (key) {
      if (!hasOwn(profile, key)) return;
      var value = profile[key];
      var encoded;
      if (key === "pengalaman" || key === "kompetensi") encoded = pairs(value || {});
      else if (Array.isArray(value)) encoded = value.map(encodeURIComponent).join(",");
      else encoded = encodeURIComponent(String(value));
      parts.push(key + "=" + encoded);
    });
    return parts.join("&");
  }

  var api = {
    explore: explore,
    check: check,
    summaryCounts: summaryCounts,
    profileFromParams: profileFromParams,
    profileToParams: profileToParams,
    cleanProfile: cleanProfile,
    inspectProfile: inspectProfile,
    paramsProfile: paramsProfile,
    formatYears: years,
    fieldKey: fieldKey
  };
  if (typeof window !== "undefined") window.PolaKarirJelajah = api;

  // --- the page -------------------------------------------------------------------------------

  if (typeof document === "undefined") return;

  var STATUS_LABEL = {terpenuhi: "terpenuhi", belum: "belum terpenuhi", "tidak-diketahui": "belum dinilai"};

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = content;
    return node;
  }

  function yearsText(value) {
    return formatG(value).replace(/\./g, ",");
  }

  /** One unmet or unknown requirement in plain words. */
  function gapText(f) {
    if (f.aspek === "pelatihan" || f.aspek === "sertifikasi") {
      return f.status === UNMET ? "Belum " + f.subjek : f.subjek + ": " + f.punya;
    }
    if (f.aspek === "bidang_pendidikan") {
      return "Bidang pendidikan " + f.punya + ", perlu salah satu dari: " + f.perlu;
    }
    if (f.aspek === "kinerja") return "Kinerja " + f.punya + "; perlu " + f.perlu;
    var subject = f.aspek === "kompetensi" ? "Kompetensi " + f.subjek : f.subjek;
    return subject + " " + f.punya + ", perlu " + f.perlu;
  }

  function unknownText(f) {
    if (f.aspek === "pelatihan" || f.aspek === "sertifikasi") return f.subjek;
    if (f.aspek === "kompetensi") return "Kompetensi " + f.subjek + " (perlu " + f.perlu + ")";
    if (f.aspek === "kinerja" && f.punya !== UNKNOWN_TEXT) {
      return "Kinerja " + f.punya + " (perlu " + f.perlu + ")";
    }
    return f.subjek + " (perlu " + f.perlu + ")";
  }

  function setup(root) {
    var data = window.POLA_KARIR_DATA;
    var form = root.querySelector("form");
    var results = root.querySelector("[data-pk-results]");
    var summary = root.querySelector("[data-pk-summary]");
    var message = root.querySelector("[data-pk-message]");
    var fileInput = root.querySelector("[data-pk-file]");
    var template = root.getAttribute("data-pk-position-url") || "";
    if (!data || !form || !results) {
      if (summary) summary.textContent = "Data pola karier tidak dapat dimuat. Muat ulang halaman ini.";
      return;
    }
    var ix = index(data);
    var extras = {pengalaman: {}, pelatihan: [], kompetensi: {}}; // imported values the form has no field for
    var onlyOpen = root.querySelector("[data-pk-only-open]");
    var words = {}; // formasi words from the site's catalogue (explorer.FORMASI_WORDS)
    try { words = JSON.parse(root.getAttribute("data-pk-words") || "{}"); } catch (error) { words = {}; }
    var unitNames = new Map();
    (data.unit || []).forEach(function (u) { unitNames.set(u.id, u.nama); });
    var lastFragment = null;

    function field(name) { return form.elements.namedItem(name); }
    function all(selector) { return Array.prototype.slice.call(form.querySelectorAll(selector)); }

    function positionUrl(id) {
      var href = template.replace("__ID__", encodeURIComponent(id));
      if (location.protocol === "file:" && /\/$/.test(href)) href += "index.html";
      return href;
    }

    function word(name, values) {
      var textValue = String(words[name] || "");
      Object.keys(values || {}).forEach(function (key) {
        textValue = textValue.split("{" + key + "}").join(String(values[key]));
      });
      return textValue;
    }

    /** A unit as an employee knows it: its name, and its perangkat daerah when it is below. */
    function placeName(id) {
      var top = id.split("/")[0];
      var name = unitNames.get(id) || id;
      return id === top ? name : name + " \u203a " + (unitNames.get(top) || top);
    }

    /** The placements of a position (open data's penempatan), and those with open posts. */
    function placements(id) {
      var position = ix.positions.get(id);
      return (position && position.penempatan) || [];
    }

    function openPlaces(id) {
      return placements(id).filter(function (p) { return p.terbuka > 0; });
    }

    function showOnlyOpen() {
      var wanted = Boolean(onlyOpen && onlyOpen.checked);
      var shown = 0;
      Array.prototype.forEach.call(results.querySelectorAll("li.pk-jelajah__item"), function (item) {
        item.hidden = wanted && !item.hasAttribute("data-terbuka");
        if (!item.hidden) shown++;
      });
      var empty = results.querySelector(".pk-jelajah__empty");
      if (empty) results.removeChild(empty);
      if (wanted && !shown && results.firstChild) {
        results.appendChild(el("li", "pk-jelajah__empty", word("only_open_empty")));
      }
    }

    function positionName(id) {
      // the name that tells it apart from same-named positions (open data's nama_tampilan)
      var position = ix.positions.get(id);
      return position ? (position.nama_tampilan || position.nama) : id;
    }

    function markValidity(input, ok) {
      if (ok) input.removeAttribute("aria-invalid");
      else input.setAttribute("aria-invalid", "true");
    }

    function readYears(input) {
      var raw = input.value.trim();
      if (!raw) { markValidity(input, true); return null; }
      var value = parseYears(raw);
      markValidity(input, value !== null);
      return value;
    }

    /** The profile the form shows, in profil.schema.json form. */
    function readForm() {
      var profile = {};
      var position = field("jabatan").value;
      if (position) profile.jabatan = position;
      if (field("pendidikan").value) profile.pendidikan = field("pendidikan").value;
      var study = field("bidang_pendidikan").value.trim();
      if (study) profile.bidang_pendidikan = study;
      if (field("golongan").value) profile.golongan = field("golongan").value;
      var served = readYears(field("masa_jabatan"));
      if (served !== null) profile.masa_jabatan = served;
      var experience = {};
      var anyExperience = false;
      Object.keys(extras.pengalaman).forEach(function (key) { experience[key] = extras.pengalaman[key]; anyExperience = true; });
      all("[data-pk-pengalaman]").forEach(function (input) {
        var value = readYears(input);
        if (value !== null) { experience[input.getAttribute("data-pk-pengalaman")] = value; anyExperience = true; }
      });
      if (anyExperience || field("pengalaman_lengkap").checked) profile.pengalaman = experience;
      var total = readYears(field("masa_kerja"));
      if (total !== null) profile.masa_kerja = total;
      var done = extras.pelatihan.slice();
      all("input[name=pelatihan]").forEach(function (box) { if (box.checked) done.push(box.value); });
      if (done.length || field("pelatihan_tidak_ada").checked) profile.pelatihan = done;
      var ratings = [];
      for (var i = 0; i < 3; i++) {
        var value = field("kinerja_" + i).value;
        if (!value) break; // most recent first, without gaps
        ratings.push(value);
      }
      if (ratings.length) profile.kinerja = ratings;
      var levels = {};
      var anyLevel = false;
      Object.keys(extras.kompetensi).forEach(function (key) { levels[key] = extras.kompetensi[key]; anyLevel = true; });
      all("[data-pk-kompetensi]").forEach(function (select) {
        if (select.value) { levels[select.getAttribute("data-pk-kompetensi")] = Number(select.value); anyLevel = true; }
      });
      if (anyLevel) profile.kompetensi = levels;
      return cleanProfile(profile, data);
    }

    function setYears(input, value) {
      input.value = value === undefined ? "" : String(value).replace(".", ","); // exact, not rounded
      markValidity(input, true);
    }

    /** Show a profile in the form; values it has no field for are kept aside. */
    function writeForm(profile) {
      var select = field("jabatan");
      select.value = profile.jabatan && ix.positions.has(profile.jabatan) ? profile.jabatan : "";
      field("pendidikan").value = profile.pendidikan || "";
      field("bidang_pendidikan").value = profile.bidang_pendidikan || "";
      field("golongan").value = profile.golongan || "";
      setYears(field("masa_jabatan"), profile.masa_jabatan);
      setYears(field("masa_kerja"), profile.masa_kerja);
      var experience = Object.assign({}, profile.pengalaman || {});
      all("[data-pk-pengalaman]").forEach(function (input) {
        var key = input.getAttribute("data-pk-pengalaman");
        setYears(input, experience[key]);
        delete experience[key];
      });
      extras.pengalaman = experience;
      field("pengalaman_lengkap").checked = isDict(profile.pengalaman);
      var done = new Set(profile.pelatihan || []);
      all("input[name=pelatihan]").forEach(function (box) {
        box.checked = done.has(box.value);
        done.delete(box.value);
      });
      extras.pelatihan = Array.from(done);
      field("pelatihan_tidak_ada").checked = Array.isArray(profile.pelatihan) && profile.pelatihan.length === 0;
      for (var i = 0; i < 3; i++) {
        field("kinerja_" + i).value = (profile.kinerja || [])[i] || "";
      }
      var levels = Object.assign({}, profile.kompetensi || {});
      all("[data-pk-kompetensi]").forEach(function (input) {
        var key = input.getAttribute("data-pk-kompetensi");
        input.value = hasOwn(levels, key) ? String(levels[key]) : "";
        delete levels[key];
      });
      extras.kompetensi = levels;
      counts();
    }

    function maxMoves() {
      var value = Number(field("langkah").value);
      return value >= 1 && value <= 4 ? value : 3;
    }

    function counts() {
      var trainings = all("input[name=pelatihan]").filter(function (b) { return b.checked; }).length + extras.pelatihan.length;
      var levels = all("[data-pk-kompetensi]").filter(function (s) { return s.value; }).length + Object.keys(extras.kompetensi).length;
      var experience = all("[data-pk-pengalaman]").filter(function (s) { return s.value.trim(); }).length + Object.keys(extras.pengalaman).length;
      setCount("pelatihan", trainings ? trainings + " dipilih" : "");
      setCount("kompetensi", levels ? levels + " diisi" : "");
      setCount("pengalaman", experience ? experience + " diisi" : "");
    }

    function setCount(name, value) {
      var node = root.querySelector("[data-pk-count=" + name + "]");
      if (node) node.textContent = value ? " (" + value + ")" : "";
    }

    function fragmentFor(profile) {
      var params = profileToParams(profile);
      var moves = maxMoves();
      if (moves !== 3) params += (params ? "&" : "") + "langkah=" + moves;
      return params ? "#" + params : "";
    }

    function writeFragment(fragment) {
      lastFragment = fragment;
      if (location.hash === fragment || (!fragment && !location.hash)) return;
      var url = location.href.split("#")[0] + fragment;
      try {
        history.replaceState(history.state, "", fragment || location.pathname + location.search);
      } catch (error) {
        location.replace(url);
      }
    }

    function update() {
      counts();
      var profile = readForm();
      writeFragment(fragmentFor(profile));
      render(profile);
    }

    function render(profile) {
      while (results.firstChild) results.removeChild(results.firstChild);
      if (!profile.jabatan) {
        summary.textContent = "Pilih jabatan sekarang untuk melihat jabatan yang dapat dicapai.";
        return;
      }
      var moves = maxMoves();
      var found = explore(data, profile, moves);
      if (!found.length) {
        summary.textContent = "Belum ada jalur keluar dari " + positionName(profile.jabatan) +
          " dalam pola karier ini.";
        return;
      }
      var tally = summaryCounts(found);
      var open = found.filter(function (r) { return openPlaces(r.jabatan).length > 0; }).length;
      summary.textContent = word("summary", {count: tally.dapat_dicapai, origin: positionName(profile.jabatan),
        moves: moves, met: tally.memenuhi, unmet: tally.belum_memenuhi, unknown: tally.belum_dinilai}) +
        (open ? word("summary_open", {count: open}) : "");
      found.forEach(function (result) { results.appendChild(card(result, profile)); });
      showOnlyOpen();
    }

    /** The route's verdict: met only when every requirement of every step was assessed and met. */
    function card(result, profile) {
      var unmet = result.temuan.filter(function (f) { return f.status === UNMET; });
      var unknownCount = 0;
      result.langkah_rute.forEach(function (step) {
        unknownCount += step.temuan.filter(function (f) { return f.status === UNKNOWN; }).length;
      });
      var unknown = result.temuan.filter(function (f) { return f.status === UNKNOWN; });
      var kind = result.status === STATE_MET ? "ok" : result.status === STATE_UNMET ? "gap" : "unknown";
      var item = el("li", "pk-jelajah__item pk-jelajah__item--" + kind);
      item.setAttribute("data-jabatan", result.jabatan);
      item.setAttribute("data-status", result.status);
      var heading = el("h3", "pk-jelajah__title");
      var link = el("a", null, positionName(result.jabatan));
      link.href = positionUrl(result.jabatan);
      heading.appendChild(link);
      item.appendChild(heading);
      var badges = el("p", "pk-jelajah__badges");
      if (result.status === STATE_MET) {
        badges.appendChild(el("span", "pk-jelajah__badge pk-jelajah__badge--ok", word("badge_met")));
      }
      if (result.celah) {
        badges.appendChild(el("span", "pk-jelajah__badge pk-jelajah__badge--gap", word("badge_unmet", {count: result.celah})));
      }
      if (unknownCount) {
        if (badges.firstChild) badges.appendChild(document.createTextNode(" "));
        var fields = result.isi.map(function (aspect) { return word("aspect." + aspect) || aspect; }).join(", ");
        badges.appendChild(el("span", "pk-jelajah__badge pk-jelajah__badge--unknown",
          word("badge_unknown", {count: unknownCount, fields: fields})));
      }
      item.appendChild(badges);
      var places = placements(result.jabatan);
      var open = openPlaces(result.jabatan);
      if (open.length) {
        var total = open.reduce(function (sum, p) { return sum + p.terbuka; }, 0);
        item.setAttribute("data-terbuka", String(total));
        badges.appendChild(document.createTextNode(" "));
        badges.appendChild(el("span", "pk-jelajah__badge pk-jelajah__badge--open", word("open", {count: total})));
        var where = el("p", "pk-jelajah__openings");
        where.appendChild(el("strong", null, word("open_in") + ": "));
        where.appendChild(document.createTextNode(open.map(function (p) {
          return placeName(p.unit) + " (" + p.terbuka + ")";
        }).join("; ")));
        item.appendChild(where);
      } else if (places.length && places.every(function (p) { return p.terbuka !== null; })) {
        item.appendChild(el("p", "pk-jelajah__openings pk-jelajah__openings--none", word("all_filled")));
      }
      var facts = el("dl", "pk-jelajah__facts");
      facts.appendChild(el("dt", null, "Rute"));
      var route = el("dd", "pk-jelajah__route");
      result.rute.forEach(function (id, i) {
        if (i) route.appendChild(el("span", "pk-jelajah__arrow", " \u2192 "));
        route.appendChild(el("span", null, positionName(id)));
      });
      facts.appendChild(route);
      facts.appendChild(el("dt", null, "Paling cepat"));
      facts.appendChild(el("dd", "pk-jelajah__time", (result.tahun === 0 ? "sekarang" : yearsText(result.tahun) + " tahun lagi") +
        " (" + result.langkah + " langkah)"));
      item.appendChild(facts);
      // The personal plan towards this result (rencana.js), the profile in its fragment only.
      var planUrl = root.getAttribute("data-pk-plan-url");
      if (planUrl) {
        if (location.protocol === "file:" && /\/$/.test(planUrl)) planUrl += "index.html";
        var plan = el("a", "pk-jelajah__plan", word("plan"));
        plan.href = planUrl + "#tujuan=" + encodeURIComponent(result.jabatan) + "&" + profileToParams(profile);
        item.appendChild(el("p", "pk-jelajah__plan-line")).appendChild(plan);
      }
      // The steps on the way first: a gap there blocks the route to the destination too.
      result.langkah_rute.slice(0, -1).forEach(function (step) {
        var stepUnmet = step.temuan.filter(function (f) { return f.status === UNMET; });
        if (!stepUnmet.length) return;
        item.appendChild(el("p", "pk-jelajah__label", word("step_gaps", {position: positionName(step.jabatan)})));
        var stepGaps = el("ul", "pk-jelajah__gaps pk-jelajah__gaps--step");
        stepGaps.setAttribute("data-langkah", step.jabatan);
        stepUnmet.forEach(function (f) { stepGaps.appendChild(el("li", null, gapText(f))); });
        item.appendChild(stepGaps);
      });
      if (unmet.length) {
        item.appendChild(el("p", "pk-jelajah__label", "Yang belum terpenuhi:"));
        var gaps = el("ul", "pk-jelajah__gaps");
        unmet.forEach(function (f) { gaps.appendChild(el("li", null, gapText(f))); });
        item.appendChild(gaps);
      }
      var details = el("details", "pk-jelajah__details");
      details.appendChild(el("summary", null, unknown.length
        ? "Rincian syarat (" + unknown.length + " belum dinilai)" : "Rincian syarat"));
      var list = el("ul", "pk-jelajah__findings");
      result.temuan.forEach(function (f) {
        var row = el("li", "pk-jelajah__finding pk-jelajah__finding--" + f.status);
        row.appendChild(el("span", "pk-jelajah__status", STATUS_LABEL[f.status]));
        row.appendChild(document.createTextNode(" "));
        row.appendChild(el("span", null, f.status === UNKNOWN ? unknownText(f)
          : f.status === UNMET ? gapText(f) : f.subjek + ": " + f.punya));
        list.appendChild(row);
      });
      details.appendChild(list);
      item.appendChild(details);
      return item;
    }

    function say(text, isError) {
      message.textContent = text;
      message.classList.toggle("pk-jelajah__message--error", Boolean(isError));
    }

    function load(profile, moves) {
      writeForm(profile);
      if (moves) field("langkah").value = String(moves);
      update();
    }

    /** The profile parts a form control belongs to (its error sits beside it). */
    function errorKey(name) {
      if (/^(pelatihan|kinerja|kompetensi|pengalaman)/.test(name || "")) return name.split("_")[0];
      return name;
    }

    /** Where the error of a profile part is shown: after its field, group or section. */
    function errorAnchor(key) {
      if (key === "kinerja") return field("kinerja_0").closest(".pk-jelajah__grid");
      if (key === "pelatihan" || key === "pengalaman" || key === "kompetensi") {
        var count = root.querySelector("[data-pk-count=" + key + "]");
        return count ? count.closest("details") : null;
      }
      var control = field(key);
      return control && control.closest ? control.closest(".pk-jelajah__field") : null;
    }

    function clearErrors(key) {
      all(".pk-jelajah__field-error").forEach(function (node) {
        if (key && node.getAttribute("data-pk-error") !== key) return;
        node.parentNode.removeChild(node);
      });
      all("[data-pk-error-for]").forEach(function (control) {
        if (key && control.getAttribute("data-pk-error-for") !== key) return;
        control.removeAttribute("aria-invalid");
        control.removeAttribute("data-pk-error-for");
        var described = (control.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
          return id && id.indexOf("pk-j-fout-") !== 0;
        }).join(" ");
        if (described) control.setAttribute("aria-describedby", described);
        else control.removeAttribute("aria-describedby");
      });
    }

    /** Each value the page could not use, beside its field (as text: the value may be anything);
     * the rest of the profile is used as usual. Returns the number of errors shown. */
    function showErrors(errors) {
      clearErrors();
      var others = [];
      errors.forEach(function (error, n) {
        var anchor = error.kunci === "other" ? null : errorAnchor(error.kunci);
        var textValue = word("error." + error.kunci, {value: error.nilai});
        if (!anchor) { others.push(textValue); return; }
        var note = el("p", "pk-jelajah__field-error", textValue);
        note.id = "pk-j-fout-" + error.kunci + "-" + n;
        note.setAttribute("data-pk-error", error.kunci);
        var after = anchor;
        while (after.nextSibling && after.nextSibling.getAttribute
          && after.nextSibling.getAttribute("data-pk-error") === error.kunci) after = after.nextSibling;
        after.parentNode.insertBefore(note, after.nextSibling);
        var control = anchor.matches("details") ? anchor.querySelector("summary") : anchor.querySelector("select, input");
        if (control) {
          control.setAttribute("aria-invalid", "true");
          control.setAttribute("data-pk-error-for", error.kunci);
          control.setAttribute("aria-describedby", ((control.getAttribute("aria-describedby") || "") + " " + note.id).trim());
        }
      });
      return others;
    }

    /** Load a profile from outside (URL or file): use what can be used, show what cannot. */
    function loadChecked(raw, moves, loaded) {
      var checked = inspectProfile(raw, data, true);
      writeForm(checked.profile);
      if (moves) field("langkah").value = String(moves);
      update();
      var others = showErrors(checked.errors);
      var parts = loaded ? [loaded] : [];
      if (checked.errors.length) parts.push(word("errors", {count: checked.errors.length}));
      parts = parts.concat(others);
      say(parts.join(" "), checked.errors.length > 0);
    }

    function fromFragment() {
      var hash = location.hash;
      if (hash === lastFragment) return;
      var params = new URLSearchParams(hash.replace(/^#/, ""));
      var moves = Number(params.get("langkah"));
      loadChecked(paramsProfile(hash), moves >= 1 && moves <= 4 ? moves : 3, "");
    }

    // Searchable position list: hide the options that do not match.
    var search = root.querySelector("[data-pk-search]");
    if (search) {
      // Every word typed, in any order and any case, must occur in the position's name or in
      // the names or abbreviations of its units (data-pk-terms): "seksi jalan", "PUPR".
      var searchWords = function (text) {
        return text.toLocaleLowerCase("id").split(/[^0-9a-z\u00c0-\uffff]+/).filter(Boolean);
      };
      search.addEventListener("input", function () {
        var wanted = search.value.trim().toLocaleLowerCase("id");
        var words = searchWords(wanted);
        var shown = 0;
        Array.prototype.forEach.call(field("jabatan").querySelectorAll("optgroup"), function (group) {
          var any = false;
          Array.prototype.forEach.call(group.children, function (option) {
            var have = searchWords([option.textContent, option.getAttribute("data-pk-terms") || "",
              group.label].join(" ")).join(" ");
            var match = words.every(function (word) { return have.indexOf(word) >= 0; });
            option.hidden = !match;
            if (match) { any = true; shown++; }
          });
          group.hidden = !any;
        });
        var status = root.querySelector("[data-pk-search-count]");
        if (status) status.textContent = wanted ? shown + " jabatan cocok" : "";
      });
    }

    form.addEventListener("input", function (event) {
      if (event.target === search) return;
      if (event.target.name === "pelatihan" && event.target.checked) field("pelatihan_tidak_ada").checked = false;
      if (event.target.name === "pelatihan_tidak_ada" && event.target.checked) {
        all("input[name=pelatihan]").forEach(function (box) { box.checked = false; });
        extras.pelatihan = [];
      }
      say("");
      clearErrors(errorKey(event.target.name));
      update();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });

    root.querySelector("[data-pk-action=reset]").addEventListener("click", function () {
      search.value = "";
      search.dispatchEvent(new Event("input"));
      field("langkah").value = "3";
      load({});
      clearErrors();
      say("Isian dikosongkan.");
    });

    root.querySelector("[data-pk-action=export]").addEventListener("click", function () {
      var profile = readForm();
      var blob = new Blob([JSON.stringify(profile, null, 2) + "\n"], {type: "application/json"});
      var url = URL.createObjectURL(blob);
      var anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = "profil-pegawai.json";
      document.body.appendChild(anchor);
      anchor.click();
      document.body.removeChild(anchor);
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      say("Profil disimpan sebagai profil-pegawai.json.");
    });

    root.querySelector("[data-pk-action=import]").addEventListener("click", function () { fileInput.click(); });
    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var parsed;
        try {
          parsed = JSON.parse(String(reader.result));
        } catch (error) {
          say("Berkas " + file.name + " bukan JSON yang sah.", true);
          return;
        }
        if (!isDict(parsed)) { say("Berkas " + file.name + " tidak berisi profil pegawai.", true); return; }
        loadChecked(parsed, null, "Profil dari " + file.name + " dimuat.");
      };
      reader.onerror = function () { say("Berkas " + file.name + " tidak dapat dibaca.", true); };
      reader.readAsText(file);
      fileInput.value = "";
    });

    if (onlyOpen) onlyOpen.addEventListener("change", showOnlyOpen);
    window.addEventListener("hashchange", fromFragment);
    root.classList.add("pk-jelajah--ready");
    fromFragment();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-pk-jelajah]"), setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
