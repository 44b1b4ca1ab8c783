"""What a next step adds ("yang perlu dipersiapkan")."""

from __future__ import annotations

from factory import DataFolder

from pola_karir.career.compare import changes

KASI = "kepala-seksi-jalan"
KABID = "kepala-bidang-bina-marga"


def _changes(folder: DataFolder) -> dict[str, tuple[str, str]]:
    dataset = folder.validate().dataset
    assert dataset is not None
    return {
        c.aspect: (c.current, c.required)
        for c in changes(dataset, dataset.positions[KASI], dataset.positions[KABID])
    }


def test_higher_education_rank_and_new_training_are_listed(folder: DataFolder) -> None:
    found = _changes(folder)
    assert found["pendidikan"] == ("D-III", "paling rendah S-1/D-IV")
    assert found["golongan"] == ("–", "III/d (Penata Tingkat I)")
    assert found["pelatihan"] == (
        "belum dipersyaratkan",
        "Pelatihan Kepemimpinan Administrator (PKA)",
    )
    assert found["kompetensi"][1] == "level 3"


def test_a_narrower_field_of_study_is_listed(folder: DataFolder) -> None:
    folder.doc(f"jabatan/{KASI}.yml")["persyaratan"]["pendidikan"]["bidang"] = [
        "Teknik Sipil",
        "Ekonomi",
    ]
    folder.doc(f"jabatan/{KABID}.yml")["persyaratan"]["pendidikan"]["bidang"] = ["teknik sipil"]
    assert _changes(folder)["bidang_pendidikan"] == (
        "Teknik Sipil, Ekonomi",
        "teknik sipil (tidak lagi: Ekonomi)",
    )


def test_the_same_or_wider_fields_are_no_change(folder: DataFolder) -> None:
    folder.doc(f"jabatan/{KASI}.yml")["persyaratan"]["pendidikan"]["bidang"] = ["Teknik Sipil"]
    folder.doc(f"jabatan/{KABID}.yml")["persyaratan"]["pendidikan"]["bidang"] = [
        "Teknik Sipil",
        "Arsitektur",
    ]
    assert "bidang_pendidikan" not in _changes(folder)


def test_from_any_field_to_a_listed_one_is_a_change(folder: DataFolder) -> None:
    folder.doc(f"jabatan/{KABID}.yml")["persyaratan"]["pendidikan"]["bidang"] = ["Teknik Sipil"]
    assert _changes(folder)["bidang_pendidikan"] == ("semua bidang", "Teknik Sipil")


def _rumpun(folder: DataFolder) -> None:
    folder.put(
        "rumpun-pendidikan.yml",
        {"rumpun": {"teknik": {"nama": "Teknik", "bidang": ["Teknik Sipil", "Teknik Jalan"]}}},
    )


def test_a_member_of_a_rumpun_the_next_step_names_is_no_change(folder: DataFolder) -> None:
    """Fields compare as matching compares them: Teknik-Sipil is in the rumpun Teknik."""
    _rumpun(folder)
    folder.doc(f"jabatan/{KASI}.yml")["persyaratan"]["pendidikan"]["bidang"] = ["Teknik-Sipil"]
    folder.doc(f"jabatan/{KABID}.yml")["persyaratan"]["pendidikan"]["bidang"] = ["TEKNIK"]
    assert "bidang_pendidikan" not in _changes(folder)


def test_a_rumpun_narrowed_to_one_member_is_a_change(folder: DataFolder) -> None:
    _rumpun(folder)
    folder.doc(f"jabatan/{KASI}.yml")["persyaratan"]["pendidikan"]["bidang"] = ["Teknik"]
    folder.doc(f"jabatan/{KABID}.yml")["persyaratan"]["pendidikan"]["bidang"] = ["Teknik Sipil"]
    assert _changes(folder)["bidang_pendidikan"] == ("Teknik", "Teknik Sipil (tidak lagi: Teknik)")
