"""A synthetic agency of N positions, generated from a seed: the data a benchmark measures.

    python scripts/synth.py --positions 1000 --seed 1 OUT

Writes OUT/instansi.yml, unit/, jabatan/ (exactly N files), jabatan-fungsional/, jalur/,
kompetensi-teknis.yml, pelatihan.yml, rumpun-pendidikan.yml and dasar-hukum/. The same N and
seed give byte-identical files (one seeded ``random.Random``, sorted output, no clock, no set
order), so two runs of a benchmark measure the same data.

Why generate rather than copy the example: copies of the example repeat its 130 positions and
their few paths, so a large copy has the example's shape N/130 times over. A real agency grows
differently: more perangkat daerah, more bidang and seksi, more kecamatan, long ladders of
functional positions. The generator builds that shape with realistic proportions (at 1,000
positions: 3% JPT, 10% administrator, 18% pengawas, 34% pelaksana, 34% fungsional; small
agencies have relatively more heads, as real ones do), every unit type a regional
government uses (the kabupaten types and the provincial ones: biro, cabang dinas, rumah sakit,
all in one agency so one dataset covers them; the ministry-only types are left out), every
position type, job families of one category and of both, formasi with vacancies, placements in
several units, and career paths with every kind of move.

It cites only regulations the example cites (PP 11/2017, PP 17/2020, Keppres 87/1999,
PermenPANRB 38/2017, 22/2021 and 1/2023, Peraturan BKN 3/2023, UU 20/2023, at the articles the
example names) plus the agency's own regulation, which is fictional and marked so. Every figure
it writes (kelas, golongan, education) follows the example's data (tests/provinsi for the
provincial sekretaris daerah, a JPT madya). The dataset validates with no error, no warning and
no note: the keterampilan golongan ranges are the usual ones, which PK404 compares against.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

# ---------------------------------------------------------------------------------------------
# Fixed vocabulary of the synthetic agency (data, in the regulations' own terms)

OWN = "perda-sintetis-1-2026"  # the agency's pola karier regulation (fictional, marked so)
STRUCTURAL_SHARE = 0.31  # JPT + administrator + pengawas, of all positions
FUNCTIONAL_SHARE = 0.5  # of the rest (the other half are pelaksana)

MANAGERIAL = (
    "integritas",
    "kerja-sama",
    "komunikasi",
    "orientasi-pada-hasil",
    "pelayanan-publik",
    "pengembangan-diri-dan-orang-lain",
    "mengelola-perubahan",
    "pengambilan-keputusan",
)

# Dinas and badan by urusan: (name, short id, field of study, kind)
URUSAN = (
    ("Pendidikan", "pendidikan", "Manajemen Pendidikan", "dinas"),
    ("Kesehatan", "kesehatan", "Kesehatan Masyarakat", "dinas"),
    ("Pekerjaan Umum dan Penataan Ruang", "pupr", "Teknik Sipil", "dinas"),
    ("Perencanaan Pembangunan Daerah", "bappeda", "Perencanaan Wilayah dan Kota", "badan"),
    ("Komunikasi dan Informatika", "kominfo", "Teknik Informatika", "dinas"),
    ("Kepegawaian dan Pengembangan Sumber Daya Manusia", "bkpsdm", "Manajemen", "badan"),
    ("Sosial", "sosial", "Kesejahteraan Sosial", "dinas"),
    ("Perhubungan", "perhubungan", "Teknik Sipil", "dinas"),
    ("Lingkungan Hidup", "lingkungan-hidup", "Teknik Lingkungan", "dinas"),
    ("Pengelolaan Keuangan dan Aset Daerah", "bpkad", "Akuntansi", "badan"),
    ("Pertanian", "pertanian", "Agroteknologi", "dinas"),
    ("Pendapatan Daerah", "bapenda", "Akuntansi", "badan"),
    ("Kependudukan dan Pencatatan Sipil", "dukcapil", "Administrasi Publik", "dinas"),
    ("Penanggulangan Bencana Daerah", "bpbd", "Teknik Sipil", "badan"),
    ("Koperasi dan Usaha Kecil dan Menengah", "koperasi", "Ilmu Ekonomi", "dinas"),
    ("Pariwisata", "pariwisata", "Pariwisata", "dinas"),
    ("Kesatuan Bangsa dan Politik", "kesbangpol", "Ilmu Politik", "badan"),
    ("Perindustrian dan Perdagangan", "perindag", "Ilmu Ekonomi", "dinas"),
    ("Tenaga Kerja", "tenaga-kerja", "Ilmu Hukum", "dinas"),
    ("Perpustakaan dan Kearsipan", "perpustakaan", "Ilmu Perpustakaan", "dinas"),
    ("Ketahanan Pangan", "ketahanan-pangan", "Agroteknologi", "dinas"),
    ("Perikanan", "perikanan", "Ilmu Perikanan", "dinas"),
    ("Pemberdayaan Masyarakat dan Desa", "pmd", "Ilmu Pemerintahan", "dinas"),
    ("Perumahan dan Kawasan Permukiman", "perkim", "Arsitektur", "dinas"),
    ("Kepemudaan dan Olahraga", "pora", "Ilmu Keolahragaan", "dinas"),
)
BIDANG_WORDS = (
    "Perencanaan",
    "Pembinaan",
    "Pelayanan",
    "Pengembangan",
    "Pengendalian",
    "Sarana dan Prasarana",
    "Data dan Informasi",
    "Pemberdayaan",
)
SEKSI_WORDS = ("Program", "Pelaksanaan", "Evaluasi", "Standardisasi", "Pengawasan")
PLACE_HEAD = ("Suka", "Mekar", "Sari", "Jaya", "Tanjung", "Sumber", "Karang", "Cipta", "Mulya")
PLACE_TAIL = ("maju", "sari", "jaya", "mulya", "rahayu", "asih", "makmur", "indah", "wangi")

# Pelaksana titles as the example writes them: (name, kelas, education, golongan minimum)
PELAKSANA = (
    ("Pengadministrasi Perkantoran", 5, "SMA", "II/a"),
    ("Operator Layanan Operasional", 5, "SMA", "II/a"),
    ("Pengolah Data dan Informasi", 6, "D3", "II/c"),
    ("Teknisi Sarana dan Prasarana", 6, "D3", "II/c"),
    ("Penata Layanan Operasional", 7, "S1", "III/a"),
    ("Penata Laporan Keuangan", 7, "S1", "III/a"),
    ("Penelaah Teknis Kebijakan", 7, "S1", "III/a"),
)

# Job families: (id, name, categories, fields of study, where they work)
FAMILIES = (
    ("perawat", "Perawat", ("keterampilan", "keahlian"), ("Keperawatan",), "health"),
    ("auditor", "Auditor", ("keterampilan", "keahlian"), ("Akuntansi", "Manajemen"), "audit"),
    (
        "pranata-komputer",
        "Pranata Komputer",
        ("keterampilan", "keahlian"),
        ("Teknik Informatika", "Sistem Informasi"),
        "any",
    ),
    ("guru", "Guru", ("keahlian",), ("Kependidikan",), "school"),
    (
        "perencana",
        "Perencana",
        ("keahlian",),
        ("Perencanaan Wilayah dan Kota", "Ilmu Ekonomi"),
        "any",
    ),
    (
        "analis-kebijakan",
        "Analis Kebijakan",
        ("keahlian",),
        ("Administrasi Publik", "Ilmu Politik"),
        "any",
    ),
    (
        "analis-sdm-aparatur",
        "Analis Sumber Daya Manusia Aparatur",
        ("keahlian",),
        ("Manajemen", "Psikologi"),
        "any",
    ),
)
GRADES = {
    "keterampilan": ("terampil", "mahir", "penyelia"),
    "keahlian": ("ahli-pertama", "ahli-muda", "ahli-madya", "ahli-utama"),
}
GRADE_CLASS = {
    "terampil": 6,
    "mahir": 7,
    "penyelia": 8,
    "ahli-pertama": 8,
    "ahli-muda": 10,
    "ahli-madya": 12,
    "ahli-utama": 14,
}
GRADE_RANK = {  # keahlian: Keppres 87/1999 Pasal 5; keterampilan: as the example's regulation
    "terampil": ("II/b", "II/d"),
    "mahir": ("III/a", "III/b"),
    "penyelia": ("III/c", "III/d"),
    "ahli-pertama": ("III/a", "III/b"),
    "ahli-muda": ("III/c", "III/d"),
    "ahli-madya": ("IV/a", "IV/c"),
    "ahli-utama": ("IV/d", "IV/e"),
}
GRADE_LEVEL = {  # usual competency levels, as the example writes them
    "terampil": 2,
    "mahir": 2,
    "penyelia": 3,
    "ahli-pertama": 2,
    "ahli-muda": 3,
    "ahli-madya": 4,
    "ahli-utama": 5,
}
GRADE_NAME = {
    "terampil": "Terampil",
    "mahir": "Mahir",
    "penyelia": "Penyelia",
    "ahli-pertama": "Ahli Pertama",
    "ahli-muda": "Ahli Muda",
    "ahli-madya": "Ahli Madya",
    "ahli-utama": "Ahli Utama",
}
# Structural types: (competency level, training, golongan minimum, experience types, years)
STRUCTURAL = {
    "jpt-madya": (4, "pkn-ii", "IV/c", ("jpt-pratama",), 2),
    "jpt-pratama": (4, "pkn-ii", "IV/b", ("administrator", "ahli-madya"), 2),
    "administrator": (3, "pka", "III/d", ("pengawas", "ahli-muda"), 3),
    "pengawas": (
        2,
        "pkp",
        "III/c",
        ("pelaksana", "ahli-pertama", "terampil", "mahir", "penyelia"),
        4,
    ),
}
TIER = {"pelaksana": 1, "pengawas": 2, "administrator": 3, "jpt-pratama": 4, "jpt-madya": 5}
GRADE_TIER = {
    "terampil": 1,
    "mahir": 1,
    "penyelia": 1,
    "ahli-pertama": 1,
    "ahli-muda": 2,
    "ahli-madya": 3,
    "ahli-utama": 4,
}


# ---------------------------------------------------------------------------------------------
# Building blocks


def slug(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")


@dataclass
class Unit:
    id: str
    name: str
    kind: str
    path: str
    pd: str
    head: str | None = None  # id of the position heading the unit
    subs: list[Unit] = field(default_factory=list)

    def add(self, ident: str, name: str, kind: str) -> Unit:
        unit = Unit(ident, name, kind, f"{self.path}/{ident}", self.pd)
        self.subs.append(unit)
        return unit

    def walk(self) -> Iterator[Unit]:
        yield self
        for sub in self.subs:
            yield from sub.walk()

    def document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"id": self.id, "nama": self.name, "jenis": self.kind}
        if self.subs:
            doc["sub"] = [s.document() for s in self.subs]
        return doc


@dataclass
class Position:
    id: str
    type: str  # jenis
    kelas: int
    units: list[str]
    pd: str
    grade: str | None = None
    family: str | None = None
    doc: dict[str, Any] = field(default_factory=dict)

    @property
    def tier(self) -> int:
        return GRADE_TIER[self.grade] if self.grade else TIER[self.type]


@dataclass
class Move:
    source: str
    target: str
    kind: str
    years: int | None
    conditions: tuple[str, ...]
    basis: tuple[str, ...]

    def document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"dari": self.source, "ke": self.target, "jenis": self.kind}
        if self.years is not None:
            doc["tahun_minimal"] = self.years
        if self.conditions:
            doc["syarat"] = list(self.conditions)
        doc["dasar_hukum"] = list(self.basis) if len(self.basis) > 1 else self.basis[0]
        return doc


class NoAliasDumper(yaml.SafeDumper):
    """Writes shared Python objects out in full: the loader rejects anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(path: Path, document: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = "# Data sintetis (scripts/synth.py): instansi, unit, jabatan dan peraturannya fiktif.\n"
    body = yaml.dump(document, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(head + body, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# The agency


class Agency:
    """Everything generated, kept in insertion order (deterministic for a seed)."""

    def __init__(self, positions: int, seed: int) -> None:
        self.target = positions
        self.rng = random.Random(seed)
        self.pds: list[Unit] = []
        self.urusan: dict[str, tuple[str, str]] = {}  # pd id -> (competency id, field)
        self.positions: dict[str, Position] = {}
        self.moves: dict[str, list[Move]] = {}  # jalur id -> moves
        self.path_names: dict[str, str] = {}
        self.width = 1 + min(3, positions // 800)
        self.places = self._place_names()

    # -- ids and names ------------------------------------------------------------------------

    def _place_names(self) -> list[str]:
        names = [h + t for h in PLACE_HEAD for t in PLACE_TAIL if not h.lower().endswith(t)]
        self.rng.shuffle(names)
        return names

    def place(self, index: int) -> str:
        base = self.places[index % len(self.places)]
        rounds = index // len(self.places)
        return base if rounds == 0 else f"{base} {rounds + 1}"

    def new_id(self, words: str) -> str:
        base = slug(words)[:110].strip("-")
        ident, n = base, 2
        while ident in self.positions:
            ident, n = f"{base}-{n}", n + 1
        return ident

    # -- positions ----------------------------------------------------------------------------

    def structural(self, unit: Unit, kind: str, name: str, kelas: int) -> Position:
        level, training, rank, before, years = STRUCTURAL[kind]
        competency, study = self.urusan[unit.pd]
        ident = self.new_id(
            f"{name} {unit.pd}" if not name.endswith(self.pd_name(unit.pd)) else name
        )
        floor = "D3" if kind == "pengawas" else "S1"
        basis = "pp-17-2020#pasal-107" if kind.startswith("jpt") else "pp-11-2017#pasal-54"
        doc = {
            "nama": name,
            "jenis": kind,
            "unit": unit.path,
            "kebutuhan": 1,
            "bezetting": 0 if self.rng.random() < 0.12 else 1,
            "kelas_jabatan": kelas,
            "ikhtisar": f"Memimpin pelaksanaan tugas {unit.name} sesuai kewenangannya.",
            "tugas": [
                f"Menyusun rencana kerja {unit.name}.",
                f"Mengoordinasikan dan mengendalikan pelaksanaan tugas {unit.name}.",
                "Melaporkan hasil pelaksanaan tugas kepada atasan.",
            ],
            "persyaratan": {
                "pendidikan": {
                    "minimal": floor,
                    "bidang": sorted({study, "Administrasi Publik"}),
                    "dasar_hukum": [basis, f"{OWN}#pasal-8"],
                },
                "golongan": {"minimal": rank, "dasar_hukum": f"{OWN}#pasal-9"},
                "pengalaman": [
                    {"jenis": list(before), "tahun": years, "dasar_hukum": basis},
                ],
                "pelatihan": [training, f"bimtek-{competency}"],
                "kinerja": {"predikat_minimal": "baik", "tahun": 2, "dasar_hukum": basis},
                "kompetensi": self.competencies(level, {competency: min(level + 1, 5)}),
            },
            "dasar_hukum": f"{OWN}#pasal-10",
        }
        return self.add(Position(ident, kind, kelas, [unit.path], unit.pd, doc=doc), unit)

    def pelaksana(self, units: list[Unit]) -> Position:
        name, kelas, education, rank = self.rng.choice(PELAKSANA)
        home = units[0]
        competency, study = self.urusan[home.pd]
        ident = self.new_id(f"{name} {home.id} {home.pd}")
        doc: dict[str, Any] = {"nama": name, "jenis": "pelaksana"}
        if len(units) == 1:
            need = self.rng.randint(1, 4)
            doc.update(unit=home.path, kebutuhan=need, bezetting=self.rng.randint(0, need))
        else:
            placed = []
            for unit in units:
                need = self.rng.randint(1, 3)
                placed.append(
                    {"unit": unit.path, "kebutuhan": need, "bezetting": self.rng.randint(0, need)}
                )
            doc["penempatan"] = placed
        doc.update(
            kelas_jabatan=kelas,
            ikhtisar=f"Melaksanakan tugas {name.lower()} pada {home.name}.",
            persyaratan={
                "pendidikan": {
                    "minimal": education,
                    "bidang": [study] if education != "SMA" else [],
                    "dasar_hukum": f"{OWN}#pasal-8",
                },
                "golongan": {"minimal": rank, "dasar_hukum": f"{OWN}#pasal-9"},
                "pengalaman": [{"tahun": 1, "dasar_hukum": f"{OWN}#pasal-12"}],
                "pelatihan": ["latsar"],
                "kinerja": {
                    "predikat_minimal": "baik",
                    "tahun": 1,
                    "dasar_hukum": f"{OWN}#pasal-12",
                },
                "kompetensi": self.competencies(1, {competency: 2}),
            },
        )
        if not doc["persyaratan"]["pendidikan"]["bidang"]:
            del doc["persyaratan"]["pendidikan"]["bidang"]
        paths = [u.path for u in units]
        return self.add(Position(ident, "pelaksana", kelas, paths, home.pd, doc=doc), home)

    def functional(self, unit: Unit, family: str, name: str, grade: str) -> Position:
        ident = self.new_id(f"{family} {grade} {unit.id} {unit.pd}")
        need = self.rng.randint(1, 6)
        doc = {
            "nama": f"{name} {GRADE_NAME[grade]}",
            "jenis": "fungsional",
            "jabatan_fungsional": family,
            "jenjang": grade,
            "unit": unit.path,
            "kebutuhan": need,
            "bezetting": self.rng.randint(0, need),
            "kelas_jabatan": GRADE_CLASS[grade],
            "ikhtisar": f"Melaksanakan tugas jabatan fungsional {name.lower()} pada {unit.name}.",
        }
        position = Position(
            ident, "fungsional", GRADE_CLASS[grade], [unit.path], unit.pd, grade, family, doc
        )
        return self.add(position, unit)

    def add(self, position: Position, unit: Unit) -> Position:
        self.positions[position.id] = position
        return position

    def competencies(self, level: int, technical: dict[str, int]) -> dict[str, Any]:
        return {
            "manajerial": dict.fromkeys(MANAGERIAL, level),
            "sosial_kultural": {"perekat-bangsa": level},
            "teknis": technical,
            "dasar_hukum": "permenpanrb-38-2017#lampiran",
        }

    def pd_name(self, pd: str) -> str:
        return next(u.name for u in self.pds if u.id == pd)

    # -- moves --------------------------------------------------------------------------------

    def move(self, path: str, source: Position, target: Position, kind: str) -> None:
        if kind == "vertikal" and source.grade and target.grade:
            conditions: tuple[str, ...] = (
                "Memenuhi angka kredit kumulatif untuk kenaikan jenjang.",
                "Lulus uji kompetensi kenaikan jenjang.",
            )
            basis: tuple[str, ...] = ("permenpanrb-1-2023#pasal-30", "perbkn-3-2023")
            years = None
        elif kind == "horizontal":
            conditions = ("Sesuai kebutuhan organisasi dan hasil pemetaan talenta.",)
            basis = ("pp-11-2017#pasal-190", f"{OWN}#pasal-7")
            years = 2
        elif target.type.startswith("jpt"):
            conditions = ("Mengikuti dan lulus seleksi terbuka jabatan pimpinan tinggi.",)
            basis = ("pp-17-2020#pasal-107", f"{OWN}#pasal-5")
            years = 2
        else:
            conditions = ("Lulus uji kompetensi jabatan yang dituju.", "Tersedia lowongan jabatan.")
            basis = ("pp-11-2017#pasal-54", f"{OWN}#pasal-5")
            years = 3 if target.type == "administrator" else 4
        if bool(source.grade) != bool(target.grade):
            basis = (*basis, f"{OWN}#pasal-6")
        self.moves.setdefault(path, []).append(
            Move(source.id, target.id, kind, years, conditions, basis)
        )


# ---------------------------------------------------------------------------------------------
# Organisation: perangkat daerah with their units and structural positions


def build_organisation(agency: Agency) -> None:
    """Perangkat daerah are added until the structural positions reach their share of N: the
    fixed ones (setda, DPRD secretariat, inspektorat, rumah sakit, the first dinas and badan,
    one kecamatan) and then dinas, badan and kecamatan in turn."""
    budget = int(agency.target * STRUCTURAL_SHARE)
    setda(agency)
    secretariat_dprd(agency)
    inspectorate(agency)
    hospital(agency)
    for index in range(4):  # pendidikan, kesehatan, pupr, bappeda
        service(agency, index)
    district(agency, 0)
    n_service, n_district = 4, 1
    while True:
        size = sum(1 for p in agency.positions.values() if p.type != "pelaksana")
        if size >= budget:
            break
        if n_district * 2 < n_service:
            district(agency, n_district)
            n_district += 1
        else:
            service(agency, n_service)
            n_service += 1


def new_pd(agency: Agency, ident: str, name: str, kind: str, urusan: tuple[str, str]) -> Unit:
    unit = Unit(ident, name, kind, ident, ident)
    agency.pds.append(unit)
    agency.urusan[ident] = urusan
    return unit


def head(agency: Agency, unit: Unit, kind: str, name: str, kelas: int) -> Position:
    position = agency.structural(unit, kind, name, kelas)
    unit.head = position.id
    return position


def secretariat(agency: Agency, pd: Unit, kelas: int = 12, subs: int = 2) -> Unit:
    sek = pd.add("sekretariat", "Sekretariat", "sekretariat")
    head(agency, sek, "administrator", f"Sekretaris {pd.name}", kelas)
    for name in ("Subbagian Umum dan Kepegawaian", "Subbagian Keuangan", "Subbagian Program")[
        :subs
    ]:
        sub = sek.add(slug(name), name, "subbagian")
        head(agency, sub, "pengawas", f"Kepala {name}", 9)
    return sek


def setda(agency: Agency) -> None:
    pd = new_pd(
        agency,
        "setda",
        "Sekretariat Daerah",
        "sekretariat-daerah",
        ("penyelenggaraan-pemerintahan-daerah", "Ilmu Pemerintahan"),
    )
    pd.name = "Sekretariat Daerah"
    head(agency, pd, "jpt-madya", "Sekretaris Daerah", 16)
    assistants = (
        "Pemerintahan dan Kesejahteraan Rakyat",
        "Perekonomian dan Pembangunan",
        "Administrasi Umum",
    )
    for index, topic in enumerate(assistants[: min(3, agency.width)]):
        asisten = pd.add(f"asisten-{slug(topic)}", f"Asisten {topic}", "asisten")
        head(agency, asisten, "jpt-pratama", f"Asisten {topic}", 15)
        parents = [asisten]
        if index == 0:  # the provincial form: a biro under the asisten, bagian under the biro
            biro = asisten.add(f"biro-{slug(topic)}", f"Biro {topic}", "biro")
            head(agency, biro, "jpt-pratama", f"Kepala Biro {topic}", 14)
            parents = [biro]
        for parent in parents:
            for word in BIDANG_WORDS[index : index + agency.width]:
                bagian = parent.add(f"bagian-{slug(word)}", f"Bagian {word}", "bagian")
                head(agency, bagian, "administrator", f"Kepala Bagian {word}", 11)
                sub = bagian.add("subbagian-administrasi", "Subbagian Administrasi", "subbagian")
                head(agency, sub, "pengawas", f"Kepala Subbagian Administrasi {word}", 9)


def secretariat_dprd(agency: Agency) -> None:
    pd = new_pd(
        agency,
        "setwan",
        "Sekretariat DPRD",
        "sekretariat-dprd",
        ("penyelenggaraan-pemerintahan-daerah", "Ilmu Hukum"),
    )
    head(agency, pd, "jpt-pratama", "Sekretaris DPRD", 14)
    for word in ("Persidangan", "Keuangan")[: agency.width]:
        bagian = pd.add(f"bagian-{slug(word)}", f"Bagian {word}", "bagian")
        head(agency, bagian, "administrator", f"Kepala Bagian {word}", 11)
        sub = bagian.add("subbagian-tata-usaha", "Subbagian Tata Usaha", "subbagian")
        head(agency, sub, "pengawas", f"Kepala Subbagian Tata Usaha Bagian {word}", 9)


def inspectorate(agency: Agency) -> None:
    pd = new_pd(
        agency,
        "inspektorat",
        "Inspektorat",
        "inspektorat",
        ("pengawasan-intern-pemerintah", "Akuntansi"),
    )
    head(agency, pd, "jpt-pratama", "Inspektur", 14)
    secretariat(agency, pd, subs=1)
    pd.add("kelompok-auditor", "Kelompok Jabatan Fungsional Auditor", "kelompok-jabatan-fungsional")


def hospital(agency: Agency) -> None:
    pd = new_pd(
        agency,
        "rumah-sakit-daerah",
        "Rumah Sakit Daerah",
        "rumah-sakit",
        ("asuhan-keperawatan", "Keperawatan"),
    )
    head(agency, pd, "jpt-pratama", "Direktur Rumah Sakit Daerah", 14)
    bidang = pd.add("bidang-pelayanan", "Bidang Pelayanan", "bidang")
    head(agency, bidang, "administrator", "Kepala Bidang Pelayanan Rumah Sakit", 11)
    seksi = bidang.add("seksi-keperawatan", "Seksi Keperawatan", "seksi")
    head(agency, seksi, "pengawas", "Kepala Seksi Keperawatan Rumah Sakit", 9)
    pd.add("instalasi-rawat-inap", "Instalasi Rawat Inap", "kelompok-jabatan-fungsional")


def service(agency: Agency, index: int) -> None:
    """A dinas or badan; the first ones carry the special units (cabang dinas and schools,
    puskesmas and RSUD, UPTD)."""
    name, short, study, kind = URUSAN[index % len(URUSAN)]
    rounds = index // len(URUSAN)
    ident = short if rounds == 0 else f"{short}-{rounds + 1}"
    title = f"{'Dinas' if kind == 'dinas' else 'Badan'} {name}" + (
        f" {rounds + 1}" if rounds else ""
    )
    pd = new_pd(agency, ident, title, kind, (f"urusan-{short}", study))
    head(agency, pd, "jpt-pratama", f"Kepala {title}", 14)
    secretariat(agency, pd, subs=min(3, 1 + agency.width // 2))
    words = BIDANG_WORDS[index % 3 : index % 3 + agency.width]
    sub_kind = "subbidang" if kind == "badan" else "seksi"
    for word in words:
        bidang = pd.add(f"bidang-{slug(word)}", f"Bidang {word}", "bidang")
        head(agency, bidang, "administrator", f"Kepala Bidang {word}", 11)
        for seksi_word in SEKSI_WORDS[: agency.rng.randint(1, max(1, agency.width))]:
            label = f"{'Subbidang' if kind == 'badan' else 'Seksi'} {seksi_word} {word}"
            sub = bidang.add(slug(label), label, sub_kind)
            head(agency, sub, "pengawas", f"Kepala {label}", 9)
    pd.add(
        "kelompok-jabatan-fungsional", "Kelompok Jabatan Fungsional", "kelompok-jabatan-fungsional"
    )
    if short == "pendidikan":
        for n in range(1, agency.width + 1):
            cabang = pd.add(
                f"cabang-dinas-wilayah-{n}", f"Cabang Dinas Wilayah {n}", "cabang-dinas"
            )
            head(agency, cabang, "administrator", f"Kepala Cabang Dinas Pendidikan Wilayah {n}", 11)
            tu = cabang.add("subbagian-tata-usaha", "Subbagian Tata Usaha", "subbagian")
            head(agency, tu, "pengawas", f"Kepala Subbagian Tata Usaha Cabang Dinas Wilayah {n}", 8)
            for s in range(1, 3):
                school = f"Sekolah Menengah Negeri {2 * (n - 1) + s}"
                cabang.add(slug(school), school, "satuan-pendidikan")
    if short == "kesehatan":
        for n in range(agency.width):
            place = agency.place(n + 1)
            pkm = pd.add(f"puskesmas-{slug(place)}", f"UPTD Puskesmas {place}", "puskesmas")
            tu = pkm.add("subbagian-tata-usaha", "Subbagian Tata Usaha", "subbagian")
            head(agency, tu, "pengawas", f"Kepala Subbagian Tata Usaha Puskesmas {place}", 8)
        rsud = pd.add("rsud", "Rumah Sakit Umum Daerah", "rsud")
        head(agency, rsud, "administrator", "Direktur Rumah Sakit Umum Daerah", 12)
    if short in {"pupr", "lingkungan-hidup", "pertanian", "perhubungan"}:
        uptd = pd.add("uptd-pelayanan", f"UPTD Pelayanan {name}", "uptd")
        head(agency, uptd, "pengawas", f"Kepala UPTD Pelayanan {name}", 9)


def district(agency: Agency, index: int) -> None:
    place = agency.place(index)
    ident = f"kecamatan-{slug(place)}"
    pd = new_pd(
        agency,
        ident,
        f"Kecamatan {place}",
        "kecamatan",
        ("penyelenggaraan-pemerintahan-daerah", "Ilmu Pemerintahan"),
    )
    head(agency, pd, "administrator", f"Camat {place}", 12)
    sek = pd.add("sekretariat", "Sekretariat Kecamatan", "sekretariat")
    head(agency, sek, "administrator", f"Sekretaris Kecamatan {place}", 11)
    for word in ("Pemerintahan", "Pelayanan Umum", "Ketenteraman dan Ketertiban Umum")[
        : agency.width
    ]:
        seksi = pd.add(f"seksi-{slug(word)}", f"Seksi {word}", "seksi")
        head(agency, seksi, "pengawas", f"Kepala Seksi {word} Kecamatan {place}", 9)
    for n in range(agency.width):
        village = agency.place(index * agency.width + n + 3)
        kel = pd.add(f"kelurahan-{slug(village)}", f"Kelurahan {village}", "kelurahan")
        head(agency, kel, "pengawas", f"Lurah {village}", 9)


# ---------------------------------------------------------------------------------------------
# Filling: pelaksana and functional positions, then the career paths


def fill(agency: Agency) -> None:
    """The rest of N: half pelaksana in units headed by a pengawas, half functional positions
    in ladders of consecutive jenjang."""
    rest = agency.target - len(agency.positions)
    if rest < len(FAMILIES) * 2:
        raise SystemExit(
            f"--positions {agency.target} is too small: "
            f"use at least {len(agency.positions) + 2 * len(FAMILIES)}"
        )
    functional = int(rest * FUNCTIONAL_SHARE)
    pelaksana = rest - functional
    ladders(agency, functional)
    slots = [
        u
        for pd in agency.pds
        for u in pd.walk()
        if u.head and agency.positions[u.head].type == "pengawas"
    ]
    for index in range(pelaksana):
        unit = slots[index % len(slots)] if index < len(slots) else agency.rng.choice(slots)
        units = [unit]
        if agency.rng.random() < 0.1:  # the same position in several units of its perangkat daerah
            same_pd = [u for u in slots if u.pd == unit.pd and u is not unit]
            units += agency.rng.sample(same_pd, min(len(same_pd), agency.rng.randint(1, 2)))
        agency.pelaksana(units)


def family_units(agency: Agency, where: str) -> list[Unit]:
    units = [u for pd in agency.pds for u in pd.walk()]
    if where == "health":
        return [
            u
            for u in units
            if u.kind in {"puskesmas", "rsud"}
            or (u.pd == "rumah-sakit-daerah" and u.kind == "kelompok-jabatan-fungsional")
        ]
    if where == "audit":
        return [
            u for u in units if u.pd == "inspektorat" and u.kind == "kelompok-jabatan-fungsional"
        ]
    if where == "school":
        return [u for u in units if u.kind == "satuan-pendidikan"]
    return [
        u
        for u in units
        if u.kind in {"kelompok-jabatan-fungsional", "bidang"} and u.pd != "inspektorat"
    ]


def ladders(agency: Agency, count: int) -> None:
    """Functional positions in ladders: one family's jenjang in order, in one unit. Every family
    gets a ladder first, so every family and both categories are present at any N."""
    made = 0
    index = 0
    used: dict[str, set[str]] = {}
    while made < count:
        family, name, categories, _, where = FAMILIES[index % len(FAMILIES)]
        index += 1
        grades = [g for c in categories for g in GRADES[c]]
        if "ahli-utama" in grades and agency.rng.random() < 0.8:
            grades.remove("ahli-utama")  # an ahli utama is rare in a regional government
        if len(categories) == 2 and agency.rng.random() < 0.5:
            grades = grades[:3] if agency.rng.random() < 0.5 else grades[3:]
        grades = grades[: count - made]
        if len(grades) < 2 and made + 2 <= count:
            grades = [g for c in categories for g in GRADES[c]][:2]
        unit = ladder_unit(agency, used.setdefault(family, set()), where)
        rungs = [agency.functional(unit, family, name, grade) for grade in grades]
        made += len(rungs)
        for low, high in pairwise(rungs):
            agency.move(f"jf-{family}", low, high, "vertikal")


def ladder_unit(agency: Agency, taken: set[str], where: str) -> Unit:
    """A unit where the family has no ladder yet: one position per family, jenjang and unit, as
    a real peta jabatan has (more people go into its kebutuhan). Schools, puskesmas and groups
    of auditors are added when the family has used all of them."""
    free = [u for u in family_units(agency, where) if u.path not in taken]
    if not free:
        free = [grow(agency, where)] if where != "any" else family_units(agency, where)
    unit = agency.rng.choice(free)
    taken.add(unit.path)
    return unit


def grow(agency: Agency, where: str) -> Unit:
    pds = {pd.id: pd for pd in agency.pds}
    if where == "school":
        branches = [u for u in pds["pendidikan"].subs if u.kind == "cabang-dinas"]
        branch = min(branches, key=lambda u: (len(u.subs), u.id))
        number = sum(len(b.subs) for b in branches) + 1
        name = f"Sekolah Menengah Negeri {number}"
        return branch.add(slug(name), name, "satuan-pendidikan")
    if where == "health":
        number = sum(1 for u in pds["kesehatan"].subs if u.kind == "puskesmas") + 1
        place = agency.place(number)
        return pds["kesehatan"].add(
            f"puskesmas-{slug(place)}", f"UPTD Puskesmas {place}", "puskesmas"
        )
    number = len(pds["inspektorat"].subs)
    name = f"Kelompok Auditor Wilayah {number}"
    return pds["inspektorat"].add(slug(name), name, "kelompok-jabatan-fungsional")


def career_paths(agency: Agency) -> None:
    """Vertical moves up each unit's chain of heads; diagonal moves from the top of each
    functional ladder and from administrators to JPT; horizontal moves between equal
    structural positions of different perangkat daerah (mutasi) and between JA and JF."""
    by_unit = {u.path: u for pd in agency.pds for u in pd.walk()}
    for pd in agency.pds:
        path = f"pd-{pd.id}"
        agency.path_names[path] = f"Jalur Karier {pd.name}"
        for unit in pd.walk():
            if unit.head is None:
                continue
            boss = superior(agency, by_unit, unit.path)
            if boss is not None:
                low, high = agency.positions[unit.head], boss
                kind = (
                    "vertikal"
                    if (low.type.startswith("jpt") == high.type.startswith("jpt"))
                    else "diagonal"
                )
                agency.move(path, low, high, kind)
        for position in agency.positions.values():
            if position.pd != pd.id or position.type not in {"pelaksana", "fungsional"}:
                continue
            unit = by_unit[position.units[0]]
            if position.type == "pelaksana":
                agency.move(path, position, agency.positions[unit.head or ""], "vertikal")
    exits(agency, by_unit)
    mutasi(agency)


def superior(agency: Agency, by_unit: dict[str, Unit], path: str) -> Position | None:
    """The head of the nearest unit above of a higher tier, or of the same type and a higher
    kelas (a kepala biro under an asisten); None for the head of a perangkat daerah."""
    own = agency.positions[by_unit[path].head or ""]
    parts = path.split("/")
    for depth in range(len(parts) - 1, 0, -1):
        above = by_unit["/".join(parts[:depth])].head
        if above is None:
            continue
        boss = agency.positions[above]
        if boss.tier > own.tier or (boss.type == own.type and boss.kelas > own.kelas):
            return boss
    return None


def exits(agency: Agency, by_unit: dict[str, Unit]) -> None:
    """The top rung of every ladder moves diagonally to a structural position one tier up in
    its perangkat daerah; some pelaksana, pengawas and administrators move horizontally into
    a functional position of their tier; administrators of a kecamatan go to JPT."""
    rungs = sorted(
        (p for p in agency.positions.values() if p.grade),
        key=lambda p: (p.family or "", p.units[0], GRADE_CLASS[p.grade or ""], p.id),
    )
    structural_by_pd: dict[str, list[Position]] = {}
    for p in agency.positions.values():
        if p.type not in {"fungsional", "pelaksana"}:
            structural_by_pd.setdefault(p.pd, []).append(p)
    jpt = [p for p in agency.positions.values() if p.type == "jpt-pratama"]
    tops: dict[tuple[str, str], Position] = {}
    for rung in rungs:
        tops[(rung.family or "", rung.units[0])] = rung  # last one per ladder unit = highest
    for top in tops.values():
        up = [p for p in structural_by_pd.get(top.pd, []) if p.tier == top.tier + 1]
        if not up and top.tier + 1 == 4:
            up = jpt
        if up:
            agency.move(
                "jf-ke-struktural",
                top,
                agency.rng.choice(sorted(up, key=lambda p: p.id)),
                "diagonal",
            )
    # Horizontal between JA and JF of one tier (both directions occur in the example).
    pool = {t: [p for p in rungs if p.tier == t] for t in (1, 2, 3)}
    for position in sorted(agency.positions.values(), key=lambda p: p.id):
        if position.grade or position.tier not in pool or not pool[position.tier]:
            continue
        if position.type == "pelaksana" and position.kelas < 7:
            continue
        if agency.rng.random() < 0.15:
            target = agency.rng.choice(pool[position.tier])
            agency.move("struktural-ke-jf", position, target, "horizontal")
    for camat in sorted(agency.positions.values(), key=lambda p: p.id):
        head_of_district = by_unit[camat.units[0]].kind == "kecamatan"
        if camat.type == "administrator" and head_of_district and jpt:
            target = agency.rng.choice(sorted(jpt, key=lambda p: p.id))
            agency.move("seleksi-jpt", camat, target, "diagonal")


def mutasi(agency: Agency) -> None:
    """Horizontal moves between structural positions of one type and kelas in different
    perangkat daerah, in chunks of 150 moves per jalur file."""
    groups: dict[tuple[str, int], list[Position]] = {}
    for p in sorted(agency.positions.values(), key=lambda p: p.id):
        if p.type in {"jpt-pratama", "administrator", "pengawas", "pelaksana"}:
            groups.setdefault((p.type, p.kelas), []).append(p)
    moves = []
    for key in sorted(groups):
        members = groups[key]
        agency.rng.shuffle(members)
        share = 0.25 if key[0] == "pelaksana" else 0.6
        for a, b in pairwise(members):
            if a.pd != b.pd and agency.rng.random() < share:
                moves.append((a, b))
    for n, (a, b) in enumerate(moves):
        agency.move(f"mutasi-{n // 150 + 1}", a, b, "horizontal")


# ---------------------------------------------------------------------------------------------
# Writing the files


PATH_TITLES = {
    "jf-ke-struktural": "Perpindahan Jabatan Fungsional ke Jabatan Struktural",
    "struktural-ke-jf": "Perpindahan Jabatan Administrasi ke Jabatan Fungsional",
    "seleksi-jpt": "Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama",
}


def write(agency: Agency, out: Path) -> None:
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty: give a new or empty folder")
    dump(out / "instansi.yml", instansi())
    dump(out / "dasar-hukum" / f"{OWN}.yml", own_regulation())
    for pd in agency.pds:
        doc = pd.document()
        doc.pop("jenis")
        doc.pop("id")
        doc = {"nama": pd.name, "jenis": pd.kind, **{k: v for k, v in doc.items() if k != "nama"}}
        dump(out / "unit" / f"{pd.id}.yml", doc)
    for ident in sorted(agency.positions):
        dump(out / "jabatan" / f"{ident}.yml", agency.positions[ident].doc)
    for family in FAMILIES:
        dump(out / "jabatan-fungsional" / f"{family[0]}.yml", family_document(family))
    for ident in sorted(agency.moves):
        name = agency.path_names.get(ident) or PATH_TITLES.get(ident) or title_of(ident)
        doc = {
            "nama": name,
            "dasar_hukum": ["pp-11-2017#pasal-189", "permenpanrb-22-2021", f"{OWN}#pasal-5"],
            "langkah": [m.document() for m in agency.moves[ident]],
        }
        dump(out / "jalur" / f"{ident}.yml", doc)
    dump(out / "kompetensi-teknis.yml", technical_competencies(agency))
    dump(out / "pelatihan.yml", trainings(agency))
    dump(out / "rumpun-pendidikan.yml", field_groups())


def title_of(ident: str) -> str:
    if ident.startswith("jf-"):
        family = next(f for f in FAMILIES if f[0] == ident[3:])
        return f"Jalur Karier Jabatan Fungsional {family[1]}"
    return f"Mutasi Antarperangkat Daerah {ident.rsplit('-', 1)[1]}"


def instansi() -> dict[str, Any]:
    return {
        "nama": "Pemerintah Daerah Sintetis",
        "singkatan": "Pemda Sintetis",
        "fiktif": True,
        "regulasi": {
            "dasar_hukum_id": OWN,
            "jenis": "Peraturan Daerah",
            "nomor": "1",
            "tahun": 2026,
            "tentang": "Pola Karier Pegawai Negeri Sipil di Lingkungan Pemerintah Daerah Sintetis",
            "fiktif": True,
        },
        "dasar_hukum": [
            "uu-20-2023",
            "pp-11-2017#pasal-188",
            "pp-11-2017#pasal-189",
            "pp-17-2020",
            "permenpanrb-22-2021",
            "permenpanrb-38-2017",
            "permenpanrb-1-2023",
            "perbkn-3-2023",
        ],
        "manajemen_talenta": {"jabatan_target": [{"jenis": "jpt-pratama", "jumlah_suksesor": 2}]},
    }


def own_regulation() -> dict[str, Any]:
    articles = {
        "pasal-5": "Jalur karier ditempuh melalui perpindahan vertikal, horizontal, dan diagonal.",
        "pasal-6": "Kesetaraan jenjang antara jabatan administrasi dan jabatan fungsional.",
        "pasal-7": "Masa jabatan paling singkat sebelum perpindahan horizontal.",
        "pasal-8": "Kualifikasi dan bidang pendidikan setiap jabatan.",
        "pasal-9": "Pangkat paling rendah setiap jabatan dan rentang pangkat jenjang keterampilan.",
        "pasal-10": "Pelatihan kepemimpinan bagi calon pejabat struktural.",
        "pasal-12": "Syarat pengalaman dan kinerja yang ditetapkan daerah.",
    }
    return {
        "jenis": "Peraturan Daerah",
        "singkatan": "Perda Sintetis 1/2026",
        "nomor": "1",
        "tahun": 2026,
        "tentang": "Pola Karier Pegawai Negeri Sipil di Lingkungan Pemerintah Daerah Sintetis",
        "fiktif": True,
        "status": "berlaku",
        "keterangan": "Peraturan fiktif untuk data sintetis pengukuran kinerja pola-karir.",
        "pasal": {
            key: {"sebutan": f"Pasal {key.split('-')[1]}", "isi": text}
            for key, text in articles.items()
        },
    }


def family_document(family: tuple[Any, ...]) -> dict[str, Any]:
    ident, name, categories, fields, _ = family
    grades: dict[str, Any] = {}
    for category in categories:
        for grade in GRADES[category]:
            low, high = GRADE_RANK[grade]
            keahlian = category == "keahlian"
            level = GRADE_LEVEL[grade]
            requirements: dict[str, Any] = {
                "pendidikan": {
                    "minimal": "S1" if keahlian else "D3",
                    "bidang": list(fields),
                    "dasar_hukum": "pp-11-2017#pasal-75" if keahlian else "pp-11-2017#pasal-78",
                },
                "golongan": {
                    "minimal": low,
                    "maksimal": high,
                    "dasar_hukum": "keppres-87-1999#pasal-5" if keahlian else f"{OWN}#pasal-9",
                },
                "pelatihan": [f"pelatihan-fungsional-{ident}"],
                "kinerja": {"predikat_minimal": "baik", "tahun": 1},
                "kompetensi": {
                    "manajerial": dict.fromkeys(MANAGERIAL, level),
                    "sosial_kultural": {"perekat-bangsa": level},
                    "teknis": {f"teknis-{ident}": min(5, level + 1)},
                    "dasar_hukum": "permenpanrb-38-2017#lampiran",
                },
            }
            if ident == "perawat":
                requirements["sertifikasi"] = ["str-perawat"]
            grades[grade] = {
                "kelas_jabatan": GRADE_CLASS[grade],
                "ikhtisar": f"Melaksanakan tugas {name.lower()} jenjang "
                f"{GRADE_NAME[grade].lower()}.",
                "persyaratan": requirements,
            }
    return {
        "nama": name,
        "kategori": categories[0] if len(categories) == 1 else list(categories),
        "ikhtisar": f"Jabatan fungsional {name.lower()} di lingkungan Pemerintah Daerah Sintetis.",
        "dasar_hukum": ["uu-20-2023#pasal-18", "pp-11-2017#pasal-74"],
        "jenjang": grades,
    }


def technical_competencies(agency: Agency) -> dict[str, Any]:
    names: dict[str, str] = {}
    for pd in agency.pds:
        ident = agency.urusan[pd.id][0]
        topic = pd.name.removeprefix("Dinas ").removeprefix("Badan ")
        names.setdefault(ident, "Penyelenggaraan Urusan " + re.sub(r" \d+$", "", topic))
    for family in FAMILIES:
        names[f"teknis-{family[0]}"] = f"Substansi Jabatan Fungsional {family[1]}"
    entries = {}
    for ident in sorted(names):
        topic = names[ident]
        entries[ident] = {
            "nama": topic,
            "kelompok": "teknis",
            "definisi": f"Kemampuan menerapkan pengetahuan dan keterampilan {topic.lower()}.",
            "level": {
                "1": f"Memahami ketentuan dasar {topic.lower()}.",
                "2": f"Menerapkan prosedur {topic.lower()} pada tugas rutin.",
                "3": f"Menganalisis masalah {topic.lower()} dan menyusun pemecahannya.",
                "4": f"Mengevaluasi dan mengembangkan kebijakan {topic.lower()}.",
                "5": f"Menjadi rujukan {topic.lower()} di tingkat daerah.",
            },
        }
    return {"kompetensi": entries}


def trainings(agency: Agency) -> dict[str, Any]:
    entries: dict[str, Any] = {}
    for ident in sorted({agency.urusan[pd.id][0] for pd in agency.pds}):
        entries[f"bimtek-{ident}"] = {
            "nama": f"Bimbingan Teknis {ident.replace('-', ' ').title()}",
            "jenis": "teknis",
        }
    for family in FAMILIES:
        entries[f"pelatihan-fungsional-{family[0]}"] = {
            "nama": f"Pelatihan Fungsional {family[1]}",
            "jenis": "fungsional",
        }
    entries["str-perawat"] = {"nama": "Surat Tanda Registrasi Perawat", "jenis": "sertifikasi"}
    return {"pelatihan": entries}


def field_groups() -> dict[str, Any]:
    return {
        "rumpun": {
            "kependidikan": {
                "nama": "Kependidikan",
                "bidang": [
                    "Pendidikan Matematika",
                    "Pendidikan Bahasa Indonesia",
                    "Pendidikan Fisika",
                ],
            }
        }
    }


def generate(positions: int, seed: int, out: Path) -> Agency:
    agency = Agency(positions, seed)
    build_organisation(agency)
    fill(agency)
    career_paths(agency)
    write(agency, out)
    return agency


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--positions", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    agency = generate(args.positions, args.seed, args.out)
    print(
        f"{len(agency.positions)} positions, {len(agency.pds)} perangkat daerah, "
        f"{sum(len(m) for m in agency.moves.values())} moves in {len(agency.moves)} paths: "
        f"{args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
