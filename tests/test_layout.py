"""What ``discover`` lists in a data folder, in which order, and what it reports instead.

The order is the order of paths (folder by folder), not of strings: ``jabatan/`` comes before
``jabatan-fungsional/`` although '-' sorts before '/'. Diagnostics and the site follow it.
"""

from __future__ import annotations

from pathlib import Path

from pola_karir.load.layout import discover


def touch(path: Path, text: str = "nama: x\n") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_files_in_path_order_with_every_problem_reported(tmp_path: Path) -> None:
    root = tmp_path / "data"
    for name in (
        "instansi.yml",
        "jabatan-fungsional/pranata.yml",
        "jabatan/b.yml",
        "jabatan/a.yaml",  # the twin of a.yml: reported, a.yml is read
        "jabatan/a.yml",
        "jabatan/sub/dalam.yml",  # too deep
        "jabatan/.konsep.yml",  # hidden: not data
        ".git/x.yml",  # inside a hidden folder: not data
        "unit/Nama_Salah.yml",  # not an id
        "jalur/catatan.txt",  # not YAML: not listed
    ):
        touch(root / name)
    (root / "tautan").symlink_to(root / "jabatan", target_is_directory=True)
    (root / "jalur" / "folder.yml").mkdir()  # a folder named like a file: listed, read fails

    files, problems = discover(root, "data")

    assert [f.relative for f in files] == [
        "instansi.yml",
        "jabatan/a.yml",
        "jabatan/b.yml",
        "jabatan-fungsional/pranata.yml",
        "jalur/folder.yml",
    ]
    assert [(f.kind, f.id, f.display) for f in files[1:3]] == [
        ("jabatan", "a", "data/jabatan/a.yml"),
        ("jabatan", "b", "data/jabatan/b.yml"),
    ]
    assert files[0].path == root / "instansi.yml"
    assert [(d.code, d.location.file) for d in problems] == [
        ("PK001", "data/tautan"),
        ("PK019", "data/jabatan/a.yaml"),
        ("PK012", "data/jabatan/sub/dalam.yml"),
        ("PK010", "data/unit/Nama_Salah.yml"),
    ]


def test_yaml_spelling_alone_and_missing_agency_file(tmp_path: Path) -> None:
    root = tmp_path / "data"
    touch(root / "instansi.yaml")
    touch(root / "jabatan" / "c.yaml")

    files, problems = discover(root, ".")

    assert [(f.relative, f.kind, f.id, f.display) for f in files] == [
        ("instansi.yaml", "instansi", "instansi", "instansi.yaml"),
        ("jabatan/c.yaml", "jabatan", "c", "jabatan/c.yaml"),
    ]
    assert problems == []

    (root / "instansi.yaml").unlink()
    files, problems = discover(root, "data")
    assert [(d.code, d.location.file) for d in problems] == [("PK015", "data/instansi.yml")]
