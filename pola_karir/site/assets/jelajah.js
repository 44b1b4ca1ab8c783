/* pola-karir: Jelajah Karier, the page. The engine is assets/pk-engine.js (PolaKarirEngine),
 * loaded before this script with its constants, and assets/pk-kata.js phrases its findings;
 * this script reads the form, asks the engine, and shows what it answers.
 *
 * - The engine answers in codes and values; every word shown comes from the site's catalogue
 *   via data-pk-words (explorer.py), never from a literal here.
 * - Texts that depend on the data (requirement phrases, training and competency names, education
 *   and rating labels) are read from the export, never re-phrased here.
 * - Data strings reach the page through textContent only.
 * - ASCII only (\u escapes), so the script reads the same whatever charset it is served with.
 */
(function (global) {
  "use strict";

  var engine = global.PolaKarirEngine;
  if (!engine || !global.PolaKarirKata || typeof document === "undefined") return;
  var K = engine.constants;
  var UNMET = K.status.unmet, UNKNOWN = K.status.unknown;
  var STATE_MET = K.state.met, STATE_UNMET = K.state.unmet;
  var DEFAULT_MOVES = K.default_moves;
  var explore = engine.explore, summaryCounts = engine.summaryCounts, index = engine.lookup;
  var cleanProfile = engine.cleanProfile, inspectProfile = engine.inspectProfile;
  var paramsProfile = engine.paramsProfile, profileToParams = engine.profileToParams;
  var parseYears = engine.parseYears, isDict = engine.isDict, hasOwn = engine.hasOwn;

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = content;
    return node;
  }

  function setup(root) {
    var data = global.POLA_KARIR_DATA;
    var form = root.querySelector("form");
    var results = root.querySelector("[data-pk-results]");
    var summary = root.querySelector("[data-pk-summary]");
    var message = root.querySelector("[data-pk-message]");
    var fileInput = root.querySelector("[data-pk-file]");
    var template = root.getAttribute("data-pk-position-url") || "";
    var words = {}; // every word shown, from the site's catalogue (explorer.script_words)
    try { words = JSON.parse(root.getAttribute("data-pk-words") || "{}"); } catch (error) { words = {}; }
    if (!data || !form || !results) {
      if (summary) summary.textContent = String(words.no_data || "");
      return;
    }
    var ix = index(data);
    // Words of the catalogue, and of the engine's findings (codes and values): pk-kata.js.
    var kata = global.PolaKarirKata.phraser(words, data);
    var word = kata.word, number = kata.number, gapText = kata.gap, findingText = kata.finding;
    var STATUS_WORD = kata.statusWords;
    var extras = {pengalaman: {}, pelatihan: [], kompetensi: {}}; // imported values the form has no field for
    var onlyOpen = root.querySelector("[data-pk-only-open]");
    var unitNames = new Map();
    (data.unit || []).forEach(function (u) { unitNames.set(u.id, u.nama); });
    var lastFragment = null;
    // What "\u2265 N" means, under the results while any card shows such a lower bound.
    var totalNote = el("p", "pk-jelajah__total-note", word("at_least_note"));
    totalNote.setAttribute("data-pk-total-note", "");
    totalNote.hidden = true;
    results.parentNode.insertBefore(totalNote, results.nextSibling);

    function field(name) { return form.elements.namedItem(name); }
    function all(selector) { return Array.prototype.slice.call(form.querySelectorAll(selector)); }

    function positionUrl(id) {
      var href = template.replace("__ID__", encodeURIComponent(id));
      if (location.protocol === "file:" && /\/$/.test(href)) href += "index.html";
      return href;
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
      var inRank = readYears(field("masa_golongan"));
      if (inRank !== null) profile.masa_golongan = inRank;
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
      // Exact, not rounded, with the decimal mark of the site's language ("2,5" or "2.5").
      input.value = value === undefined ? "" : String(value).split(".").join(word("phrase.decimal_mark") || ".");
      markValidity(input, true);
    }

    /** Show a profile in the form; values it has no field for are kept aside. */
    function writeForm(profile) {
      var select = field("jabatan");
      select.value = profile.jabatan && ix.positions.has(profile.jabatan) ? profile.jabatan : "";
      field("pendidikan").value = profile.pendidikan || "";
      field("bidang_pendidikan").value = profile.bidang_pendidikan || "";
      field("golongan").value = profile.golongan || "";
      setYears(field("masa_golongan"), profile.masa_golongan);
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
      all("[data-pk-kompetensi]").forEach(showLevel);
      counts();
    }

    /** Beside a competency's choice: the chosen level's description from the dictionary, and
     * its indikator perilaku where the dictionary has them (text only, from the open data). */
    function showLevel(select) {
      var id = select.getAttribute("data-pk-kompetensi");
      var box = root.querySelector("[data-pk-level-for=\"" + id + "\"]");
      if (!box) return;
      while (box.firstChild) box.removeChild(box.firstChild);
      var competency = ix.competencies.get(id);
      var level = Number(select.value);
      if (!competency || !level) return;
      box.appendChild(el("p", "pk-jelajah__level-text", (competency.level || [])[level - 1] || ""));
      var indicators = (competency.indikator_perilaku || [])[level - 1] || [];
      if (!indicators.length) return;
      box.appendChild(el("p", "pk-jelajah__level-label", word("indicators")));
      var list = el("ul", "pk-jelajah__indicators");
      indicators.forEach(function (item) { list.appendChild(el("li", null, item)); });
      box.appendChild(list);
    }

    function maxMoves() {
      var value = Number(field("langkah").value);
      return K.moves.indexOf(value) >= 0 ? value : DEFAULT_MOVES;
    }

    function counts() {
      var trainings = all("input[name=pelatihan]").filter(function (b) { return b.checked; }).length + extras.pelatihan.length;
      var levels = all("[data-pk-kompetensi]").filter(function (s) { return s.value; }).length + Object.keys(extras.kompetensi).length;
      var experience = all("[data-pk-pengalaman]").filter(function (s) { return s.value.trim(); }).length + Object.keys(extras.pengalaman).length;
      setCount("pelatihan", trainings ? word("count.chosen", {count: trainings}) : "");
      setCount("kompetensi", levels ? word("count.filled", {count: levels}) : "");
      setCount("pengalaman", experience ? word("count.filled", {count: experience}) : "");
    }

    function setCount(name, value) {
      var node = root.querySelector("[data-pk-count=" + name + "]");
      if (node) node.textContent = value ? " (" + value + ")" : "";
    }

    function fragmentFor(profile) {
      var params = profileToParams(profile);
      var moves = maxMoves();
      if (moves !== DEFAULT_MOVES) params += (params ? "&" : "") + "langkah=" + moves;
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
      totalNote.hidden = true;
      if (!profile.jabatan) {
        summary.textContent = word("choose_position");
        return;
      }
      var moves = maxMoves();
      var found = explore(data, profile, moves);
      if (!found.length) {
        summary.textContent = word("no_way_out", {position: positionName(profile.jabatan)});
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
        // Some placement without both numbers: the count is a lower bound ("\u2265 N").
        var partial = places.some(function (p) { return p.terbuka === null; });
        var count = partial ? word("at_least", {count: String(total)}) : total;
        if (partial) totalNote.hidden = false;
        badges.appendChild(document.createTextNode(" "));
        badges.appendChild(el("span", "pk-jelajah__badge pk-jelajah__badge--open", word("open", {count: count})));
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
      facts.appendChild(el("dt", null, word("route")));
      var route = el("dd", "pk-jelajah__route");
      result.rute.forEach(function (id, i) {
        if (i) route.appendChild(el("span", "pk-jelajah__arrow", " \u2192 "));
        route.appendChild(el("span", null, positionName(id)));
      });
      facts.appendChild(route);
      facts.appendChild(el("dt", null, word("earliest")));
      facts.appendChild(el("dd", "pk-jelajah__time",
        word("time", {time: kata.when(result.waktu), count: result.langkah})));
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
        stepUnmet.forEach(function (f) { stepGaps.appendChild(el("li", null, gapText(f, step.jabatan))); });
        item.appendChild(stepGaps);
      });
      if (unmet.length) {
        item.appendChild(el("p", "pk-jelajah__label", word("unmet_heading")));
        var gaps = el("ul", "pk-jelajah__gaps");
        unmet.forEach(function (f) { gaps.appendChild(el("li", null, gapText(f, result.jabatan))); });
        item.appendChild(gaps);
      }
      var details = el("details", "pk-jelajah__details");
      details.appendChild(el("summary", null, unknown.length
        ? word("details_unknown", {count: unknown.length}) : word("details")));
      var list = el("ul", "pk-jelajah__findings");
      result.temuan.forEach(function (f) {
        var row = el("li", "pk-jelajah__finding pk-jelajah__finding--" + f.status);
        row.appendChild(el("span", "pk-jelajah__status", STATUS_WORD[f.status]));
        row.appendChild(document.createTextNode(" "));
        row.appendChild(el("span", null, findingText(f, result.jabatan)));
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
        var control = anchor.matches("details") ? anchor.querySelector("summary") : anchor.querySelector("select,input");
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
      loadChecked(paramsProfile(hash), K.moves.indexOf(moves) >= 0 ? moves : DEFAULT_MOVES, "");
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
        if (status) status.textContent = wanted ? word("search_count", {count: shown}) : "";
      });
    }

    form.addEventListener("input", function (event) {
      if (event.target === search) return;
      if (event.target.name === "pelatihan" && event.target.checked) field("pelatihan_tidak_ada").checked = false;
      if (event.target.name === "pelatihan_tidak_ada" && event.target.checked) {
        all("input[name=pelatihan]").forEach(function (box) { box.checked = false; });
        extras.pelatihan = [];
      }
      if (event.target.hasAttribute("data-pk-kompetensi")) showLevel(event.target);
      say("");
      clearErrors(errorKey(event.target.name));
      update();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });

    root.querySelector("[data-pk-action=reset]").addEventListener("click", function () {
      search.value = "";
      search.dispatchEvent(new Event("input"));
      field("langkah").value = String(DEFAULT_MOVES);
      load({});
      clearErrors();
      say(word("reset_done"));
    });

    root.querySelector("[data-pk-action=export]").addEventListener("click", function () {
      var profile = readForm();
      var blob = new Blob([JSON.stringify(profile, null, 2) + "\n"], {type: "application/json"});
      var url = URL.createObjectURL(blob);
      var anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = word("export_file");
      document.body.appendChild(anchor);
      anchor.click();
      document.body.removeChild(anchor);
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      say(word("saved", {file: word("export_file")}));
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
          say(word("file.not_json", {file: file.name}), true);
          return;
        }
        if (!isDict(parsed)) { say(word("file.not_profile", {file: file.name}), true); return; }
        loadChecked(parsed, null, word("file.loaded", {file: file.name}));
      };
      reader.onerror = function () { say(word("file.unreadable", {file: file.name}), true); };
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
}(typeof globalThis !== "undefined" ? globalThis : window));
