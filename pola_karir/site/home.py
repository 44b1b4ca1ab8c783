"""The pages an employee starts from: home, the whole pattern, and the lists of paths and units."""

from __future__ import annotations

import re

from pola_karir.codes import CODES, Severity
from pola_karir.model import Dataset
from pola_karir.site import blocks, diagrams, urls
from pola_karir.site.pages import Page, _fictional_notice, _front
from pola_karir.site.text import external_link, link, md, table
from pola_karir.text.diagnostics import template


def home_page(dataset: Dataset) -> Page:
    agency = dataset.agency
    reg = agency.regulation
    page = urls.HOME
    regulation_title = f"{reg.kind} Nomor {reg.number} Tahun {reg.year} tentang {reg.title}"
    if reg.regulation_id and reg.regulation_id in dataset.regulations:
        regulation_text = link(
            regulation_title, urls.md_link(page, urls.regulation(reg.regulation_id))
        )
    elif reg.url:
        regulation_text = external_link(regulation_title, reg.url)
    else:
        regulation_text = md(regulation_title)
    dates = []
    if reg.enacted:
        dates.append(f"ditetapkan {md(reg.enacted)}")
    if reg.effective:
        dates.append(f"berlaku mulai {md(reg.effective)}")
    parts = [
        _front(f"Pola Karier PNS {agency.name}"),
        _fictional_notice(dataset),
        f"Situs ini menyertai {regulation_text}"
        + (f" ({', '.join(dates)})" if dates else "")
        + ". Isinya dibuat dari data yang sama dengan lampiran peraturan itu dan diperiksa "
        "otomatis setiap kali diubah.\n",
        "## Apa itu pola karier?\n",
        "Pola karier adalah pola dasar urutan penempatan dan perpindahan PNS dalam dan antar "
        "jabatan secara berkesinambungan (PP 11/2017 Pasal 188). Setiap instansi menyusun pola "
        "kariernya sendiri dan menetapkan **jalur karier**: jabatan-jabatan yang dapat dilalui "
        "seorang PNS, pada tingkat yang setara atau lebih tinggi (Pasal 189).\n",
        "Perpindahan jabatan ada tiga bentuk (PP 11/2017 Pasal 189 ayat (3)):\n",
        "- **Vertikal**: naik ke jabatan lebih tinggi dalam kelompok jabatan yang sama "
        "(misalnya pengawas menjadi administrator).\n"
        "- **Horizontal**: pindah ke jabatan yang setara, dalam kelompok yang sama atau ke "
        "kelompok lain (misalnya pengawas menjadi jabatan fungsional ahli muda).\n"
        "- **Diagonal**: naik ke jabatan lebih tinggi di kelompok jabatan lain (misalnya "
        "jabatan fungsional ahli muda menjadi administrator).\n",
        "Pengembangan karier PNS didasarkan pada kualifikasi, kompetensi, penilaian kinerja, "
        "dan kebutuhan instansi (sistem merit, UU 5/2014 Pasal 69). Karena itu setiap halaman "
        "jabatan menunjukkan **persyaratan** dan **standar kompetensi**-nya, lengkap dengan "
        "dasar hukumnya, serta apa yang perlu dipersiapkan untuk langkah berikutnya.\n",
        "## Mulai dari sini\n",
        table(
            ["Halaman", "Isinya"],
            [
                [
                    link("Pola karier", urls.md_link(page, urls.OVERVIEW)),
                    "seluruh jabatan dan perpindahannya dalam satu diagram",
                ],
                [
                    link("Jelajah Karier", urls.md_link(page, "jelajah.md")),
                    "isi profil Anda: jabatan yang dapat dicapai dan syarat yang masih kurang, "
                    "dihitung di peramban tanpa mengirim data ke mana pun",
                ],
                [
                    link("Daftar jabatan", urls.md_link(page, urls.POSITIONS)),
                    f"{len(dataset.positions)} jabatan; cari, saring, dan urutkan",
                ],
                [
                    link("Jalur karier", urls.md_link(page, urls.PATHS)),
                    f"{len(dataset.paths)} jalur, masing-masing dengan tangga kariernya",
                ],
                [
                    link("Unit kerja", urls.md_link(page, urls.UNITS)),
                    "peta jabatan setiap perangkat daerah",
                ],
                [
                    link("Kamus kompetensi", urls.md_link(page, urls.COMPETENCIES)),
                    "arti setiap level kompetensi dan jabatan yang mensyaratkannya",
                ],
                [
                    link("Dasar hukum", urls.md_link(page, urls.REGULATIONS)),
                    "peraturan dan pasal yang menjadi dasar setiap syarat",
                ],
            ],
        ),
        "\n## Cara membaca diagram\n",
        "Kotak adalah jabatan struktural (JPT, administrator, pengawas) dan pelaksana; elips "
        "adalah jabatan fungsional. Warna menunjukkan jenis jabatan. Panah menunjukkan arah "
        "perpindahan; diagram digambar dari bawah ke atas, jadi panah yang naik berarti naik "
        "jabatan. Angka pada panah (misalnya ≥2 th) adalah masa paling singkat di jabatan asal. "
        "Setiap kotak dapat diklik untuk membuka halaman jabatannya. Di samping setiap diagram "
        "ada tabel dengan isi yang sama.\n",
        blocks.html_placeholder("legenda"),
    ]
    if agency.contact:
        parts.append(f"\n## Pertanyaan\n\n{md(agency.contact)}\n")
    return Page(
        page,
        "Beranda",
        "\n".join(parts) + "\n",
        "instansi.yml",
        html_blocks=(("legenda", diagrams.legend_html()),),
    )


def overview_page(dataset: Dataset) -> Page:
    page = urls.OVERVIEW
    diagram = diagrams.overview(dataset)
    rows = []
    for top in sorted(u.id for u in dataset.units.values() if u.parent is None):
        count = sum(1 for p in dataset.positions.values() if p.unit.split("/")[0] == top)
        rows.append([link(dataset.units[top].name, urls.md_link(page, urls.unit(top))), str(count)])
    moves = sorted(dataset.moves(), key=lambda m: (m.source, m.target))
    move_rows = [
        [
            blocks.position_link(dataset, page, m.source),
            blocks.position_link(dataset, page, m.target),
            m.kind,
        ]
        for m in moves
    ]
    parts = [
        _front("Pola karier"),
        f"Seluruh {len(dataset.positions)} jabatan {md(dataset.agency.name)} dan "
        f"{len(moves)} perpindahan, dikelompokkan per perangkat daerah. Perbesar dengan tombol "
        "di atas diagram atau buka peta jabatan tiap perangkat daerah.\n",
        '<div class="pk-zoom" data-pk-zoom>',
        blocks.diagram_placeholder(
            diagram, "Pola karier seluruh instansi. Klik sebuah jabatan untuk membuka halamannya."
        ),
        "</div>\n",
        blocks.html_placeholder("legenda"),
        "\n## Per perangkat daerah\n",
        table(["Perangkat daerah", "Jumlah jabatan"], rows),
        '\n??? info "Semua perpindahan dalam bentuk tabel"\n',
        "\n".join("    " + line for line in table(["Dari", "Ke", "Jenis"], move_rows).splitlines()),
    ]
    return Page(
        page,
        "Pola karier",
        "\n".join(parts) + "\n",
        None,
        (diagram,),
        html_blocks=(("legenda", diagrams.legend_html()),),
    )


def path_index(dataset: Dataset) -> Page:
    page = urls.PATHS
    rows = [
        [
            link(p.name, urls.md_link(page, urls.path(p.id))),
            str(len(p.moves)),
            md(p.description) if p.description else "–",
        ]
        for p in sorted(dataset.paths.values(), key=lambda p: p.name)
    ]
    return Page(
        page,
        "Jalur karier",
        _front("Jalur karier") + table(["Jalur", "Langkah", "Keterangan"], rows) + "\n",
    )


def unit_index(dataset: Dataset) -> Page:
    page = urls.UNITS
    rows = []
    for unit in sorted(
        (u for u in dataset.units.values() if u.parent is None), key=lambda u: u.name
    ):
        count = sum(1 for p in dataset.positions.values() if p.unit.split("/")[0] == unit.id)
        rows.append(
            [
                link(unit.name, urls.md_link(page, urls.unit(unit.id))),
                md(unit.short_name) or "–",
                str(count),
            ]
        )
    return Page(
        page,
        "Unit kerja",
        _front("Unit kerja") + table(["Perangkat daerah", "Singkatan", "Jabatan"], rows) + "\n",
    )


def open_data_page(dataset: Dataset, files: dict[str, str]) -> Page:
    """Links to the open data published with this build."""
    page = urls.OPEN_DATA
    data_rows = []
    for path in sorted(files):
        if not path.startswith(urls.OPEN_DATA_DIR):
            continue
        name = path.removeprefix(urls.OPEN_DATA_DIR)
        size = len(files[path].encode("utf-8"))
        data_rows.append(
            [
                link(name, urls.md_link(page, path)),
                _DESCRIPTIONS.get(name, ""),
                f"{size / 1024:.0f} KB",
            ]
        )
    schema_rows = [
        [link(path.removeprefix("schemas/"), urls.md_link(page, path))]
        for path in sorted(files)
        if path.startswith("schemas/")
    ]
    parts = [
        _front("Data terbuka"),
        f"Seluruh pola karier {md(dataset.agency.name)} tersedia sebagai data terbuka, "
        "diperbarui setiap kali situs dibuat. `pola-karir.json` memuat semua entitas dengan "
        "nomor versi format dan rujukan ke skemanya; berkas CSV memuat satu jenis entitas "
        "masing-masing dan dapat dibuka dengan aplikasi lembar kerja.\n",
        table(["Berkas", "Isi", "Ukuran"], data_rows),
        "\n## Skema JSON\n",
        "Skema (JSON Schema Draft 2020-12) untuk memeriksa data YAML dan ekspor JSON dengan "
        "alat lain:\n",
        table(["Skema"], schema_rows),
    ]
    return Page(page, "Data terbuka", "\n".join(parts) + "\n")


_DESCRIPTIONS = {
    "pola-karir.json": "semua data: instansi, unit, jabatan dan persyaratannya, jalur, "
    "kompetensi, pelatihan, dasar hukum",
    "jabatan.csv": "jabatan dengan pendidikan dan golongan minimal",
    "standar-kompetensi.csv": "level kompetensi yang dipersyaratkan setiap jabatan",
    "jalur.csv": "langkah perpindahan setiap jalur karier",
    "unit.csv": "unit organisasi",
    "kompetensi.csv": "kamus kompetensi",
    "pelatihan.csv": "katalog pelatihan dan sertifikasi",
    "dasar-hukum.csv": "peraturan yang dirujuk",
}


def rules_page() -> Page:
    """Every validation code with its meaning and fix, so a code in a CI log can be looked up."""
    page = urls.RULES
    rows = []
    for rule in CODES.values():
        kind = "galat" if rule.severity is Severity.ERROR else "peringatan"
        rows.append(
            [
                f"`{rule.code}`",
                kind,
                md(_PLACEHOLDER.sub("…", template(rule.code, "message"))),
                md(_PLACEHOLDER.sub("…", template(rule.code, "hint"))),
            ]
        )
    intro = (
        "Kode yang muncul dalam laporan `pola-karir validate` dan saat situs dibuat. "
        "**Galat** menghentikan penerbitan situs; **peringatan** perlu diperiksa ulang tetapi "
        "tidak menghentikannya (kecuali situs dibuat dengan `--strict`). Aturan yang "
        "bersandar pada ketentuan yang belum dipastikan dari naskah peraturan hanya "
        "memberi peringatan.\n"
    )
    return Page(
        page,
        "Kode pemeriksaan",
        _front("Kode pemeriksaan")
        + intro
        + "\n"
        + table(["Kode", "Jenis", "Arti", "Cara memperbaiki"], rows)
        + "\n",
    )


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
