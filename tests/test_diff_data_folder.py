"""``pola-karir diff`` with a ``--data`` that names no data folder at either revision.

A mistyped ``--data`` (or a file named instead of the folder) used to be compared as "empty at
both revisions": exit 0, "no changes", and a CI job summary saying nothing changed in a pull
request that changed everything. It is a usage error naming the folder and both revisions.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from history_repo import scripted_repo

from pola_karir.cli import main


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scripted_repo(tmp_path_factory.mktemp("diff-folder") / "repo")


@pytest.mark.parametrize("wrong", ["data-typo", "data/instansi.yml"])
def test_a_data_folder_at_neither_revision_is_a_usage_error(
    data: Path, wrong: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = data.parent / wrong
    assert main(["diff", "v1.0", "HEAD", "--data", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"pola-karir: Folder data {folder} tidak ada pada revisi v1.0 maupun HEAD, jadi tidak ada "
        "yang dapat dibandingkan: tunjuk folder data repositori dengan --data (bawaan: data), "
        "atau sebutkan revisi yang memuatnya.\n"
    )
    assert main(["diff", "v1.0", "HEAD", "--data", str(folder), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"pola-karir: Folder data {folder} tidak ada")
    assert main(["diff", "v1.0", "HEAD", "--data", str(folder), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith(
        f"pola-karir: The data folder {folder} exists at neither"
    )


def test_the_data_folder_itself_still_compares(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "v1.0", "HEAD", "--data", str(data)]) == 0
    assert capsys.readouterr().out.startswith("Perubahan data dari v1.0")
