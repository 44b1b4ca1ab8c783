/* pola-karir: the words of the browser engine's findings. The engine (pk-engine.js) answers in
 * codes and values (matching.finding_data); a page phrases them with this, from the words it
 * was given by the site's catalogue (data-pk-words: explorer.script_words) and the open data:
 *
 *   var kata = PolaKarirKata.phraser(words, data);
 *   kata.finding(finding, positionId)  // "Golongan III/b, perlu III/c"
 *   kata.parts(finding, positionId)    // {subject, have, need}: what the CLI prints
 *
 * No words here: the sentences are the catalogue's (engine.po), the data's phrases the export's.
 * Data strings are returned as text, for textContent. ASCII only (\u escapes).
 */
(function (global) {
  "use strict";

  var engine = global.PolaKarirEngine;
  if (!engine) return;
  var K = engine.constants;
  var UNMET = K.status.unmet, UNKNOWN = K.status.unknown;

  /** A phraser over ``words`` (name -> text with {placeholders}) and the open data ``data``. */
  function phraser(words, data) {
    var ix = engine.lookup(data);

    /** A word of the catalogue, its {placeholders} filled in with text. */
    function word(name, values) {
      var textValue = String(words[name] || "");
      Object.keys(values || {}).forEach(function (key) {
        textValue = textValue.split("{" + key + "}").join(String(values[key]));
      });
      return textValue;
    }

    function number(value) { // phrases.number: Python's {value:g}, the language's decimal mark
      return engine.formatNumber(value).split(".").join(word("phrase.decimal_mark"));
    }

    function yearsWords(value) { return word("phrase.years", {value: number(value)}); }

    function levelWords(level) { return word("phrase.competency_level", {level: level}); }

    function trainingName(id) {
      var training = ix.trainings.get(id);
      return training ? training.teks : id;
    }

    /** The requirement of a position a finding is about, as the export phrases it. */
    function requirement(positionId, aspect) {
      var position = ix.positions.get(positionId);
      return position ? position.persyaratan[aspect] : null;
    }

    function subjectOf(f) {
      if (f.aspek === "pelatihan" || f.aspek === "sertifikasi") return trainingName(f.kunci);
      if (f.aspek === "kompetensi") {
        var competency = ix.competencies.get(f.kunci);
        return competency ? competency.nama : f.kunci;
      }
      return word("subject." + f.aspek);
    }

    function haveOf(f, positionId) {
      var have = f.punya;
      if (have === null) return word("phrase.unknown");
      var ref = data.rujukan || {};
      switch (f.aspek) {
        case "pendidikan": return ref.pendidikan_nama[have];
        case "pengalaman": {
          var item = (requirement(positionId, "pengalaman") || [])[f.kunci] || {};
          var cumulative = !(item.jenis || []).length && !(item.jabatan || []).length
            && item.jabatan_fungsional === null && item.kelas_minimal === null && item.unit === null;
          return cumulative ? word("phrase.total_service", {years: yearsWords(have)}) : yearsWords(have);
        }
        case "pelatihan":
        case "sertifikasi": return word(have ? "phrase.done" : "phrase.not_done");
        case "kinerja": return have.map(function (r) { return ref.predikat_nama[r]; }).join(", ");
        case "kompetensi": return levelWords(have);
        default: return String(have);
      }
    }

    function needOf(f, positionId) {
      var need = f.perlu;
      var ref = data.rujukan || {};
      switch (f.aspek) {
        case "pendidikan": return ref.pendidikan_nama[need];
        case "bidang_pendidikan": return need.join(", ");
        case "golongan": return need.maksimal ? need.minimal + "\u2013" + need.maksimal : need.minimal;
        case "pengalaman": return ((requirement(positionId, "pengalaman") || [])[f.kunci] || {}).teks;
        case "pelatihan":
        case "sertifikasi": return trainingName(f.kunci);
        case "kinerja": return (requirement(positionId, "kinerja") || {}).teks_syarat;
        case "kompetensi": return levelWords(need);
        default: return String(need);
      }
    }

    function phrased(f, positionId) {
      return {subject: subjectOf(f), have: haveOf(f, positionId), need: needOf(f, positionId)};
    }

    /** One unmet requirement in plain words. */
    function gapText(f, positionId) {
      var values = phrased(f, positionId);
      if (f.aspek === "pelatihan" || f.aspek === "sertifikasi") {
        return word(f.status === UNMET ? "gap.training" : "finding", values);
      }
      if (f.aspek === "bidang_pendidikan") return word("gap.field", values);
      if (f.aspek === "kinerja") return word("gap.performance", values);
      if (f.aspek === "kompetensi") return word("gap.competency", values);
      return word("gap", values);
    }

    function unknownText(f, positionId) {
      var values = phrased(f, positionId);
      if (f.aspek === "pelatihan" || f.aspek === "sertifikasi") return values.subject;
      if (f.aspek === "kompetensi") return word("unknown.competency", values);
      if (f.aspek === "kinerja" && f.punya !== null) return word("unknown.performance", values);
      return word("unknown", values);
    }

    function findingText(f, positionId) {
      if (f.status === UNKNOWN) return unknownText(f, positionId);
      if (f.status === UNMET) return gapText(f, positionId);
      return word("finding", phrased(f, positionId));
    }

    /** text.waktu.when: the earliest time of a result ("waktu"), with what sets it and every
     * assumption beside the figure, so no estimate reads as a fact. */
    function when(t) {
      function each(prefix, keys, values) {
        return keys.map(function (key) { return word(prefix + key, values); }).join(", ");
      }
      var head;
      if (t.tahun === null) {
        head = word("waktu.unknown", {reasons: each("waktu.tidak.", t.tidak_dapat_diperkirakan)});
      } else if (t.tahun === 0) {
        head = word("waktu.now");
      } else {
        var years = number(Math.round(t.tahun * 10) / 10);
        head = word(t.perkiraan ? "waktu.earliest_estimate" : "waktu.earliest", {years: years});
      }
      var notes = [];
      if (t.tahun && t.dasar.length) {
        notes.push(word("waktu.binding", {constraints: each("waktu.dasar.", t.dasar)}));
      }
      if (t.asumsi.length) {
        var rating = ((data.rujukan || {}).predikat_nama || {})[t.predikat] || t.predikat;
        notes.push(word(t.perkiraan ? "waktu.estimate" : "waktu.assuming",
          {assumptions: each("waktu.asumsi.", t.asumsi, {rating: rating})}));
      }
      return notes.length ? head + " (" + notes.join("; ") + ")" : head;
    }

    var statusWords = {};
    statusWords[K.status.met] = word("status.met");
    statusWords[UNMET] = word("status.unmet");
    statusWords[UNKNOWN] = word("status.unknown");

    return {word: word, number: number, years: yearsWords, statusWords: statusWords,
      parts: phrased, gap: gapText, unknown: unknownText, finding: findingText, when: when};
  }

  global.PolaKarirKata = {phraser: phraser};
}(typeof globalThis !== "undefined" ? globalThis : window));
