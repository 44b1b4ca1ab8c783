"""``validate --format github`` as the workflow of ``pola-karir init`` runs it on a pull request:
a crafted value cannot forge a second workflow command nor smuggle a line break through the
runner's own unescaping (``%0A`` written in the data stays the three characters ``%0A``)."""

from __future__ import annotations

import pytest
from factory import DataFolder

from pola_karir.cli import main

FORGED = "x%0A::error file=palsu.yml,line=1::palsu\n::warning::dua"


DATA_ESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
PROPERTY_ESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))


def runner_decode(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as GitHub's runner reads it: ``::name props::data``, with the data's
    ``%0D`` ``%0A`` ``%25`` and the properties' ``%3A`` ``%2C`` decoded, in the runner's order."""
    assert line.startswith("::")
    head, _, data = line[2:].partition("::")
    name, _, props = head.partition(" ")
    properties = {}
    for pair in props.split(","):
        key, _, value = pair.partition("=")
        for escape, char in PROPERTY_ESCAPES:
            value = value.replace(escape, char)
        properties[key] = value
    for escape, char in DATA_ESCAPES:
        data = data.replace(escape, char)
    return name, properties, data


def test_a_crafted_value_stays_inside_its_annotation(
    folder: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    folder.doc("jabatan/kepala-seksi-jalan.yml")["jenis"] = FORGED
    root = folder.write()
    assert main(["validate", str(root), "--format", "github", "--strict"]) == 1
    annotation, summary = capsys.readouterr().out.splitlines()
    assert summary.endswith("data TIDAK sah.")
    name, properties, data = runner_decode(annotation)
    assert name == "error"
    assert properties == {
        "file": f"{root}/jabatan/kepala-seksi-jalan.yml",
        "line": properties["line"],
        "col": properties["col"],
        "title": "PK104",
    }
    message, hint = data.split("\n")  # the one line break is the tool's, before the hint
    assert "x%0A::error file=palsu.yml,line=1::palsu\\n::warning::dua" in message
    assert hint.startswith("Pilihan yang sah:")
