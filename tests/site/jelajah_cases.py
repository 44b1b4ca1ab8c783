"""Profiles for checking the browser port of the matching engine (assets/pk-engine.js) against
:func:`pola_karir.career.matching.explore_data`, over the example dataset.

Each case is a profile in its plain form (the keys of ``schemas/profil.schema.json``) and the
largest number of moves; the comment says what it exercises. The expected answer is always the
Python engine's: the table only has to reach every branch of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from pola_karir.model import Dataset, ExperienceRequirement, FieldGroup, Move

KASI_JALAN = "kepala-seksi-pembangunan-jalan-dan-jembatan"  # pengawas -> kepala bidang bina marga
KABID_BINA_MARGA = "kepala-bidang-bina-marga"
PENGOLAH_DATA = "pengolah-data-dan-informasi-kepegawaian"  # pelaksana, 4 ways out
PERAWAT_TERAMPIL = "perawat-terampil-puskesmas-mekarsari"  # functional, keterampilan
TJJ_MUDA = "penata-kelola-jalan-dan-jembatan-ahli-muda"
TJJ_PERTAMA = "penata-kelola-jalan-dan-jembatan-ahli-pertama"
TJJ = "penata-kelola-jalan-dan-jembatan"  # the job family

# Every competency the administrator and pengawas posts on the roads path ask for.
_ROAD_COMPETENCIES = {
    "integritas": 4,
    "kerja-sama": 3,
    "komunikasi": 3,
    "orientasi-pada-hasil": 3,
    "pelayanan-publik": 3,
    "pengembangan-diri-dan-orang-lain": 3,
    "mengelola-perubahan": 3,
    "pengambilan-keputusan": 3,
    "perekat-bangsa": 3,
    "manajemen-konstruksi-jalan": 4,
    "perencanaan-teknis-jalan-dan-jembatan": 3,
    "pengadaan-barang-jasa": 2,
}
_ROAD_TRAININGS = [
    "pkp",
    "pka",
    "diklat-laik-fungsi-jalan",
    "skk-konstruksi",
    "pelatihan-pengawasan-mutu-konstruksi",
    "pelatihan-fungsional-penata-kelola-jalan-dan-jembatan",
]


@dataclass(frozen=True)
class Case:
    name: str
    profile: dict[str, Any]
    max_moves: int = 3
    covers: tuple[str, ...] = field(default_factory=tuple)


CASES: tuple[Case, ...] = (
    # A complete profile that meets everything for the head of division: every kind met.
    Case(
        "lengkap-memenuhi",
        {
            "jabatan": KASI_JALAN,
            "pendidikan": "S1",
            "bidang_pendidikan": "Teknik Sipil",
            "golongan": "IV/a",
            "masa_jabatan": 4,
            "pengalaman": {"pelaksana": 6},
            "masa_kerja": 12,
            "pelatihan": _ROAD_TRAININGS,
            "kinerja": ["sangat-baik", "baik", "baik"],
            "kompetensi": _ROAD_COMPETENCIES,
        },
        covers=(
            "pendidikan",
            "bidang_pendidikan",
            "golongan",
            "pengalaman",
            "pelatihan",
            "sertifikasi",
            "kinerja",
            "kompetensi",
            "masa kerja",
        ),
    ),
    # Gaps: golongan III/b below III/c and III/d, PKA and SKK missing, a competency too low.
    Case(
        "golongan-dan-pelatihan-kurang",
        {
            "jabatan": KASI_JALAN,
            "pendidikan": "S1",
            "bidang_pendidikan": "Teknik Sipil",
            "golongan": "III/b",
            "masa_jabatan": 3,
            "pelatihan": ["pkp", "diklat-laik-fungsi-jalan"],
            "kinerja": ["baik", "baik"],
            "kompetensi": {"integritas": 2, "manajemen-konstruksi-jalan": 3},
        },
        covers=("golongan order", "unmet training", "unmet competency", "partly known"),
    ),
    # Only the position: everything else unknown, nothing unmet, nothing "memenuhi" either.
    Case("hanya-jabatan", {"jabatan": KASI_JALAN}, covers=("unknown values",)),
    # Nothing at all: nothing is reachable, the counts are all zero.
    Case("kosong", {}, covers=("empty profile",)),
    # Partly told, SMA level: every S-1 post is unmet, the rest not assessed.
    Case(
        "sebagian-sma",
        {"jabatan": KASI_JALAN, "pendidikan": "SMA", "golongan": "III/b"},
        covers=("partial profile", "S-1 post with SMA"),
    ),
    # No position: nothing is reachable.
    Case(
        "tanpa-jabatan",
        {"pendidikan": "S2", "golongan": "IV/e", "kinerja": ["sangat-baik"]},
        covers=("no jabatan",),
    ),
    # A position id the data does not know: nothing is reachable either.
    Case("jabatan-tidak-dikenal", {"jabatan": "jabatan-yang-tidak-ada", "masa_jabatan": 2}),
    # D-IV ranks with S-1; the field of study compares without case.
    Case(
        "d4-setara-s1",
        {"jabatan": KASI_JALAN, "pendidikan": "D4", "bidang_pendidikan": "teknik SIPIL"},
        covers=("D4 = S1", "casefold"),
    ),
    # Education too low and a field of study that is not accepted.
    Case(
        "pendidikan-kurang",
        {"jabatan": PENGOLAH_DATA, "pendidikan": "SMA", "bidang_pendidikan": "Ilmu Hukum"},
    ),
    # Golongan at the boundary: equal to a minimum, one above another, one below a third.
    Case("golongan-batas", {"jabatan": PENGOLAH_DATA, "golongan": "III/c"}, max_moves=2),
    # Fewer ratings than the years asked: unknown, not unmet.
    Case(
        "kinerja-kurang-tahun",
        {"jabatan": KASI_JALAN, "kinerja": ["sangat-baik"]},
        covers=("too few years -> unknown",),
    ),
    # One low rating among the considered years is unmet, even with too few years given.
    Case(
        "kinerja-rendah",
        {"jabatan": KASI_JALAN, "kinerja": ["baik", "kurang", "sangat-baik"]},
        covers=("low rating -> unmet",),
    ),
    Case("kinerja-butuh-perbaikan", {"jabatan": PENGOLAH_DATA, "kinerja": ["butuh-perbaikan"]}),
    # An empty list of ratings is as good as none.
    Case("kinerja-kosong", {"jabatan": PENGOLAH_DATA, "kinerja": []}),
    # Experience from the years in the current position alone (pengawas, 3.5 years).
    Case(
        "pengalaman-dari-masa-jabatan",
        {"jabatan": KASI_JALAN, "masa_jabatan": 3.5},
        covers=("experience via years in current position", "fractional years"),
    ),
    # Experience told in 'pengalaman': too short for some requirements (unmet, not unknown).
    Case(
        "pengalaman-dari-riwayat",
        {"jabatan": PENGOLAH_DATA, "masa_jabatan": 1, "pengalaman": {"pelaksana": 2.5}},
        covers=("experience via pengalaman",),
    ),
    # An empty history: what the current post does not cover is unmet.
    Case(
        "pengalaman-kosong",
        {"jabatan": PENGOLAH_DATA, "masa_jabatan": 0, "pengalaman": {}, "masa_kerja": 0.5},
    ),
    # A functional position: the grade counts as experience; history in another grade.
    Case(
        "fungsional-keterampilan",
        {
            "jabatan": PERAWAT_TERAMPIL,
            "masa_jabatan": 2.25,
            "pengalaman": {"pemula": 1, "ahli-pertama": 0.3},
            "pendidikan": "D3",
            "bidang_pendidikan": "Keperawatan",
            "golongan": "II/d",
            "pelatihan": ["pelatihan-pencegahan-dan-pengendalian-infeksi", "str-perawat"],
            "kinerja": ["baik"],
            "kompetensi": {"asuhan-keperawatan": 3, "integritas": 2},
        },
        max_moves=4,
    ),
    # Time already served shortens the first move only, never below zero; odd fractions.
    Case(
        "masa-jabatan-pecahan",
        {"jabatan": PENGOLAH_DATA, "masa_jabatan": 1.7, "masa_kerja": 4.999999},
        covers=("float years", "formatting"),
    ),
    # A long time served: every first move is possible now (years 0).
    Case("masa-jabatan-panjang", {"jabatan": TJJ_MUDA, "masa_jabatan": 9, "masa_kerja": 0.00001}),
    # Trainings known and empty: every training requirement unmet.
    Case("pelatihan-kosong", {"jabatan": TJJ_MUDA, "pelatihan": []}),
    # Competencies told but empty: still unknown.
    Case("kompetensi-kosong", {"jabatan": TJJ_MUDA, "kompetensi": {}}),
    # One move only.
    Case("satu-langkah", {"jabatan": PENGOLAH_DATA, "golongan": "II/c"}, max_moves=1),
    # Three moves (the default) from the same place, to compare with one.
    Case("tiga-langkah", {"jabatan": PENGOLAH_DATA, "golongan": "II/c"}, max_moves=3),
    # Four moves from the bottom of a long path.
    Case("empat-langkah", {"jabatan": "teknisi-sarana-dan-prasarana-bina-marga"}, max_moves=4),
    # From the top: few or no ways further.
    Case("dari-puncak", {"jabatan": "sekretaris-daerah", "masa_jabatan": 1}),
)


# --- a dataset changed to reach what the example does not have ------------------------------

UNCATALOGUED_TRAINING = "pelatihan-di-luar-katalog"


# Experience items by job family, jenjang, kelas and unit (the last with a type condition too).
FAMILY_EXPERIENCE = (
    ExperienceRequirement(years=4, family=TJJ),
    ExperienceRequirement(years=2.5, family=TJJ, min_grade="ahli-muda"),
    ExperienceRequirement(
        years=3, levels=("pengawas", "ahli-muda"), min_class=9, unit="dinas-pupr/bidang-bina-marga"
    ),
)
REKAYASA = FieldGroup(
    id="rekayasa",
    name="Rekayasa",
    fields=("Teknik Jalan", "Teknik-Geodesi", "Teknik  Lingkungan"),
)


def synthetic_dataset(dataset: Dataset) -> Dataset:
    """The example with a position-based experience requirement, experience by job family,
    jenjang, kelas and unit, a requirement naming a rumpun, a training missing from the
    catalogue, fields of study that only match under full case folding, and moves with
    fractional minimum years (one a second move between the same two positions), so the port is
    also checked where the example data does not reach."""
    kabid = dataset.positions[KABID_BINA_MARGA]
    req = kabid.requirements
    assert req.education is not None
    req = replace(
        req,
        education=replace(
            req.education,
            fields=(*req.education.fields, "ILMU STRASSE", "ΣΊΣΥΦΟΣ", "rekayasa."),
        ),
        experience=(
            *req.experience,
            ExperienceRequirement(
                years=1.5, positions=(KASI_JALAN, "penata-kelola-jalan-dan-jembatan-ahli-muda")
            ),
            *FAMILY_EXPERIENCE,
        ),
        trainings=(*req.trainings, UNCATALOGUED_TRAINING),
    )
    positions = dict(dataset.positions)
    positions[KABID_BINA_MARGA] = replace(kabid, requirements=req)
    paths = dict(dataset.paths)
    first_id = sorted(paths)[0]
    first = paths[first_id]
    extra = (
        Move(source=KASI_JALAN, target=KABID_BINA_MARGA, kind="vertikal", min_years=2.75),
        Move(
            source=PENGOLAH_DATA,
            target="pranata-komputer-mahir-bkpsdm",
            kind="horizontal",
            min_years=0.1,
        ),
    )
    paths[first_id] = replace(first, moves=(*first.moves, *extra))
    groups = {**dataset.field_groups, REKAYASA.id: REKAYASA}
    return replace(dataset, positions=positions, paths=paths, field_groups=groups)


SYNTHETIC_CASES: tuple[Case, ...] = (
    Case(
        "jabatan-tertentu-dari-riwayat",
        {
            "jabatan": KASI_JALAN,
            "masa_jabatan": 1.25,
            "pelatihan": ["pka"],
            "pengalaman": {TJJ_MUDA: 0.75},
        },
    ),
    Case("jabatan-tertentu-tidak-diketahui", {"jabatan": KASI_JALAN, "masa_jabatan": 0.5}),
    Case("bidang-lipat-huruf-jerman", {"jabatan": KASI_JALAN, "bidang_pendidikan": "ilmu straẞe"}),
    Case("bidang-lipat-huruf-yunani", {"jabatan": KASI_JALAN, "bidang_pendidikan": "σίσυφος"}),
    # Experience by family, jenjang, kelas and unit: nothing told but the position.
    Case("keluarga-kosong", {"jabatan": KASI_JALAN}),
    # Partly told: a family key (any jenjang, not the minimum), a grade key below the minimum.
    Case(
        "keluarga-sebagian",
        {"jabatan": KASI_JALAN, "masa_jabatan": 2, "pengalaman": {TJJ: 5, "ahli-pertama": 1}},
    ),
    # Fully told by position ids: years add up across the family's jenjang.
    Case(
        "keluarga-lengkap",
        {
            "jabatan": KASI_JALAN,
            "masa_jabatan": 3,
            "pengalaman": {TJJ_MUDA: 3, TJJ_PERTAMA: 2},
            "bidang_pendidikan": "teknik-geodesi",
        },
    ),
    # A structural history only: the family items are unmet, kelas/unit cannot be told.
    Case(
        "keluarga-tidak-memenuhi",
        {"jabatan": KASI_JALAN, "masa_jabatan": 1, "pengalaman": {"pelaksana": 4}},
    ),
    # An empty history from a functional position: judged from the position alone.
    Case("keluarga-riwayat-kosong", {"jabatan": TJJ_MUDA, "masa_jabatan": 3, "pengalaman": {}}),
    # Fields of study through the rumpun: its name, members as HR types them, and a miss.
    Case("rumpun-nama", {"jabatan": KASI_JALAN, "bidang_pendidikan": "REKAYASA"}),
    Case("rumpun-anggota", {"jabatan": KASI_JALAN, "bidang_pendidikan": "teknik_LINGKUNGAN"}),
    Case("rumpun-bukan-anggota", {"jabatan": KASI_JALAN, "bidang_pendidikan": "Teknik Mesin"}),
    # A step on the way asks for a training the destination does not (Kepala Bidang's
    # uncatalogued one, not asked by the Sekretaris Dinas behind it): the route is unmet.
    Case(
        "langkah-antara-bercelah",
        {
            "jabatan": KASI_JALAN,
            "pendidikan": "S1",
            "golongan": "IV/a",
            "pelatihan": ["pka", "pkp"],
        },
        covers=("gap on an intermediate step only",),
    ),
    Case(
        "langkah-pecahan",
        {"jabatan": PENGOLAH_DATA, "masa_jabatan": 0.05, "pelatihan": [UNCATALOGUED_TRAINING]},
        max_moves=2,
    ),
)
