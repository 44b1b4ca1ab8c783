/* pola-karir: the matching engine of pola_karir/career/matching.py, ported to the browser.
 *
 * - No page in it: no DOM, no words. It runs in a blank page, a worker or any JavaScript
 *   engine with a global object (window or globalThis), and is exposed there as
 *   PolaKarirEngine (and, for the site's scripts, PolaKarirJelajah: the same object).
 * - Its constants (status codes, profile keys, bounds) are not written here: they come from
 *   assets/pk-konstanta.js, written at build time from the Python modules and the JSON Schemas
 *   that own them (pola_karir/site/engine.py). Load that script first, then
 *   assets/pk-timeline.js (the earliest-time estimate of every result, "waktu").
 * - explore() must give exactly what Python's explore_data(dataset, profile_from_data(profile),
 *   max_moves) gives: same keys, order, codes and numbers. Findings are codes and values
 *   ({aspek, kunci, status, punya, perlu}, see matching.finding_data), never sentences: the page
 *   phrases them with the site's catalogue, the CLI with its own. tests/site/test_engine.py runs
 *   random datasets and profiles through both engines; change both together.
 * - A profile from a URL or a file goes through inspectProfile: what cannot be used is reported
 *   ({kunci, nilai}) and left out, never silently read as "none".
 * - No dependencies, no modules, no build step (ES2017), no network. ASCII only (\u escapes),
 *   so the script reads the same whatever charset it is served with.
 */
(function (root) {
  "use strict";

  // --- constants, from pk-konstanta.js (pola_karir/site/engine.py) ---------------------------

  var K = root.POLA_KARIR_KONSTANTA;
  if (!K) throw new Error("POLA_KARIR_KONSTANTA");
  var TIMELINE = root.PolaKarirTimeline; // assets/pk-timeline.js, loaded before this script
  if (!TIMELINE) throw new Error("PolaKarirTimeline");
  var MET = K.status.met;
  var UNMET = K.status.unmet;
  var UNKNOWN = K.status.unknown;
  var STATE_MET = K.state.met, STATE_UNMET = K.state.unmet, STATE_UNKNOWN = K.state.unknown;
  var STATE_ORDER = K.state_order; // matching.STATE_ORDER
  var PROFILE_KEYS = K.profile_keys; // matching.PROFILE_KEYS, profil.schema.json's order
  var ID = new RegExp(K.id_pattern); // common.schema.json#/$defs/id
  var MAX_YEARS = K.max_years; // common.schema.json#/$defs/tahun
  var DEFAULT_MOVES = K.default_moves;

  // --- the engine (pola_karir/career/matching.py) --------------------------------------------

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
      yearsInRank: number(data.masa_golongan),
      yearsInPosition: number(data.masa_jabatan),
      experience: experience,
      totalYears: number(data.masa_kerja),
      trainings: Array.isArray(data.pelatihan) ? new Set(data.pelatihan.map(String)) : null,
      ratings: Array.isArray(data.kinerja) ? data.kinerja.map(String) : null,
      competencies: competencies
    };
  }

  /** matching.finding_data: codes and values, which the reader phrases. */
  function finding(aspect, key, status, have, need) {
    return {aspek: aspect, kunci: key, status: status, punya: have, perlu: need};
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
      found.push(finding("pendidikan", null, status(ok), profile.education, need));
      var fields = req.pendidikan.bidang || [];
      if (fields.length) {
        var fieldOk = null;
        if (profile.educationField) { // matching.field_accepted
          fieldOk = acceptedFields(ix, fields).has(fieldKey(profile.educationField));
        }
        found.push(finding("bidang_pendidikan", null, status(fieldOk),
          profile.educationField || null, fields.slice()));
      }
    }
    if (req.golongan) { // matching._rank: within minimum and (for functional grades) maximum
      var low = req.golongan.minimal, high = req.golongan.maksimal || null;
      var rankOk = profile.rank === null ? null
        : ref.golongan[profile.rank] >= ref.golongan[low]
          && (high === null || ref.golongan[profile.rank] <= ref.golongan[high]);
      found.push(finding("golongan", null, status(rankOk), profile.rank,
        {minimal: low, maksimal: high}));
    }
    var held = experienceYears(ix, profile);
    (req.pengalaman || []).forEach(function (item, n) {
      var options = (item.jenis || []).concat(item.jabatan || []);
      var itemOk, have;
      if (conditional(item)) {
        var result = conditionalExperience(ix, profile, item);
        itemOk = result[0];
        have = result[1];
      } else if (options.length) {
        have = Math.max.apply(null, options.map(function (o) { return held.has(o) ? held.get(o) : 0; }));
        if (have >= item.tahun) itemOk = true;
        else itemOk = profile.experience !== null ? false : null;
      } else {
        itemOk = profile.totalYears === null ? null : profile.totalYears >= item.tahun;
        have = profile.totalYears;
      }
      found.push(finding("pengalaman", n, status(itemOk), itemOk === null ? null : have,
        Number(item.tahun)));
    });
    [["pelatihan", req.pelatihan || []], ["sertifikasi", req.sertifikasi || []]].forEach(function (pair) {
      pair[1].forEach(function (id) {
        var done = profile.trainings === null ? null : profile.trainings.has(id);
        found.push(finding(pair[0], id, status(done), done, true));
      });
    });
    if (req.kinerja) found.push(performance(ref, profile, req.kinerja));
    var levels = req.kompetensi || {};
    Object.keys(levels).forEach(function (id) {
      var level = levels[id];
      var mine = profile.competencies === null || !profile.competencies.has(id) ? null
        : profile.competencies.get(id);
      found.push(finding("kompetensi", id, status(mine === null ? null : mine >= level), mine, level));
    });
    return found;
  }

  function performance(ref, profile, req) { // matching.performance_finding
    var need = {predikat_minimal: req.predikat_minimal, tahun: req.tahun};
    var ratings = profile.ratings;
    if (!ratings || !ratings.length) return finding("kinerja", null, UNKNOWN, null, need);
    var considered = ratings.slice(0, req.tahun);
    var minimum = ref.predikat[req.predikat_minimal];
    var below = considered.filter(function (r) { return ref.predikat[r] < minimum; });
    var verdict = below.length ? UNMET : considered.length < req.tahun ? UNKNOWN : MET;
    return finding("kinerja", null, verdict, considered, need);
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

  /** timeline.post: what the estimate needs of a position. */
  function post(ix, id) {
    var position = ix.positions.get(id);
    var rank = position.persyaratan.golongan;
    return {jabatan: id, jenis: position.jenis, jabatan_fungsional: position.jabatan_fungsional,
      jenjang: position.jenjang, golongan_minimal: rank && rank.minimal ? rank.minimal : null};
  }

  /** timeline.timeline_input + input_data: each leg of the route takes its quickest move. */
  function timelineInput(ix, profile, route) {
    var legs = [];
    for (var i = 1; i < route.length; i++) {
      var quickest = null;
      (ix.outgoing.get(route[i - 1]) || []).forEach(function (move) {
        if (move[0] === route[i] && (quickest === null || move[1] < quickest)) quickest = move[1];
      });
      var leg = post(ix, route[i]);
      leg.tahun_minimal = quickest;
      legs.push(leg);
    }
    return {awal: post(ix, route[0]), langkah: legs, golongan: profile.rank,
      masa_golongan: profile.yearsInRank, masa_jabatan: profile.yearsInPosition || 0,
      predikat: profile.ratings && profile.ratings.length ? profile.ratings[0] : null};
  }

  /** matching.explore_data for a plain profile: reachable positions judged along their
   * routes, fewest moves first, then state, gaps, time, id; never above a step of their route. */
  function explore(data, plainProfile, maxMoves) {
    var ix = index(data);
    var profile = profileFromData(plainProfile);
    if (maxMoves === undefined || maxMoves === null) maxMoves = DEFAULT_MOVES;
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
        isi: fill, temuan: steps[steps.length - 1].temuan, langkah_rute: steps,
        waktu: TIMELINE.estimate(timelineInput(ix, profile, reach.route), K.waktu)};
    });
    results.sort(function (a, b) {
      return compareNumber(a.langkah, b.langkah) || compareNumber(STATE_ORDER[a.status], STATE_ORDER[b.status])
        || compareNumber(a.celah, b.celah) || compareNumber(a.tahun, b.tahun) || compareText(a.jabatan, b.jabatan);
    });
    return stepsFirst(results);
  }

  /** The three numbers of a summary (matching.summary_counts). */
  function summaryCounts(results) {
    var counts = {dapat_dicapai: results.length};
    [STATE_MET, STATE_UNMET, STATE_UNKNOWN].forEach(function (s) { counts[s.replace("-", "_")] = 0; });
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
    var source = data || root.POLA_KARIR_DATA || {};
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
    return ID.test(lower) && lower.length <= K.id_max_length ? lower : null;
  }

  /** Years as a number, or as text from a URL or a hand-written file ("2,5"). */
  function yearsOf(value) {
    if (typeof value === "number") return validYears(value) ? value : null;
    return typeof value === "string" ? parseYears(value) : null;
  }

  function levelOf(value) {
    var level = typeof value === "number" ? value
      : typeof value === "string" && /^\s*\d\s*$/.test(value) ? Number(value) : null;
    return level !== null && level % 1 === 0 && level >= K.levels[0] && level <= K.levels[1] ? level : null;
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
    var ix = known ? index(data || root.POLA_KARIR_DATA) : null;
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
      if (field && field.length <= K.max_field_length) result.bidang_pendidikan = field;
      else if (field || typeof input.bidang_pendidikan !== "string") bad("bidang_pendidikan", input.bidang_pendidikan);
    }
    if (hasOwn(input, "golongan")) {
      var rank = caseless(ref.golongan, input.golongan);
      if (rank) result.golongan = rank;
      else bad("golongan", input.golongan);
    }
    if (hasOwn(input, "masa_golongan")) {
      var inRank = yearsOf(input.masa_golongan);
      if (inRank !== null) result.masa_golongan = inRank;
      else bad("masa_golongan", input.masa_golongan);
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
        for (var i = 0; i < input.kinerja.length && ratings.length < K.max_ratings; i++) {
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
    ["jabatan", "pendidikan", "bidang_pendidikan", "golongan", "masa_golongan", "masa_jabatan",
      "masa_kerja"].forEach(function (key) {
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
    constants: K,
    explore: explore,
    check: check,
    summaryCounts: summaryCounts,
    profileFromParams: profileFromParams,
    profileToParams: profileToParams,
    cleanProfile: cleanProfile,
    inspectProfile: inspectProfile,
    paramsProfile: paramsProfile,
    parseYears: parseYears,
    formatNumber: formatG, // Python's f"{value:g}", which the phrases of years use
    fieldKey: fieldKey,
    lookup: index, // the data's positions, trainings and competencies by id (Maps)
    isDict: isDict,
    hasOwn: hasOwn
  };
  root.PolaKarirEngine = api;
  root.PolaKarirJelajah = api; // the name the site's page scripts know it by
}(typeof globalThis !== "undefined" ? globalThis : window));
