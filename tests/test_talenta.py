"""`pola-karir talenta`: a generated staff list of 320 people with known boxes, positions,
education and rank, on a small career pattern whose requirements and routes are known, so the
box of each person, the successors of each target position (in order) and the risk flags can
be written down independently of the engine and compared exactly."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from pola_karir.career.timeline import timeline_for
from pola_karir.cli import main
from pola_karir.model import Dataset
from pola_karir.rules.validate import validate_project
from pola_karir.talent.grid import Box, all_boxes
from pola_karir.talent.run import talent_report
from tests.factory import DataFolder

TODAY = date(2026, 1, 1)
SCHEMA = Path(__file__).parent.parent / "schemas" / "talenta.schema.json"

EDUCATION = ("SMA", "D3", "S1", "S2")
RANKS = ("II/c", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b")

# The small pattern: requirements (education, lowest rank, highest rank) and routes.
REQUIREMENTS: dict[str, tuple[str, str, str | None]] = {
    "staf-jalan": ("SMA", "II/c", None),
    "kepala-seksi-jalan": ("D3", "III/b", None),
    "kepala-bidang-bina-marga": ("S1", "III/d", None),
    "kepala-dinas-pupr": ("S2", "IV/b", None),
    "teknik-jalan-ahli-pertama": ("S1", "III/a", "III/b"),
    "teknik-jalan-ahli-muda": ("S1", "III/c", "III/d"),
}
# Where each position leads within 3 moves: target -> route (the only route in this pattern).
ROUTES: dict[str, dict[str, tuple[str, ...]]] = {
    "staf-jalan": {
        "kepala-seksi-jalan": ("staf-jalan", "kepala-seksi-jalan"),
        "kepala-bidang-bina-marga": (
            "staf-jalan",
            "kepala-seksi-jalan",
            "kepala-bidang-bina-marga",
        ),
        "kepala-dinas-pupr": (
            "staf-jalan",
            "kepala-seksi-jalan",
            "kepala-bidang-bina-marga",
            "kepala-dinas-pupr",
        ),
    },
    "kepala-seksi-jalan": {
        "kepala-bidang-bina-marga": ("kepala-seksi-jalan", "kepala-bidang-bina-marga"),
        "kepala-dinas-pupr": (
            "kepala-seksi-jalan",
            "kepala-bidang-bina-marga",
            "kepala-dinas-pupr",
        ),
    },
    "kepala-bidang-bina-marga": {
        "kepala-dinas-pupr": ("kepala-bidang-bina-marga", "kepala-dinas-pupr"),
    },
    "kepala-dinas-pupr": {},
    "teknik-jalan-ahli-pertama": {
        "kepala-bidang-bina-marga": (
            "teknik-jalan-ahli-pertama",
            "teknik-jalan-ahli-muda",
            "kepala-bidang-bina-marga",
        ),
        "kepala-dinas-pupr": (
            "teknik-jalan-ahli-pertama",
            "teknik-jalan-ahli-muda",
            "kepala-bidang-bina-marga",
            "kepala-dinas-pupr",
        ),
    },
    "teknik-jalan-ahli-muda": {
        "kepala-bidang-bina-marga": ("teknik-jalan-ahli-muda", "kepala-bidang-bina-marga"),
        "kepala-dinas-pupr": (
            "teknik-jalan-ahli-muda",
            "kepala-bidang-bina-marga",
            "kepala-dinas-pupr",
        ),
    },
}
# Functional grades also require competencies, which the staff list does not give: a route
# through one is never ready (not assessed is never met).
UNASSESSED = {"teknik-jalan-ahli-pertama", "teknik-jalan-ahli-muda"}
# kepala-seksi-jalan marked 'true' (1 successor), kepala-bidang-bina-marga {jumlah_suksesor: 40},
# kepala-dinas-pupr through its jenis (jpt-pratama) in instansi.yml with 2.
WANTED = {"kepala-seksi-jalan": 1, "kepala-bidang-bina-marga": 40, "kepala-dinas-pupr": 2}
POOL = {
    Box("di-atas-ekspektasi", "tinggi"),
    Box("sesuai-ekspektasi", "tinggi"),
    Box("di-atas-ekspektasi", "menengah"),
}
PERFORMANCE_WORDS = {
    "di-atas-ekspektasi": "Di Atas Ekspektasi",
    "sesuai-ekspektasi": "sesuai_ekspektasi",
    "di-bawah-ekspektasi": "di bawah ekspektasi",
}


def _position(name: str, jenis: str, unit: str, kelas: int, **more: Any) -> dict[str, Any]:
    education, low, high = REQUIREMENTS[name]
    rank: dict[str, str] = {"minimal": low} if high is None else {"minimal": low, "maksimal": high}
    return {
        "nama": name.replace("-", " ").title(),
        "jenis": jenis,
        "unit": unit,
        "kelas_jabatan": kelas,
        "ikhtisar": "Uji.",
        "persyaratan": {"pendidikan": {"minimal": education}, "golongan": rank},
        **more,
    }


def pattern(folder: DataFolder) -> DataFolder:
    unit = "dinas-pupr/bidang-bina-marga"
    folder.doc("instansi.yml")["manajemen_talenta"] = {
        "jabatan_target": [{"jenis": "jpt-pratama", "jumlah_suksesor": 2}]
    }
    folder.put("jabatan/staf-jalan.yml", _position("staf-jalan", "pelaksana", unit, 6))
    folder.put(
        "jabatan/kepala-seksi-jalan.yml",
        _position("kepala-seksi-jalan", "pengawas", unit + "/seksi-jalan", 9, jabatan_target=True),
    )
    folder.put(
        "jabatan/kepala-bidang-bina-marga.yml",
        _position(
            "kepala-bidang-bina-marga",
            "administrator",
            unit,
            11,
            jabatan_target={"jumlah_suksesor": 40},
        ),
    )
    folder.put(
        "jabatan/kepala-dinas-pupr.yml",
        _position("kepala-dinas-pupr", "jpt-pratama", "dinas-pupr", 14),
    )
    folder.put(
        "jalur/bina-marga.yml",
        {
            "nama": "Uji",
            "langkah": [
                {
                    "dari": "staf-jalan",
                    "ke": "kepala-seksi-jalan",
                    "jenis": "vertikal",
                    "tahun_minimal": 2,
                },
                {
                    "dari": "kepala-seksi-jalan",
                    "ke": "kepala-bidang-bina-marga",
                    "jenis": "vertikal",
                    "tahun_minimal": 2,
                },
                {
                    "dari": "kepala-bidang-bina-marga",
                    "ke": "kepala-dinas-pupr",
                    "jenis": "diagonal",
                    "tahun_minimal": 2,
                },
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
                    "tahun_minimal": 2,
                },
            ],
        },
    )
    return folder


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    result = pattern(DataFolder(tmp_path_factory.mktemp("talenta") / "data")).validate()
    assert result.dataset is not None, [d.code for d in result.diagnostics]
    return result.dataset


# --- the staff list ------------------------------------------------------------------------

HEADER = ["nip", "nama", "jabatan", "pendidikan", "golongan", "tmt_jabatan", "kinerja", "potensial"]
POSITIONS = tuple(REQUIREMENTS)
PEOPLE = 320


def person(i: int) -> dict[str, Any]:
    """Person ``i``: every combination of box, position, education and rank turns up."""
    box = all_boxes()[i % 9]
    return {
        "nip": f"19800101{i:010d}",
        "nama": f"Nama Rahasia {i}",
        "jabatan": POSITIONS[(i // 9) % len(POSITIONS)],
        "pendidikan": EDUCATION[(i // 2) % len(EDUCATION)],
        "golongan": RANKS[(i // 5) % len(RANKS)],
        "box": box,
    }


def row(p: dict[str, Any], i: int) -> list[str]:
    box: Box = p["box"]
    # the spellings HR exports use: words, underscores, capitals
    potential = box.potential.upper() if i % 2 else box.potential
    return [
        p["nip"],
        p["nama"],
        p["jabatan"],
        p["pendidikan"],
        p["golongan"],
        "2023-01-01",
        PERFORMANCE_WORDS[box.performance],
        potential,
    ]


BAD_ROWS = {  # line -> (row, words the problem must contain)
    2: (
        ["199900000000000001", "Salah Kinerja", "staf-jalan", "SMA", "II/c", "", "9", "tinggi"],
        "kinerja '9' tidak dikenal",
    ),
    3: (
        [
            "199900000000000002",
            "Salah Potensial",
            "staf-jalan",
            "SMA",
            "II/c",
            "",
            "sesuai ekspektasi",
            "luar biasa",
        ],
        "potensial 'luar biasa'",
    ),
    4: (
        ["199900000000000003", "Tanpa Kotak", "staf-jalan", "SMA", "II/c", "", "", ""],
        "kolom 'kinerja' kosong; kolom 'potensial' kosong",
    ),
    5: (
        [
            "199900000000000004",
            "Tanpa Potensial",
            "staf-jalan",
            "SMA",
            "II/c",
            "",
            "di atas ekspektasi",
            "",
        ],
        "kolom 'potensial' kosong",
    ),
    6: (
        [
            "199900000000000005",
            "Jabatan Salah",
            "staf-jalanan",
            "SMA",
            "II/c",
            "",
            "di atas ekspektasi",
            "tinggi",
        ],
        "staf-jalanan",
    ),
}


def staff_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for line in sorted(BAD_ROWS):
        writer.writerow(BAD_ROWS[line][0])
    for i in range(PEOPLE):
        writer.writerow(row(person(i), i))
    return out.getvalue()


# --- what the report must say, worked out without the engine ------------------------------


def unmet(p: dict[str, Any], position: str) -> int:
    education, low, high = REQUIREMENTS[position]
    gaps = int(EDUCATION.index(p["pendidikan"]) < EDUCATION.index(education))
    rank = RANKS.index(p["golongan"])
    gaps += int(rank < RANKS.index(low) or (high is not None and rank > RANKS.index(high)))
    return gaps


def expected_plans() -> dict[str, list[tuple[str, tuple[str, ...], int, bool]]]:
    """Target -> [(nip, route, gaps, ready)] in rank order: route length, gaps, NIP."""
    plans: dict[str, list[tuple[str, tuple[str, ...], int, bool]]] = {t: [] for t in WANTED}
    for i in range(PEOPLE):
        p = person(i)
        if p["box"] not in POOL:
            continue
        for target, route in ROUTES[p["jabatan"]].items():
            gaps = sum(unmet(p, step) for step in route[1:])
            ready = gaps == 0 and not UNASSESSED & set(route[1:])
            plans[target].append((p["nip"], route, gaps, ready))
    for found in plans.values():
        found.sort(key=lambda s: (len(s[1]), s[2], s[0]))
    return plans


@pytest.fixture(scope="module")
def report_data(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("staff") / "pegawai.csv"
    path.write_text(staff_csv(), encoding="utf-8")
    report = talent_report(dataset, staff_csv(), TODAY, "id")
    from pola_karir.talent.report import to_data

    data = to_data(report, dataset, "id")
    return json.loads(json.dumps(data))


def test_every_person_is_in_their_box(report_data: dict[str, Any]) -> None:
    placed = {p["nip"]: (p["kinerja"], p["potensial"]) for p in report_data["pegawai"]}
    assert placed == {
        person(i)["nip"]: (person(i)["box"].performance, person(i)["box"].potential)
        for i in range(PEOPLE)
    }
    pool = {p["nip"] for p in report_data["pegawai"] if p["kelompok_suksesi"]}
    assert pool == {person(i)["nip"] for i in range(PEOPLE) if person(i)["box"] in POOL}
    per_box = {b["kotak"]: b["pegawai"] for b in report_data["ringkasan"]["per_kotak"]}
    assert per_box == {
        box.key: n for box, n in Counter(person(i)["box"] for i in range(PEOPLE)).items()
    }
    [unit] = report_data["ringkasan"]["per_unit"]
    assert (unit["unit"], unit["pegawai"]) == ("dinas-pupr", PEOPLE)


def test_successors_of_every_target_in_order(report_data: dict[str, Any]) -> None:
    expected = expected_plans()
    plans = {plan["jabatan"]: plan for plan in report_data["jabatan_target"]}
    assert set(plans) == set(WANTED)
    for target, plan in plans.items():
        found = [(s["nip"], tuple(s["rute"]), s["celah"], s["siap"]) for s in plan["suksesor"]]
        assert found == expected[target], target
        assert all(s["siap"] == (s["status"] == "memenuhi") for s in plan["suksesor"])
        # what a successor lacks is the engine's unmet findings, one per gap
        assert all(len(s["kekurangan"]) == s["celah"] for s in plan["suksesor"])


def test_risk_flags(report_data: dict[str, Any]) -> None:
    expected = expected_plans()
    flags = {
        p["jabatan"]: (p["jumlah_suksesor"], p["suksesor_siap"], p["risiko_suksesi"])
        for p in report_data["jabatan_target"]
    }
    ready = {t: sum(1 for s in found if s[3]) for t, found in expected.items()}
    assert flags == {t: (WANTED[t], ready[t], ready[t] < WANTED[t]) for t in WANTED}
    # the generated list is built so that both outcomes occur
    assert {at_risk for _, _, at_risk in flags.values()} == {True, False}
    assert report_data["ringkasan"]["risiko_suksesi"] == sum(
        1 for _, _, at_risk in flags.values() if at_risk
    )


def test_bad_rows_reported_by_line_and_the_rest_processed(report_data: dict[str, Any]) -> None:
    bad = {b["baris"]: "; ".join(b["masalah"]) for b in report_data["baris_bermasalah"]}
    assert set(bad) == set(BAD_ROWS)
    for line, (_row, words) in BAD_ROWS.items():
        assert words in bad[line], (line, bad[line])
    assert len(report_data["pegawai"]) == PEOPLE
    assert report_data["ringkasan"]["baris_bermasalah"] == len(BAD_ROWS)


def test_json_matches_its_schema(report_data: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(report_data)
    assert report_data["nomor_kotak_terkonfirmasi"] is False
    assert report_data["catatan"]  # the note that the box numbers are not confirmed


# --- the command ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def data_dir(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return pattern(DataFolder(tmp_path_factory.mktemp("cli") / "data")).write()


SMALL_HEADER = [
    "nip",
    "nama",
    "jabatan",
    "pendidikan",
    "golongan",
    "tmt_jabatan",
    "kinerja",
    "kinerja_kotak",
]


def small_csv(folder: Path) -> Path:
    """The box in one column, ``kinerja`` left as the SKP predikat the audit reads; two names a
    spreadsheet or a browser would run; a box number, which is not accepted."""
    path = folder / "pegawai.csv"
    rows = [
        SMALL_HEADER,
        [
            "198001010000000001",
            '=HYPERLINK("http://x.invalid")',
            "kepala-seksi-jalan",
            "S1",
            "IV/a",
            "2020-01-01",
            "baik",
            "di atas ekspektasi / tinggi",
        ],
        [
            "198001010000000002",
            "<script>alert(1)</script>",
            "staf-jalan",
            "S2",
            "IV/b",
            "2020-01-01",
            "sangat baik",
            "Sesuai Ekspektasi × tinggi",
        ],
        [
            "198001010000000003",
            "Rendah",
            "staf-jalan",
            "S2",
            "IV/b",
            "2020-01-01",
            "",
            "di bawah ekspektasi/rendah",
        ],
        ["198001010000000004", "Bernomor", "staf-jalan", "S2", "IV/b", "2020-01-01", "", "9"],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_html_only_to_a_named_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    staff = small_csv(tmp_path)
    code = main(["talenta", str(staff), "--data", str(data_dir), "--format", "html"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert "--keluaran" in err
    assert list(tmp_path.iterdir()) == [staff]  # nothing written anywhere
    report = tmp_path / "laporan.html"
    code = main(
        [
            "talenta",
            str(staff),
            "--data",
            str(data_dir),
            "--format",
            "html",
            "--keluaran",
            str(report),
        ]
    )
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert "baris 5: kinerja_kotak '9' berupa nomor kotak" in err  # the bad row, on stderr
    page = report.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<svg" in page and 'data-target="kepala-dinas-pupr"' in page


def test_csv_cells_cannot_become_formulas(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["talenta", str(small_csv(tmp_path)), "--data", str(data_dir), "--format", "csv"])
    out, _err = capsys.readouterr()
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    names = {r["nama"] for r in rows if r["nip"]}
    assert '\'=HYPERLINK("http://x.invalid")' in names
    assert not any(cell.startswith("=") for r in rows for cell in r.values())
    # a target nobody reaches still has its row, with its risk flag
    by_target = {r["jabatan_target"]: r for r in rows}
    assert set(by_target) == set(WANTED)
    assert by_target["kepala-dinas-pupr"]["risiko_suksesi"] == "ya"


def test_english_text_report_with_its_note(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["talenta", str(small_csv(tmp_path)), "--data", str(data_dir), "--lang", "en"])
    out, _err = capsys.readouterr()
    assert code == 1
    assert out.startswith("Talent management: 3 employees mapped, 3 target positions")
    assert "box numbers and names of PermenPANRB 3/2020" in out
    assert "SUCCESSION RISK" in out


def test_a_header_without_box_columns_is_a_usage_error(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    staff = tmp_path / "pegawai.csv"
    staff.write_text("nip,nama,jabatan,pendidikan,golongan\n1,A,staf-jalan,SMA,II/c\n")
    code = main(["talenta", str(staff), "--data", str(data_dir)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert "kinerja_kotak" in err


def test_one_box_column_leaves_kinerja_to_the_audit(data_dir: Path, tmp_path: Path) -> None:
    """With kinerja_kotak, 'kinerja' is the SKP predikat (read and checked by the audit), and
    the box is read from the one column in any of its spellings."""
    loaded = validate_project(data_dir, "data").dataset
    assert loaded is not None
    report = talent_report(loaded, small_csv(tmp_path).read_text(encoding="utf-8"), TODAY, "id")
    boxes = {p.nip[-1]: p.box for p in report.staff.people}
    assert boxes == {
        "1": Box("di-atas-ekspektasi", "tinggi"),
        "2": Box("sesuai-ekspektasi", "tinggi"),
        "3": Box("di-bawah-ekspektasi", "rendah"),
    }
    ratings = {p.nip[-1]: p.profile.ratings for p in report.staff.people}
    assert ratings == {"1": ("baik",), "2": ("sangat-baik",), "3": None}
    [bad] = report.staff.bad_rows
    assert bad.line == 5 and "nomor kotak" in bad.problems[0]


def test_a_successors_time_counts_the_golongan_the_route_needs() -> None:
    """On the example pattern: a III/b Kepala Seksi whose route to a JPT post needs IV/b is never
    given the move years alone (the product owner's "3 tahun lagi" for IV/b), and every
    successor's time is the engine's honest estimate, marked as such."""
    result = validate_project(Path(__file__).parents[1] / "data")
    assert result.dataset is not None
    dataset = result.dataset
    csv_text = (
        "nip,nama,jabatan,pendidikan,golongan,kinerja,potensial\n"
        "198001012000011001,Ani,kepala-seksi-pembangunan-jalan-dan-jembatan,S1,III/b,"
        "di atas ekspektasi,tinggi\n"
    )
    report = talent_report(dataset, csv_text, TODAY, "id")
    successors = [s for plan in report.plans for s in plan.successors]
    assert successors
    for s in successors:
        honest = timeline_for(s.result, dataset, s.person.profile).destination
        assert s.years == honest.years and s.estimate is honest.estimate
    kadis = next(s for s in successors if s.route[-1] == "kepala-dinas-pupr")
    # III/b to IV/b: three regular promotions; the route's move years alone are fewer.
    assert kadis.years is not None and kadis.years > kadis.result.reach.years
    assert kadis.estimate and "golongan" in kadis.timeline.destination.binding


def test_the_date_of_the_current_golongan_moves_the_estimate() -> None:
    """``tmt_golongan`` (as ``tmt_jabatan``, a date) gives the years already served in the
    golongan: one year served brings each promotion, and so the Kepala Dinas post, a year closer
    than a promotion just received, and the estimate no longer assumes it."""
    result = validate_project(Path(__file__).parents[1] / "data")
    assert result.dataset is not None
    header = "nip,nama,jabatan,pendidikan,golongan,tmt_golongan,kinerja,potensial\n"
    kasi = "kepala-seksi-pembangunan-jalan-dan-jembatan"

    def kadis(since: str) -> Any:
        row = f"198001012000011001,Ani,{kasi},S1,III/b,{since},di atas ekspektasi,tinggi\n"
        report = talent_report(result.dataset, header + row, TODAY, "id")
        [person] = report.staff.people
        successors = [s for plan in report.plans for s in plan.successors]
        return person, next(s for s in successors if s.route[-1] == "kepala-dinas-pupr")

    person, served = kadis(f"{TODAY.year - 1}-{TODAY.month:02d}-{TODAY.day:02d}")
    assert person.profile.years_in_rank == 1
    _, fresh = kadis(TODAY.isoformat())
    assert served.years is not None and fresh.years is not None
    assert fresh.years - served.years == 1
    assert "masa_golongan_dianggap_cukup" not in served.timeline.destination.assumptions


def test_a_bad_golongan_date_names_its_own_column() -> None:
    """The date checks are shared by tmt_jabatan and tmt_golongan: each names the column HR
    has to fix (a future tmt_golongan was reported as tmt_jabatan)."""
    result = validate_project(Path(__file__).parents[1] / "data")
    assert result.dataset is not None
    csv_text = (
        "nip,nama,jabatan,pendidikan,golongan,tmt_jabatan,tmt_golongan,kinerja,potensial\n"
        "198001012000011001,Ani,kepala-seksi-pembangunan-jalan-dan-jembatan,S1,III/b,"
        "2020-01-01,2030-01-01,di atas ekspektasi,tinggi\n"
        "198001012000011002,Budi,kepala-seksi-pembangunan-jalan-dan-jembatan,S1,III/b,"
        "2020-13-01,2020-01-01,di atas ekspektasi,tinggi\n"
    )
    report = talent_report(result.dataset, csv_text, TODAY, "id")
    problems = {bad.line: bad.problems for bad in report.staff.bad_rows}
    assert problems == {
        2: ("tmt_golongan 2030-01-01 masih di masa depan",),
        3: ("tmt_jabatan '2020-13-01' bukan tanggal YYYY-MM-DD yang sah",),
    }
