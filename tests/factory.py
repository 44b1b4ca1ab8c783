"""A minimal *valid* data folder, built from Python dicts so each test changes one thing.

``minimal_files()`` returns the folder as ``{relative path: document}``; ``DataFolder`` holds a
private copy of it, lets a test replace, drop or hand-write one file, then writes everything as
YAML text into a directory and validates it. The data is small but complete enough that it gives
no diagnostic at all, warnings included: every position has full requirements, sits on a career
path, and every reference (units, job families, trainings, competencies, regulations and their
articles) resolves. Any diagnostic a test sees therefore comes from the change it made.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from pola_karir import reference
from pola_karir.diagnostics import Diagnostic
from pola_karir.rules.validate import ValidationResult, validate_project

SHOWN_ROOT = "data"
"""How the data folder is named in diagnostics (``data/jabatan/x.yml``)."""

MANAGERIAL = reference.MANAGERIAL


def competencies(level: int) -> dict[str, Any]:
    """A full managerial and socio-cultural standard, all at one level."""
    return {
        "manajerial": dict.fromkeys(MANAGERIAL, level),
        "sosial_kultural": {"perekat-bangsa": level},
    }


def _levels(name: str) -> dict[str, str]:
    return {str(n): f"{name}: uraian level {n}." for n in range(1, 6)}


_MINIMAL: dict[str, dict[str, Any]] = {
    "instansi.yml": {
        "nama": "Pemerintah Kabupaten Contoh",
        "singkatan": "Pemkab Contoh",
        "fiktif": True,
        "regulasi": {
            "jenis": "Peraturan Bupati",
            "nomor": "12",
            "tahun": 2024,
            "tentang": "Pola Karier Pegawai Negeri Sipil",
            "dasar_hukum_id": "perbup-12-2024",
            "fiktif": True,
        },
        "dasar_hukum": ["pp-11-2017#pasal-188", "perbup-12-2024#pasal-3"],
    },
    "dasar-hukum/perbup-12-2024.yml": {
        "jenis": "Peraturan Bupati",
        "singkatan": "Perbup 12/2024",
        "nomor": "12",
        "tahun": 2024,
        "tentang": "Pola Karier Pegawai Negeri Sipil",
        "fiktif": True,
        "pasal": {"pasal-3": {"sebutan": "Pasal 3", "isi": "Jalur karier disusun per bidang."}},
    },
    "kompetensi-teknis.yml": {
        "kompetensi": {
            "manajemen-jalan": {
                "nama": "Manajemen Konstruksi Jalan",
                "definisi": "Merencanakan dan mengawasi pembangunan jalan.",
                "level": _levels("Manajemen Konstruksi Jalan"),
            }
        }
    },
    "pelatihan.yml": {
        "pelatihan": {
            "diklat-jalan": {"nama": "Diklat Teknis Jalan", "jenis": "teknis"},
            "sertifikat-ahli-jalan": {"nama": "Sertifikat Ahli Jalan", "jenis": "sertifikasi"},
        }
    },
    "unit/dinas-pupr.yml": {
        "nama": "Dinas Pekerjaan Umum dan Penataan Ruang",
        "singkatan": "Dinas PUPR",
        "jenis": "dinas",
        "sub": [
            {
                "id": "bidang-bina-marga",
                "nama": "Bidang Bina Marga",
                "jenis": "bidang",
                "sub": [{"id": "seksi-jalan", "nama": "Seksi Jalan", "jenis": "seksi"}],
            }
        ],
    },
    "jabatan-fungsional/teknik-jalan.yml": {
        "nama": "Teknik Jalan dan Jembatan",
        "kategori": "keahlian",
        "jenjang": {
            "ahli-pertama": {
                "kelas_jabatan": 8,
                "persyaratan": {
                    "pendidikan": {"minimal": "S1"},
                    "golongan": {"minimal": "III/a", "maksimal": "III/b"},
                    "kompetensi": competencies(2),
                },
            },
            "ahli-muda": {
                "kelas_jabatan": 9,
                "persyaratan": {
                    "pendidikan": {"minimal": "S1"},
                    "golongan": {"minimal": "III/c", "maksimal": "III/d"},
                    "kompetensi": competencies(3),
                },
            },
        },
    },
    "jabatan/kepala-seksi-jalan.yml": {
        "nama": "Kepala Seksi Jalan",
        "jenis": "pengawas",
        "unit": "dinas-pupr/bidang-bina-marga/seksi-jalan",
        "kelas_jabatan": 9,
        "ikhtisar": "Mengawasi pemeliharaan jalan kabupaten.",
        "persyaratan": {
            "pendidikan": {"minimal": "D3", "dasar_hukum": "pp-11-2017#pasal-54"},
            "pelatihan": ["diklat-jalan"],
            "kompetensi": {**competencies(2), "teknis": {"manajemen-jalan": 3}},
        },
    },
    "jabatan/kepala-bidang-bina-marga.yml": {
        "nama": "Kepala Bidang Bina Marga",
        "jenis": "administrator",
        "unit": "dinas-pupr/bidang-bina-marga",
        "kelas_jabatan": 11,
        "ikhtisar": "Memimpin penyelenggaraan jalan kabupaten.",
        "persyaratan": {
            "pendidikan": {"minimal": "S1"},
            "golongan": {"minimal": "III/d"},
            "pelatihan": ["pka"],
            "sertifikasi": ["sertifikat-ahli-jalan"],
            "kompetensi": competencies(3),
        },
    },
    "jabatan/teknik-jalan-ahli-pertama.yml": {
        "nama": "Teknik Jalan dan Jembatan Ahli Pertama",
        "jenis": "fungsional",
        "jabatan_fungsional": "teknik-jalan",
        "jenjang": "ahli-pertama",
        "unit": "dinas-pupr/bidang-bina-marga",
        "kelas_jabatan": 8,
        "ikhtisar": "Menyusun rencana teknis jalan.",
    },
    "jabatan/teknik-jalan-ahli-muda.yml": {
        "nama": "Teknik Jalan dan Jembatan Ahli Muda",
        "jenis": "fungsional",
        "jabatan_fungsional": "teknik-jalan",
        "jenjang": "ahli-muda",
        "unit": "dinas-pupr/bidang-bina-marga",
        "kelas_jabatan": 9,
        "ikhtisar": "Mengendalikan mutu pekerjaan jalan.",
    },
    "jalur/bina-marga.yml": {
        "nama": "Jalur Karier Bidang Bina Marga",
        "langkah": [
            {"dari": "kepala-seksi-jalan", "ke": "kepala-bidang-bina-marga", "jenis": "vertikal"},
            {
                "dari": "teknik-jalan-ahli-pertama",
                "ke": "teknik-jalan-ahli-muda",
                "jenis": "vertikal",
                "tahun_minimal": 2,
            },
            {
                "dari": "teknik-jalan-ahli-muda",
                "ke": "kepala-bidang-bina-marga",
                "jenis": "diagonal",
            },
        ],
    },
}

SAMPLE_IDS: Mapping[str, str] = {
    "jabatan": "kepala-seksi-jalan",
    "jabatan-fungsional": "teknik-jalan",
    "jalur": "bina-marga",
    "unit": "dinas-pupr",
}
"""One file of each folder kind in the minimal data, for tests that mutate one of a kind."""


def minimal_files() -> dict[str, dict[str, Any]]:
    """A fresh deep copy of the minimal valid folder: ``{relative path: document}``."""
    return copy.deepcopy(_MINIMAL)


def dump(document: Any) -> str:
    """YAML text as a person would write it: block style, keys in the given order."""
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=False)


Content = Mapping[str, Any] | str | bytes


def write_files(root: Path, files: Mapping[str, Content]) -> Path:
    """Write each entry below ``root``: dicts as YAML, str as literal text, bytes as they are."""
    root.mkdir(parents=True, exist_ok=True)
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(dump(content), encoding="utf-8")
    return root


class DataFolder:
    """The minimal valid folder plus one test's changes, written on demand."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, Content] = dict(minimal_files())

    def doc(self, relative: str) -> dict[str, Any]:
        """The document dict of one file, to change in place before writing."""
        content = self.files[relative]
        if not isinstance(content, dict):
            raise TypeError(f"{relative} is raw text, not a document")
        return content

    def put(self, relative: str, content: Content) -> DataFolder:
        """Add or replace a file: a dict (dumped as YAML), literal YAML text, or raw bytes."""
        self.files[relative] = content
        return self

    def drop(self, relative: str) -> DataFolder:
        del self.files[relative]
        return self

    def write(self) -> Path:
        return write_files(self.root, self.files)

    def validate(self) -> ValidationResult:
        return validate_project(self.write(), SHOWN_ROOT)

    def diagnostics(self) -> list[Diagnostic]:
        return list(self.validate().diagnostics)


def with_code(
    diagnostics: list[Diagnostic] | tuple[Diagnostic, ...], code: str
) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code == code]


def summary(
    diagnostics: list[Diagnostic] | tuple[Diagnostic, ...],
) -> list[tuple[str, str, int, int]]:
    """``(code, file, line, column)`` of each diagnostic: short, exact and easy to compare."""
    return [(d.code, d.location.file, d.location.line, d.location.column) for d in diagnostics]


def add_route_graph(folder: DataFolder) -> None:
    """Positions a, x, y, z, b, d where A→Y→Z→B is the fastest way to B but uses 3 moves, and
    only the slower A→X→B leaves a move for B→D: reachability must keep both routes."""
    for name in ("a", "x", "y", "z", "b", "d"):
        folder.put(
            f"jabatan/{name}.yml",
            {
                "nama": name.upper(),
                "jenis": "pelaksana",
                "unit": "dinas-pupr/bidang-bina-marga",
                "kelas_jabatan": 5,
                "ikhtisar": "Uji.",
            },
        )
    steps = [
        ("a", "x", 1),
        ("x", "b", 2),
        ("a", "y", 0.5),
        ("y", "z", 0.25),
        ("z", "b", 0.25),
        ("b", "d", 1),
    ]
    folder.put(
        "jalur/uji.yml",
        {
            "nama": "Uji",
            "langkah": [
                {"dari": s, "ke": t, "jenis": "horizontal", "tahun_minimal": y} for s, t, y in steps
            ],
        },
    )
