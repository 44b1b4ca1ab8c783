"""``cocokkan --format json`` and ``audit --format json`` print only JSON on standard output,
whatever happens: invalid data or an invalid profile come as the JSON object ``validate
--format json`` prints (exit 1); usage problems found after parsing (a missing file, an
unknown ``--ke``, a staff list without its columns) go to standard error with exit 2 and leave
standard output empty. A pipeline can therefore always run ``json.loads`` on a non-empty stdout."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from factory import DataFolder, dump
from test_cli import low_education

from pola_karir.cli import main

PROFILE = {"jabatan": "teknik-jalan-ahli-pertama", "pendidikan": "S1", "golongan": "III/c"}
STAFF = (
    "nip,nama,jabatan,pendidikan,golongan\n"
    "198001012005011001,Ani,kepala-seksi-jalan,S1,III/c\n"
    "198001012005011002,Budi,tidak-ada,S1,III/c\n"
)


def _case(
    folder: DataFolder, tmp: Path, kind: str
) -> tuple[list[str], int, Callable[[object], bool] | None]:
    """argv, expected exit code, and a check of the parsed JSON (None: stdout must be empty)."""
    good = str(folder.write())
    profile = tmp / "profil.yml"
    profile.write_text(dump(PROFILE), encoding="utf-8")
    staff = tmp / "pegawai.csv"
    staff.write_text(STAFF, encoding="utf-8")
    json_ = ["--format", "json"]

    def diagnostics(code: str) -> Callable[[object], bool]:
        return lambda p: isinstance(p, dict) and code in {d["code"] for d in p["diagnostik"]}

    if kind == "match-ok":
        return ["cocokkan", str(profile), "--data", good, *json_], 0, lambda p: "hasil" in p  # type: ignore[operator]
    if kind == "match-bad-data":
        bad = str(low_education(folder))
        return ["cocokkan", str(profile), "--data", bad, *json_], 1, diagnostics("PK401")
    if kind == "match-bad-profile":
        profile.write_text(dump({**PROFILE, "pelatihan": ["tidak-ada"]}), encoding="utf-8")
        return ["cocokkan", str(profile), "--data", good, *json_], 1, diagnostics("PK201")
    if kind == "match-missing-profile":
        return ["cocokkan", str(tmp / "no.yml"), "--data", good, *json_], 2, None
    if kind == "match-unknown-target":
        return ["cocokkan", str(profile), "--data", good, "--ke", "x", *json_], 2, None
    if kind == "missing-data-folder":
        return ["audit", str(staff), "--data", str(tmp / "none"), *json_], 2, None
    if kind == "audit-ok":
        return ["audit", str(staff), "--data", good, *json_], 1, lambda p: isinstance(p, dict)
    if kind == "audit-bad-data":
        bad = str(low_education(folder))
        return ["audit", str(staff), "--data", bad, *json_], 1, diagnostics("PK401")
    if kind == "audit-missing-file":
        return ["audit", str(tmp / "none.csv"), "--data", good, *json_], 2, None
    assert kind == "audit-no-columns"
    staff.write_text("a,b\n1,2\n", encoding="utf-8")
    return ["audit", str(staff), "--data", good, *json_], 2, None


@pytest.mark.parametrize(
    "kind",
    [
        "match-ok",
        "match-bad-data",
        "match-bad-profile",
        "match-missing-profile",
        "match-unknown-target",
        "missing-data-folder",
        "audit-ok",
        "audit-bad-data",
        "audit-missing-file",
        "audit-no-columns",
    ],
)
def test_stdout_is_only_json(
    kind: str, folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv, expected, check = _case(folder, tmp_path, kind)
    assert main(argv) == expected
    out, err = capsys.readouterr()
    if check is None:
        assert out == ""
        assert err.strip()  # the usage problem is said, on stderr
    else:
        assert check(json.loads(out))
