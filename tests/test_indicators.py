"""Indikator perilaku in a competency dictionary: optional, per level, loaded into the model and
published in the open data; a malformed list is a schema error at its line."""

from __future__ import annotations

from factory import DataFolder, summary

from pola_karir.export import open_data

COMPETENCY = "manajemen-jalan"


def _with_indicators(folder: DataFolder, indicators: object) -> None:
    doc = folder.doc("kompetensi-teknis.yml")
    doc["kompetensi"][COMPETENCY]["indikator_perilaku"] = indicators
    folder.put("kompetensi-teknis.yml", doc)


def test_indicators_of_some_levels_are_loaded_and_exported(folder: DataFolder) -> None:
    _with_indicators(folder, {"3": ["Mengawasi mutu pekerjaan.", "Menyusun jadwal."]})
    result = folder.validate()
    assert result.diagnostics == ()
    assert result.dataset is not None
    competency = result.dataset.competencies[COMPETENCY]
    assert competency.indicators == (
        (),
        (),
        ("Mengawasi mutu pekerjaan.", "Menyusun jadwal."),
        (),
        (),
    )
    exported = {c["id"]: c for c in open_data(result.dataset)["kompetensi"]}
    assert exported[COMPETENCY]["indikator_perilaku"] == [
        [],
        [],
        ["Mengawasi mutu pekerjaan.", "Menyusun jadwal."],
        [],
        [],
    ]
    assert exported["integritas"]["indikator_perilaku"] == [[], [], [], [], []]


def test_a_dictionary_without_indicators_is_valid(folder: DataFolder) -> None:
    result = folder.validate()
    assert result.dataset is not None
    assert result.dataset.competencies[COMPETENCY].indicators == ((),) * 5


def test_malformed_indicators_are_schema_errors(folder: DataFolder) -> None:
    _with_indicators(folder, {"6": ["Tidak ada level 6."], "2": []})
    found = summary(folder.diagnostics())
    # An unknown level (PK101) and an empty list (PK106), each at its own line.
    assert [(code, file) for code, file, _line, _column in found] == [
        ("PK101", "data/kompetensi-teknis.yml"),
        ("PK106", "data/kompetensi-teknis.yml"),
    ]
    assert folder.validate().dataset is None
