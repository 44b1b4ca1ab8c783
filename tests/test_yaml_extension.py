"""Data files may end in '.yaml' as well as '.yml' (pola_karir/load/layout.py); a '.yaml' and a
'.yml' with the same name are one entity twice: PK019, naming both files, with a hint."""

from __future__ import annotations

from factory import DataFolder, summary, with_code

from pola_karir.text.diagnostics import hint, message

SEKSI = "jabatan/kepala-seksi-jalan"


def test_a_yaml_position_and_instansi_validate(folder: DataFolder) -> None:
    folder.put(f"{SEKSI}.yaml", folder.files.pop(f"{SEKSI}.yml"))
    folder.put("instansi.yaml", folder.files.pop("instansi.yml"))
    result = folder.validate()
    assert [d.code for d in result.diagnostics] == []
    assert result.dataset is not None
    assert result.dataset.positions["kepala-seksi-jalan"].source == f"{SEKSI}.yaml"


def test_yaml_and_yml_twins_are_an_error(folder: DataFolder) -> None:
    folder.put(f"{SEKSI}.yaml", folder.files[f"{SEKSI}.yml"])
    result = folder.validate()
    assert not result.ok
    assert summary(result.diagnostics) == [("PK019", f"data/{SEKSI}.yaml", 1, 1)]
    (twin,) = with_code(list(result.diagnostics), "PK019")
    assert f"'{SEKSI}.yml'" in message(twin) and f"'{SEKSI}.yaml'" in message(twin)
    assert f"hapus '{SEKSI}.yaml'" in hint(twin)
    assert f"delete '{SEKSI}.yaml'" in hint(twin, "en")
