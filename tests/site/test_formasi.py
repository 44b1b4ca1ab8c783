"""Formasi on the site and in the open data: kebutuhan, bezetting and open places, for a
position placed in one unit and for one placed in several (``penempatan``).

The data is the factory's minimal folder with numbers added: the functional position
Teknik Jalan Ahli Pertama is placed in two units (2 of 3 open in Bidang Bina Marga, none in
Seksi Jalan), Kepala Seksi Jalan is fully filled, and Kepala Bidang states no numbers at all.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re

import graphviz
import jsonschema
import pytest
from factory import DataFolder
from sitetools import REPO

from pola_karir.export import csv_tables, open_data, to_json
from pola_karir.model import Dataset, Total
from pola_karir.site import catalog, diagrams, explorer, formasi, pages
from pola_karir.site import compare as comparison
from pola_karir.site.build import site_content

AHLI_PERTAMA = "teknik-jalan-ahli-pertama"
BIDANG = "dinas-pupr/bidang-bina-marga"
SEKSI = "dinas-pupr/bidang-bina-marga/seksi-jalan"


@pytest.fixture
def dataset(folder: DataFolder) -> Dataset:
    pertama = folder.doc(f"jabatan/{AHLI_PERTAMA}.yml")
    del pertama["unit"]
    pertama["penempatan"] = [
        {"unit": BIDANG, "kebutuhan": 3, "bezetting": 1},
        {"unit": SEKSI, "kebutuhan": 1, "bezetting": 1},
    ]
    seksi = folder.doc("jabatan/kepala-seksi-jalan.yml")
    seksi["kebutuhan"] = 1
    seksi["bezetting"] = 1
    result = folder.validate()
    assert result.diagnostics == (), [d.code for d in result.diagnostics]
    assert result.dataset is not None
    return result.dataset


def test_the_model_counts_open_places_per_placement_and_in_total(dataset: Dataset) -> None:
    pertama = dataset.positions[AHLI_PERTAMA]
    assert [p.unit for p in pertama.placements] == [BIDANG, SEKSI]
    assert [p.vacancies for p in pertama.placements] == [2, 0]
    assert (pertama.needed, pertama.filled, pertama.vacancies) == (
        Total(4, True),
        Total(2, True),
        Total(2, True),
    )
    assert pertama.unit == BIDANG  # the first placement, for callers that need one unit
    kabid = dataset.positions["kepala-bidang-bina-marga"]
    assert kabid.needed == kabid.filled == kabid.vacancies == Total(None, False)


def test_the_position_page_lists_placements_and_where_it_is_open(dataset: Dataset) -> None:
    page = pages.position_page(dataset, dataset.positions[AHLI_PERTAMA]).markdown
    assert "- **Unit kerja:** 2 unit kerja; lihat [Penempatan](#penempatan)" in page
    assert "- **Formasi:** kebutuhan 4, bezetting 2, terbuka 2" in page
    assert '!!! success "Formasi terbuka"' in page
    assert "membutuhkan **2** pegawai: 2 di [Bidang Bina Marga" in page
    assert "(../formasi-terbuka.md)" in page and "(../jelajah.md)" in page
    assert "## Penempatan {#penempatan}\n\n| Unit kerja |" in page
    assert "| **Jumlah** | 4 | 2 | 2 |" in page
    assert re.search(r"\| \[Seksi Jalan › [^|]*\]\([^)]*seksi-jalan\) \| 1 \| 1 \| 0 \|", page)


def test_a_filled_position_says_so_and_one_without_numbers_says_nothing(
    dataset: Dataset,
) -> None:
    seksi = pages.position_page(dataset, dataset.positions["kepala-seksi-jalan"]).markdown
    assert "- **Formasi:** kebutuhan 1, bezetting 1, terbuka 0" in seksi
    assert "_Saat ini semua formasi jabatan ini sudah terisi._" in seksi
    assert "## Penempatan" not in seksi  # one unit: the facts say it
    kabid = pages.position_page(dataset, dataset.positions["kepala-bidang-bina-marga"]).markdown
    assert "Formasi" not in kabid


def test_the_index_and_the_annex_carry_the_numbers(dataset: Dataset) -> None:
    index = dict(catalog.position_index(dataset).html_blocks)["daftar"]
    row = next(r for r in index.split("<tr") if f"jabatan/{AHLI_PERTAMA}.md" in r)
    assert 'data-terbuka="ya"' in row
    numbers = '<td data-pk-sort="4">4</td><td data-pk-sort="2">2</td><td data-pk-sort="2">2</td>'
    assert numbers + "</tr>" in row
    kabid = next(r for r in index.split("<tr") if "kepala-bidang-bina-marga.md" in r)
    assert 'data-terbuka=""' in kabid and '<td data-pk-sort="-1">–</td>' in kabid
    # The annex's peta jabatan (BAB III): kebutuhan, bezetting and open posts per placement.
    heading = "<th class=num>Kebutuhan</th><th class=num>Bezetting</th><th class=num>Terbuka</th>"
    maps = [html for _, html in catalog.annex_page(dataset).html_blocks if heading in html]
    assert maps, "no peta jabatan table in the annex"
    annex = "".join(maps)
    rows = [
        r for r in annex.split("<tr>") if "<td>Teknik Jalan dan Jembatan Ahli Pertama</td>" in r
    ]
    # One row per placement, each with that unit's numbers (the index above shows the totals).
    assert len(rows) == 2
    assert "<td>Bidang Bina Marga</td>" in rows[0]
    assert rows[0].endswith("<td class=num>3</td><td class=num>1</td><td class=num>2</td></tr>")
    assert "<td class=num>1</td><td class=num>1</td><td class=num>0</td></tr>" in rows[1]


def test_open_data_carries_every_placement(dataset: Dataset) -> None:
    data = json.loads(to_json(open_data(dataset)))
    schema = json.loads((REPO / "schemas" / "ekspor.schema.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
    pertama = next(p for p in data["jabatan"] if p["id"] == AHLI_PERTAMA)
    assert pertama["unit"] == BIDANG
    assert pertama["penempatan"] == [
        {"unit": BIDANG, "kebutuhan": 3, "bezetting": 1, "terbuka": 2},
        {"unit": SEKSI, "kebutuhan": 1, "bezetting": 1, "terbuka": 0},
    ]
    tables = csv_tables(dataset)
    placements = list(csv.DictReader(io.StringIO(tables["penempatan.csv"])))
    assert [r for r in placements if r["jabatan"] == AHLI_PERTAMA] == [
        {
            "jabatan": AHLI_PERTAMA,
            "unit": BIDANG,
            "kebutuhan": "3",
            "bezetting": "1",
            "terbuka": "2",
        },
        {
            "jabatan": AHLI_PERTAMA,
            "unit": SEKSI,
            "kebutuhan": "1",
            "bezetting": "1",
            "terbuka": "0",
        },
    ]
    kabid = next(r for r in placements if r["jabatan"] == "kepala-bidang-bina-marga")
    assert (kabid["kebutuhan"], kabid["bezetting"], kabid["terbuka"]) == ("", "", "")
    rows = list(csv.DictReader(io.StringIO(tables["jabatan.csv"])))
    row = next(r for r in rows if r["id"] == AHLI_PERTAMA)
    assert (row["kebutuhan"], row["bezetting"], row["terbuka"]) == ("4", "2", "2")
    assert "data/penempatan.csv" in site_content(dataset).files


def test_the_peta_jabatan_shows_each_placement_and_totals_per_unit(dataset: Dataset) -> None:
    page = pages.unit_page(dataset, "dinas-pupr").markdown
    # Kepala Bidang states no numbers: the totals over it are lower bounds, and say so.
    assert (
        "**Formasi Dinas Pekerjaan Umum dan Penataan Ruang:** kebutuhan ≥ 5, bezetting ≥ 3"
    ) in page
    bidang, seksi = page.split("{#dinas-pupr--bidang-bina-marga}")[1].split(
        "{#dinas-pupr--bidang-bina-marga--seksi-jalan}"
    )
    assert "| Jabatan | Kebutuhan | Bezetting | Terbuka |" in bidang
    pertama = r"\| \[Teknik Jalan dan Jembatan Ahli Pertama\][^|]*"
    assert re.search(pertama + r" \| 3 \| 1 \| 2 \|", bidang)
    assert re.search(r"\| \[Kepala Bidang Bina Marga\][^|]* \| – \| – \| – \|", bidang)
    assert "| **Jumlah** | ≥ 3 | ≥ 1 | ≥ 2 |" in bidang
    assert page.count("_≥ N: sekurang-kurangnya N.") == 1  # once, under the unit's total
    assert page.index("sekurang-kurangnya") < page.index("{#dinas-pupr--bidang-bina-marga}")
    assert re.search(pertama + r" \| 1 \| 1 \| 0 \|", seksi)
    assert "| **Jumlah** | 2 | 2 | 0 |" in seksi  # every figure known: the plain total
    assert "sekurang-kurangnya" not in seksi


def test_the_peta_jabatan_diagram_draws_a_node_per_placement(dataset: Dataset) -> None:
    diagram = diagrams.unit_map(dataset, "dinas-pupr")
    for dot in (diagram.dot, diagram.fallback):
        nodes = re.findall(
            r'^\s*(n\d+) \[label="Teknik Jalan dan\\nJembatan Ahli Pertama', dot, re.M
        )
        assert len(nodes) == 2
        assert "kebutuhan 3, bezetting\\n1, terbuka 2" in dot
        # The move to Ahli Muda (placed in the bidang only) starts at the copy in the bidang.
        assert len(re.findall(rf"^\s*{nodes[0]} -> ", dot, re.M)) == 1
        assert not re.findall(rf"^\s*{nodes[1]} -> ", dot, re.M)
    assert 'label="Seksi Jalan\\nkebutuhan 2, bezetting 2, terbuka 0"' in diagram.dot
    svg = graphviz.Source(diagram.dot).pipe(format="svg").decode("utf-8")
    assert svg.count('class="node"') == 5  # Kabid, Kasi, Ahli Muda, and Ahli Pertama twice
    assert "terbuka 2" in svg


def test_the_open_positions_page_lists_every_open_placement(dataset: Dataset) -> None:
    page = formasi.open_positions_page(dataset)
    assert page.src == "formasi-terbuka.md"
    text = page.markdown
    assert "**≥ 2** formasi terbuka pada 1 jabatan" in text  # Kepala Bidang states none
    assert "_≥ N: sekurang-kurangnya N." in text
    assert "[PermenPANRB 1/2020](dasar-hukum/permenpanrb-1-2020.md)" in text
    assert "[Jelajah Karier](jelajah.md)" in text
    assert "## Dinas Pekerjaan Umum dan Penataan Ruang" in text
    rows = [line for line in text.splitlines() if line.startswith("| [")]
    assert len(rows) == 1  # the filled placement in the seksi is not open
    assert rows[0].startswith(
        "| [Teknik Jalan dan Jembatan Ahli Pertama](jabatan/teknik-jalan-ahli-pertama.md)"
    )
    assert rows[0].endswith("| 3 | 1 | **2** |")


def test_no_open_places_say_so(folder: DataFolder) -> None:
    dataset = folder.validate().dataset
    assert dataset is not None
    text = formasi.open_positions_page(dataset).markdown
    assert "_Belum ada formasi terbuka yang tercatat._" in text


def test_home_nav_and_explorer_point_to_the_openings(dataset: Dataset) -> None:
    content = site_content(dataset)
    home = next(p for p in content.pages if p.src == "index.md").markdown
    assert "| [Formasi terbuka](formasi-terbuka.md) | ≥ 2 formasi terbuka pada 1 jabatan" in home
    positions = next(entry for entry in content.nav if "Jabatan" in entry)["Jabatan"]
    assert {"Formasi terbuka": "formasi-terbuka.md"} in positions
    block = dict(explorer.explorer_page(dataset).html_blocks)["jelajah"]
    words = re.search(r'data-pk-words="([^"]*)"', block)
    assert words is not None
    assert json.loads(html.unescape(words.group(1)))["open"] == "{count} formasi terbuka"
    assert "data-pk-only-open" in block


@pytest.fixture
def partly_stated(folder: DataFolder) -> Dataset:
    """Ahli Pertama placed twice, its place in the seksi stating no numbers; Kepala Seksi
    Jalan fully stated (so Seksi Jalan's own totals are complete)."""
    pertama = folder.doc(f"jabatan/{AHLI_PERTAMA}.yml")
    del pertama["unit"]
    pertama["penempatan"] = [{"unit": BIDANG, "kebutuhan": 3, "bezetting": 1}, {"unit": SEKSI}]
    seksi = folder.doc("jabatan/kepala-seksi-jalan.yml")
    seksi["kebutuhan"] = 1
    seksi["bezetting"] = 1
    result = folder.validate()
    assert result.dataset is not None
    return result.dataset


def test_a_total_over_an_unknown_figure_is_shown_as_a_lower_bound_everywhere(
    partly_stated: Dataset,
) -> None:
    """One placement reads "–": no total over it may pose as complete (the position page,
    the list of positions, the peta jabatan, the annex, the CSV), and a note says what "≥"
    means wherever it appears."""
    dataset = partly_stated
    note = "≥ N: sekurang-kurangnya N."
    page = pages.position_page(dataset, dataset.positions[AHLI_PERTAMA]).markdown
    assert "- **Formasi:** kebutuhan ≥ 3, bezetting ≥ 1, terbuka ≥ 2" in page
    assert "| **Jumlah** | ≥ 3 | ≥ 1 | ≥ 2 |" in page
    assert "membutuhkan **≥ 2** pegawai" in page
    assert note in page
    index = dict(catalog.position_index(dataset).html_blocks)["daftar"]
    row = next(r for r in index.split("<tr") if f"jabatan/{AHLI_PERTAMA}.md" in r)
    assert '<td data-pk-sort="3">≥ 3</td><td data-pk-sort="1">≥ 1</td>' in row
    assert note in index
    seksi = pages.unit_page(dataset, "dinas-pupr").markdown.split(
        "{#dinas-pupr--bidang-bina-marga--seksi-jalan}"
    )[1]
    assert "| **Jumlah** | ≥ 1 | ≥ 1 | ≥ 0 |" in seksi
    lampiran = catalog.annex_page(dataset)
    annex = lampiran.markdown + "".join(html for _, html in lampiran.html_blocks)
    footers = re.findall(r"<tfoot>.*?</tfoot>", annex, re.S)
    assert footers and all("≥" in footer for footer in footers), footers
    assert annex.count(note) >= 2  # under BAB I's summary and under the peta jabatan
    rows = list(csv.DictReader(io.StringIO(csv_tables(dataset)["jabatan.csv"])))
    row = next(r for r in rows if r["id"] == AHLI_PERTAMA)
    assert (row["kebutuhan"], row["bezetting"], row["terbuka"]) == ("≥ 3", "≥ 1", "≥ 2")
    seksi_row = next(r for r in rows if r["id"] == "kepala-seksi-jalan")
    assert (seksi_row["kebutuhan"], seksi_row["terbuka"]) == ("1", "0")
    compare = "".join(html for _, html in comparison.compare_page(dataset).html_blocks)
    assert "at_least" in compare  # the compare page's script totals placements likewise


def test_the_lower_bound_reads_in_english(partly_stated: Dataset) -> None:
    content = site_content(partly_stated, "en")
    page = next(p for p in content.pages if p.src == f"jabatan/{AHLI_PERTAMA}.md").markdown
    assert "| **Total** | ≥ 3 | ≥ 1 | ≥ 2 |" in page
    assert "≥ N: at least N." in page
