"""Bounded cost: a hostile file gives a bounded report and bounded work, and the totals stay true.

At most ``MAX_PER_FILE`` diagnostics are shown per file, errors before warnings; one PK018 note
counts the rest, and the report's closing counts and the run's verdict include what it counts.
Very large documents are checked by jsonschema-rs alone, up to their first schema error
(python-jsonschema's walk in Python took over 30 s on a 900,000-item list, jsonschema-rs's
``iter_errors`` builds every error first); "did you mean" skips inputs that would make difflib
slow. These tests assert the caps and what is said, never a duration; the
timings are measured by scripts/bench_hostile.py.
"""

from __future__ import annotations

from factory import DataFolder

from pola_karir.diagnostics import (
    MAX_PER_FILE,
    Severity,
    cap_per_file,
    closest,
    count_by_severity,
    diag,
    has_errors,
)
from pola_karir.load.schema import EXPLAIN_NODES
from pola_karir.model import Location
from pola_karir.report import as_json, as_text
from pola_karir.text import diagnostics as words

POSITION = "jabatan/kepala-seksi-jalan.yml"
SHOWN = f"data/{POSITION}"
HEAD = (
    "nama: Kepala Seksi Jalan\njenis: pengawas\nunit: dinas-pupr/bidang-bina-marga/seksi-jalan\n"
    "kelas_jabatan: 9\nikhtisar: Mengawasi.\ntugas:\n"
)


def _in_file(folder: DataFolder, relative: str) -> list[tuple[str, Severity]]:
    result = folder.validate()
    return [(d.code, d.severity) for d in result.diagnostics if d.location.file.endswith(relative)]


def test_a_file_with_many_errors_shows_fifty_and_counts_the_rest(folder: DataFolder) -> None:
    document = folder.doc(POSITION)
    for number in range(120):
        document[f"tambahan-{number}"] = "x"  # PK101 each
    result = folder.validate()
    found = [d for d in result.diagnostics if d.location.file == SHOWN]
    assert [d.code for d in found].count("PK101") == MAX_PER_FILE
    summary = [d for d in found if d.code == "PK018"]
    assert len(summary) == 1 and summary[0].severity is Severity.NOTE
    assert words.message(summary[0]) == (
        "70 temuan lain di berkas ini tidak ditampilkan (70 galat, 0 peringatan, 0 catatan)."
    )
    assert words.hint(summary[0], "en").startswith("At most 50 findings are shown per file")
    # The closing counts and the verdict are those of all 120 errors, not of the 50 shown.
    assert count_by_severity(result.diagnostics)[Severity.ERROR] == 120
    assert not result.ok and result.dataset is None
    assert "120 galat" in as_text(result.diagnostics, result.file_count).splitlines()[-1]
    assert '"galat": 120' in as_json(result.diagnostics, result.file_count)


def test_errors_are_kept_before_warnings(folder: DataFolder) -> None:
    """A file whose first 60 findings are warnings and whose last is an error still shows the
    error: the verdict does not rest on the summary alone."""
    document = folder.doc(POSITION)
    document["tugas"] = [f"Tugas\u200b ke-{n}" for n in range(60)]  # PK017 each, a warning
    document["kelas_jabatan"] = 0  # PK106, an error, written after them
    found = _in_file(folder, POSITION)
    assert ("PK106", Severity.ERROR) in found
    assert found.count(("PK017", Severity.WARNING)) == MAX_PER_FILE - 1
    assert found[-1] == ("PK018", Severity.NOTE)


def test_only_warnings_left_out_still_count_as_warnings(folder: DataFolder) -> None:
    """`mkdocs build --strict` fails on warnings: the warnings kept and the ones counted both
    say so, and no error is invented."""
    folder.doc(POSITION)["tugas"] = [f"Tugas\u200b ke-{n}" for n in range(70)]
    result = folder.validate()
    counts = count_by_severity(result.diagnostics)
    assert counts[Severity.WARNING] == 70 and counts[Severity.ERROR] == 0
    assert result.ok and result.dataset is not None
    shown = [d for d in result.diagnostics if d.location.file == SHOWN]
    assert len(shown) == MAX_PER_FILE + 1


def test_left_out_counts_merge_and_decide_the_verdict() -> None:
    """A PK018 from the loader and the diagnostics added later fold into one PK018; an error
    that only a PK018 counts still makes the run fail."""
    where = Location("f.yml", 3, 1)
    loader_summary = cap_per_file([diag("PK006", where)] * 3, limit=1)
    assert [d.code for d in loader_summary] == ["PK006", "PK018"]
    more = [*loader_summary, diag("PK017", Location("f.yml", 9, 1), char="200B")]
    capped = cap_per_file(more, limit=1)
    assert [d.code for d in capped] == ["PK006", "PK018"]
    assert capped[1].params["errors"] == "2" and capped[1].params["warnings"] == "1"
    assert count_by_severity(capped)[Severity.ERROR] == 3
    only_summary = [d for d in capped if d.code == "PK018"]
    assert has_errors(only_summary)


def test_very_large_document_is_explained_briefly_at_the_right_place(folder: DataFolder) -> None:
    """A list longer than the explanation budget with one wrong item: the error is found by
    jsonschema-rs and reported at the item's line, its hint saying why the check is brief."""
    items = [f"Tugas ke-{n}" for n in range(EXPLAIN_NODES)]
    text = (
        HEAD
        + "".join(f"  - {item}\n" for item in items[:-1])
        + "  - 12\n"  # line 7 + EXPLAIN_NODES - 1: a number where text is expected
    )
    folder.put(POSITION, text)
    result = folder.validate()
    found = [d for d in result.diagnostics if d.location.file == SHOWN]
    assert [(d.code, d.location.line) for d in found] == [("PK107", 6 + EXPLAIN_NODES)]
    assert words.message(found[0], "en").startswith(f"'tugas[{EXPLAIN_NODES}]'")
    assert words.hint(found[0], "en") == (
        f"This file holds more than {EXPLAIN_NODES} values, so its schema check stops at this"
        " first error; fix it, then validate again."
    )


def test_very_large_document_with_many_errors_stops_at_the_first(folder: DataFolder) -> None:
    """Every item wrong: the check of a file that large stops at its first error (collecting
    them all would cost jsonschema-rs about 2 KB each), and the hint says so."""
    numbers = "".join(f"  - {n}\n" for n in range(EXPLAIN_NODES + 10))  # every item wrong
    folder.put(POSITION, HEAD + numbers)
    result = folder.validate()
    found = [d for d in result.diagnostics if d.location.file == SHOWN]
    assert [(d.code, d.location.line) for d in found] == [("PK107", 7)]
    assert "stops at this first error" in words.hint(found[0], "en")
    assert not result.ok


def test_did_you_mean_skips_huge_words_and_thins_huge_lists() -> None:
    """difflib compares a word with every candidate: a 100,000-letter key gets no suggestion,
    a long list is first cut to the candidates of about the word's length, and a list still
    too long after that gets none rather than costing seconds per unknown reference."""
    assert closest("x" * 100_000, ["x" * 99_999]) is None
    longer = [f"jabatan-dengan-nama-yang-panjang-sekali-{n}" for n in range(50_000)]
    assert closest("kepala-seksii", [*longer, "kepala-seksi"]) == "kepala-seksi"
    alike = [f"jabatan-nomor-{n}" for n in range(100_000)]
    assert closest("jabatan-nomor-4242x", alike) is None
    assert closest("jabatan-nomor-4242x", alike[:10_000]) == "jabatan-nomor-4242"


def test_a_value_in_other_capitals_suggests_itself() -> None:
    """'III/A' meant III/a; by spelling alone difflib offered 'III/d' (an untrue hint)."""
    ranks = ["III/a", "III/b", "III/c", "III/d"]
    assert closest("III/A", ranks) == "III/a"
    assert closest("PKA", ["pka", "pkp"]) == "pka"
    assert closest("III/x", ranks) in ranks  # no capitals match: still the nearest spelling
