/* pola-karir: the earliest time of a route, honestly estimated. The browser port of
 * pola_karir/career/timeline.py (estimate); no DOM, no dependencies, no build step (ES2017).
 *
 * - PolaKarirTimeline.estimate(input, rules) takes timeline.input_data(...) and
 *   reference.waktu.rules_data() and must return exactly timeline.timeline_data(...): same
 *   keys, order, strings and numbers. tests/site/test_timeline_js.py checks a table of cases
 *   against Python; change both together.
 * - The figures (promotion periods, credit points, predikat factors) are never written here:
 *   they arrive in `rules`, generated from the one Python module that cites them.
 * - ASCII only, so the script reads the same whatever charset it is served with.
 */
(function (root) {
  "use strict";

  var MOVE_YEARS = "masa_minimal";
  var RANK = "golongan";
  var CREDIT = "angka_kredit";
  var CONSTRAINTS = [MOVE_YEARS, RANK, CREDIT];
  var ASSUME_REGULAR = "kp_reguler";
  var ASSUME_FUNCTIONAL = "kp_fungsional";
  var ASSUME_CREDIT = "angka_kredit";
  var ASSUME_CREDIT_HELD = "angka_kredit_masa_jabatan";
  var ASSUME_RATING_DEFAULT = "predikat_baik";
  var ASSUME_RATING_KEPT = "predikat_tetap";
  var ASSUME_RANK_DUE = "masa_golongan_dianggap_cukup";
  var UNCONFIRMED = [ASSUME_REGULAR, ASSUME_FUNCTIONAL, ASSUME_CREDIT, ASSUME_CREDIT_HELD];
  var UNKNOWN_RANK = "golongan";
  var UNKNOWN_CREDIT = "angka_kredit";
  var UNKNOWN_RATING = "kinerja";
  var UNKNOWN_RANK_CAP = "golongan_jenjang";
  var EPSILON = 1e-9;

  function Rules(data) {
    var self = this;
    this.data = data;
    this.rankOrder = {};
    data.golongan.forEach(function (code, i) { self.rankOrder[code] = i + 1; });
    this.categoryOf = {};
    Object.keys(data.jenjang_per_kategori).forEach(function (category) {
      data.jenjang_per_kategori[category].forEach(function (grade) {
        self.categoryOf[grade] = category;
      });
    });
    this.thresholds = {};
    data.angka_kredit_kenaikan.forEach(function (row) {
      self.thresholds[row[0] + ">" + row[1]] = row[2];
    });
  }

  function has(object, key) {
    return key !== null && key !== undefined && Object.prototype.hasOwnProperty.call(object, key);
  }

  function add(into, keys) {
    keys.forEach(function (key) { if (into.indexOf(key) < 0) into.push(key); });
  }

  function unconfirmed(assumptions) {
    return assumptions.some(function (key) { return UNCONFIRMED.indexOf(key) >= 0; });
  }

  function canPromote(rules, rating) {
    var order = rules.data.urutan_predikat;
    return order[rating] >= order[rules.data.predikat_minimal_kp];
  }

  function promotion(rules, held) {
    if (held.jenis === "fungsional") return [rules.data.kp_fungsional, ASSUME_FUNCTIONAL];
    return [rules.data.kp_reguler, ASSUME_REGULAR];
  }

  function rankCap(rules, held) {
    var caps = rules.data.golongan_maksimal_jenjang;
    if (held.jenis === "fungsional" && has(caps, held.jenjang)) return rules.rankOrder[caps[held.jenjang]];
    return rules.data.golongan.length;
  }

  function isGradeStep(rules, held, target) {
    if (held.jenis !== "fungsional" || target.jenis !== "fungsional") return false;
    if (held.jabatan_fungsional === null || held.jabatan_fungsional !== target.jabatan_fungsional) return false;
    if (held.jenjang === null || target.jenjang === null) return false;
    var category = has(rules.categoryOf, held.jenjang) ? rules.categoryOf[held.jenjang] : null;
    var targetCategory = has(rules.categoryOf, target.jenjang) ? rules.categoryOf[target.jenjang] : null;
    if (category === null || category !== targetCategory) return false;
    var grades = rules.data.jenjang_per_kategori[category];
    return grades.indexOf(target.jenjang) > grades.indexOf(held.jenjang);
  }

  function creditYears(rules, held, target, rating) {
    var key = String(held.jenjang) + ">" + String(target.jenjang);
    var threshold = has(rules.thresholds, key) ? rules.thresholds[key] : null;
    var yearly = has(rules.data.angka_kredit_tahunan, held.jenjang) ? rules.data.angka_kredit_tahunan[held.jenjang] : null;
    var factor = rules.data.faktor_predikat[rating];
    if (threshold === null || yearly === null) return null;
    return threshold / (yearly * factor);
  }

  function waitsOf(rules, leg, held, clock, startRank, rating, given) {
    var waits = {};
    waits[MOVE_YEARS] = Math.max(0, leg.tahun_minimal - clock.inPost);
    var used = [];
    var lacking = [];
    if (isGradeStep(rules, held, leg)) {
      var needed = creditYears(rules, held, leg, rating);
      if (needed === null) {
        lacking.push(UNKNOWN_CREDIT);
      } else {
        waits[CREDIT] = Math.max(0, needed - clock.inPost);
        used.push("predikat", ASSUME_CREDIT);
        if (clock.inPost > 0) used.push(ASSUME_CREDIT_HELD);
      }
      return [waits, used, lacking];
    }
    if (leg.golongan_minimal === null) return [waits, used, lacking];
    var need = rules.rankOrder[leg.golongan_minimal];
    if (clock.rank === null || startRank === null) {
      lacking.push(UNKNOWN_RANK);
      return [waits, used, lacking];
    }
    if (need <= startRank) return [waits, used, lacking];
    var rule = promotion(rules, held);
    var period = rule[0];
    used.push("predikat", rule[1]);
    if (given.masa_golongan === null) used.push(ASSUME_RANK_DUE);
    if (need > clock.rank) {
      if (!canPromote(rules, rating)) {
        lacking.push(UNKNOWN_RATING);
      } else if (need > rankCap(rules, held)) {
        lacking.push(UNKNOWN_RANK_CAP);
      } else {
        var since = clock.since === null ? period : clock.since;
        var first = Math.max(0, period - since);
        waits[RANK] = first + period * (need - clock.rank - 1);
      }
    }
    return [waits, used, lacking];
  }

  function advance(rules, clock, held, target, wait, rating) {
    var rank = clock.rank;
    var since = clock.since;
    var promotedBy = null;
    if (rank !== null) {
      var rule = promotion(rules, held);
      var period = rule[0];
      var begun = since === null ? period : since;
      var first = Math.max(0, period - begun);
      var cap = rankCap(rules, held);
      if (canPromote(rules, rating) && rank < cap && wait >= first) {
        var count = 1 + Math.floor((wait - first) / period + EPSILON);
        var raised = Math.min(cap, rank + count);
        since = wait - (first + (count - 1) * period);
        promotedBy = raised > rank ? rule[1] : null;
        rank = raised;
      } else {
        since = since === null ? null : since + wait;
      }
      if (isGradeStep(rules, held, target) && target.golongan_minimal !== null) {
        var need = rules.rankOrder[target.golongan_minimal];
        if (need > rank) {
          rank = need;
          since = 0;
        }
      }
    }
    return [{ rank: rank, since: since, inPost: 0, elapsed: clock.elapsed + wait }, promotedBy];
  }

  function stepData(position, years, binding, assumptions, unknown) {
    return {
      jabatan: position,
      tahun: years,
      perkiraan: unconfirmed(assumptions),
      dasar: binding.slice(),
      asumsi: assumptions.slice(),
      tidak_dapat_diperkirakan: unknown.slice()
    };
  }

  /** timeline.estimate + timeline.timeline_data: the earliest time of every step. */
  function estimate(given, rulesData) {
    var rules = new Rules(rulesData);
    var rating = given.predikat ? given.predikat : rulesData.predikat_bawaan;
    var ratingKey = given.predikat ? ASSUME_RATING_KEPT : ASSUME_RATING_DEFAULT;
    var startRank = given.golongan ? rules.rankOrder[given.golongan] : null;
    var clock = { rank: startRank, since: given.masa_golongan, inPost: given.masa_jabatan, elapsed: 0 };
    var held = given.awal;
    var assumptions = [];
    var promotedBy = [];
    var missing = [];
    var steps = [];
    given.langkah.forEach(function (leg) {
      var waits = null;
      if (missing.length === 0) {
        var found = waitsOf(rules, leg, held, clock, startRank, rating, given);
        waits = found[0];
        var used = found[1].map(function (key) { return key === "predikat" ? ratingKey : key; });
        if (used.indexOf(ASSUME_REGULAR) >= 0 || used.indexOf(ASSUME_FUNCTIONAL) >= 0) {
          used = promotedBy.concat(used);
        }
        add(assumptions, used);
        found[2].forEach(function (key) { missing.push(key); });
      }
      if (missing.length > 0) {
        var reasons = [];
        add(reasons, missing);
        steps.push(stepData(leg.jabatan, null, [], assumptions, reasons));
        return;
      }
      var wait = Math.max.apply(null, Object.keys(waits).map(function (k) { return waits[k]; }));
      var binding = CONSTRAINTS.filter(function (k) { return wait > 0 && waits[k] === wait; });
      var moved = advance(rules, clock, held, leg, wait, rating);
      clock = moved[0];
      if (moved[1]) add(promotedBy, [moved[1]]);
      steps.push(stepData(leg.jabatan, clock.elapsed, binding, assumptions, []));
      held = leg;
    });
    var destination = steps[steps.length - 1];
    var result = {};
    Object.keys(destination).forEach(function (key) { result[key] = destination[key]; });
    result.predikat = rating;
    result.predikat_dianggap = !given.predikat;
    result.langkah_rute = steps;
    return result;
  }

  root.PolaKarirTimeline = { estimate: estimate };
})(typeof window !== "undefined" ? window : globalThis);
