"""``validate --strict``: warnings fail the run (exit 1), notes never do, as in the MkDocs
plugin's strict build (notes are logged at info level there)."""

from __future__ import annotations

import pytest
from factory import DataFolder
from test_cli import stray_file, unusual_level

from pola_karir.cli import main


def test_strict_fails_on_a_warning(folder: DataFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = stray_file(folder)
    assert main(["validate", str(root)]) == 0
    capsys.readouterr()
    assert main(["validate", "--strict", str(root)]) == 1
    out, err = capsys.readouterr()
    assert "warning[PK012]" in out
    # The summary says the data is valid (no errors); the strict verdict is said beside it.
    assert err.startswith("--strict: 1 peringatan dihitung sebagai kegagalan; perbaiki")


def test_strict_ignores_notes(folder: DataFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = unusual_level(folder)
    assert main(["validate", "--strict", str(root)]) == 0
    assert "note[PK403]" in capsys.readouterr().out


def test_strict_passes_clean_data(folder: DataFolder) -> None:
    assert main(["validate", "--strict", "--format", "json", str(folder.write())]) == 0


def test_strict_is_in_the_help_of_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["validate", "--help", "--lang", "en"])
    assert "notes never fail it" in " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    assert "catatan tidak pernah menggagalkan" in " ".join(capsys.readouterr().out.split())
