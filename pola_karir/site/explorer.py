"""Jelajah Karier: the page where an employee fills in a profile and sees the positions within
reach, when, and what is still missing.

The page is a form (plain HTML built here, every data string escaped) and two scripts: the open
data as ``assets/pola-karir-data.js`` and ``assets/jelajah.js``, the browser port of
:mod:`pola_karir.career.matching`. Everything runs in the browser: no request leaves the page,
and it works from ``file://`` too.
"""

from __future__ import annotations

import html
from collections import defaultdict
from importlib import resources

from pola_karir import reference as ref
from pola_karir.model import Dataset
from pola_karir.site import blocks, urls
from pola_karir.site.page import Page
from pola_karir.site.page import front as _front
from pola_karir.site.text import attr, link, md
from pola_karir.text import phrases

PAGE = "jelajah.md"
TITLE = "Jelajah Karier"
SCRIPT = "assets/jelajah.js"
DATA_SCRIPT = "assets/pola-karir-data.js"
PROFILE_SCHEMA = "schemas/profil.schema.json"
_ID = "__ID__"  # stands for a position id in the link template (ids never contain '_')
MAX_MOVES = (1, 2, 3, 4)
DEFAULT_MOVES = 3

_TRAINING_KINDS = {
    "dasar": "Pelatihan dasar",
    "kepemimpinan": "Pelatihan kepemimpinan",
    "fungsional": "Pelatihan fungsional",
    "teknis": "Pelatihan teknis",
    "sertifikasi": "Sertifikasi",
}
_COMPETENCY_GROUPS = {
    "manajerial": "Manajerial",
    "sosial-kultural": "Sosial kultural",
    "teknis": "Teknis",
}
# Best first: the order an employee reads a rating scale in.
_RATINGS = ("sangat-baik", "baik", "cukup", "butuh-perbaikan", "kurang", "sangat-kurang")
_YEARS_HINT = "Dalam tahun; boleh pecahan, misalnya 2,5."


def explorer_files() -> dict[str, str]:
    """The page's script, published beside the other assets."""
    package = resources.files("pola_karir.site") / "assets"
    return {SCRIPT: (package / "jelajah.js").read_text(encoding="utf-8")}


def explorer_page(dataset: Dataset, directory_urls: bool = True) -> Page:
    position_url = urls.relative_url(PAGE, urls.position(_ID), directory_urls)
    scripts = "".join(
        f'<script src="{attr(urls.relative_file(PAGE, path, directory_urls))}"></script>'
        for path in (DATA_SCRIPT, SCRIPT)
    )
    body = (
        f'<div class="pk-jelajah" data-pk-jelajah data-pk-position-url="{attr(position_url)}">'
        f"{_form(dataset)}{_results()}</div>"
        '<noscript><p class="pk-jelajah__noscript">Halaman ini memerlukan JavaScript. Semua '
        "perhitungan dilakukan di perangkat Anda; tidak ada data yang dikirim.</p></noscript>"
        f"{scripts}"
    )
    schema_link = link("profil.schema.json", urls.md_link(PAGE, PROFILE_SCHEMA))
    parts = [
        _front(TITLE),
        "Isi data diri Anda, lalu lihat jabatan yang dapat Anda capai dari jabatan sekarang "
        f"menurut pola karier {md(dataset.agency.name)}: lewat rute mana, kapan paling cepat, dan "
        "syarat apa yang masih perlu dipenuhi. Hasilnya diperbarui setiap kali isian diubah.\n",
        '!!! info "Data Anda tidak dikirim ke mana pun"\n'
        "    Semua perhitungan dilakukan di peramban (browser) Anda, juga bila halaman ini dibuka "
        "tanpa internet. Isian tidak dikirim ke server dan tidak disimpan di mana pun selain di "
        "alamat halaman ini (bagian setelah tanda #), sehingga dapat ditandai (bookmark) atau "
        "dibagikan. Bagikan alamat itu hanya kepada orang yang Anda percayai.\n",
        "Isian yang dikosongkan tidak dianggap gagal: syarat yang bergantung padanya ditandai "
        "**belum dinilai**. Hasil ini gambaran awal menurut syarat tertulis, bukan keputusan "
        "pengangkatan; ketersediaan formasi dan syarat tambahan setiap perpindahan tetap berlaku. "
        "Tombol **Ekspor JSON** menyimpan isian sebagai berkas profil pegawai (format "
        f"{schema_link}), yang dapat dimuat lagi dengan **Impor JSON**.\n",
        blocks.html_placeholder("jelajah"),
    ]
    return Page(PAGE, TITLE, "\n".join(parts) + "\n", html_blocks=(("jelajah", body),))


# --- the form -------------------------------------------------------------------------------


def _options(pairs: list[tuple[str, str]], empty: str) -> str:
    first = f'<option value="">{html.escape(empty)}</option>'
    return first + "".join(
        f'<option value="{attr(value)}">{html.escape(label)}</option>' for value, label in pairs
    )


def _select(name: str, label: str, options: str, hint: str = "") -> str:
    ident = f"pk-j-{name.replace('_', '-')}"
    described = f' aria-describedby="{ident}-hint"' if hint else ""
    hint_html = f'<small class="pk-jelajah__hint" id="{ident}-hint">{html.escape(hint)}</small>'
    return (
        f'<div class="pk-jelajah__field"><label for="{ident}">{html.escape(label)}</label>'
        f'<select id="{ident}" name="{name}"{described}>{options}</select>'
        f"{hint_html if hint else ''}</div>"
    )


def _years(name: str, label: str, hint: str = _YEARS_HINT, key: str = "") -> str:
    ident = f"pk-j-{name.replace('_', '-')}"
    data = f' data-pk-pengalaman="{attr(key)}"' if key else ""
    return (
        f'<div class="pk-jelajah__field"><label for="{ident}">{html.escape(label)}</label>'
        f'<input type="text" inputmode="decimal" autocomplete="off" id="{ident}" name="{name}" '
        f'size="6" aria-describedby="{ident}-hint"{data}>'
        f'<small class="pk-jelajah__hint" id="{ident}-hint">{html.escape(hint)}</small></div>'
    )


def _position_select(dataset: Dataset) -> str:
    by_unit: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for position in dataset.positions.values():
        by_unit[position.unit.split("/")[0]].append((position.name, position.id))

    def unit_name(unit_id: str) -> str:
        unit = dataset.units.get(unit_id)
        return unit.name if unit else unit_id

    groups = []
    for unit_id in sorted(by_unit, key=lambda u: (unit_name(u), u)):
        options = "".join(
            f'<option value="{attr(pid)}">{html.escape(name)}</option>'
            for name, pid in sorted(by_unit[unit_id])
        )
        groups.append(f'<optgroup label="{attr(unit_name(unit_id))}">{options}</optgroup>')
    return (
        '<div class="pk-jelajah__field"><label for="pk-j-cari">Cari jabatan</label>'
        '<input type="search" id="pk-j-cari" data-pk-search autocomplete="off" '
        'placeholder="ketik sebagian nama jabatan atau unit" aria-describedby="pk-j-cari-hint">'
        '<small class="pk-jelajah__hint" id="pk-j-cari-hint" data-pk-search-count '
        'aria-live="polite"></small></div>'
        '<div class="pk-jelajah__field"><label for="pk-j-jabatan">Jabatan sekarang</label>'
        '<select id="pk-j-jabatan" name="jabatan">'
        f'<option value="">— pilih jabatan —</option>{"".join(groups)}</select></div>'
    )


def _trainings(dataset: Dataset) -> str:
    by_kind: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for training in dataset.trainings.values():
        by_kind[training.kind].append((phrases.training(training.id, dataset), training.id))
    kinds = sorted(
        by_kind,
        key=lambda k: (
            list(_TRAINING_KINDS).index(k) if k in _TRAINING_KINDS else len(_TRAINING_KINDS),
            k,
        ),
    )
    groups = []
    for kind in kinds:
        boxes = "".join(
            f'<label class="pk-jelajah__check"><input type="checkbox" name="pelatihan" '
            f'value="{attr(tid)}"> {html.escape(name)}</label>'
            for name, tid in sorted(by_kind[kind], key=lambda item: (item[0].casefold(), item[1]))
        )
        legend = _TRAINING_KINDS.get(kind, kind.capitalize())
        groups.append(
            f'<fieldset class="pk-jelajah__group"><legend>{html.escape(legend)}</legend>'
            f"{boxes}</fieldset>"
        )
    return (
        '<details class="pk-jelajah__more"><summary>Pelatihan dan sertifikasi yang sudah '
        'diikuti<span data-pk-count="pelatihan"></span></summary>'
        '<p class="pk-jelajah__hint">Centang yang sudah Anda ikuti atau miliki. Bila tidak ada '
        "yang dicentang, syarat pelatihan belum dinilai.</p>"
        '<label class="pk-jelajah__check"><input type="checkbox" name="pelatihan_tidak_ada"> '
        "Belum pernah mengikuti satu pun pelatihan di daftar ini</label>"
        f"{''.join(groups)}</details>"
    )


def _experience() -> str:
    structural = [key for key, level in ref.LEVELS.items() if level.group != "JF"]
    functional = [key for key, level in ref.LEVELS.items() if level.group == "JF"]
    groups = []
    for legend, keys in (
        ("Jabatan administrasi dan pimpinan tinggi", structural),
        ("Jabatan fungsional (jenjang)", functional),
    ):
        fields = "".join(
            _years(f"pengalaman_{key}", ref.LEVELS[key].label, "Tahun.", key) for key in keys
        )
        groups.append(
            f'<fieldset class="pk-jelajah__group pk-jelajah__grid"><legend>{html.escape(legend)}'
            f"</legend>{fields}</fieldset>"
        )
    return (
        '<details class="pk-jelajah__more"><summary>Pengalaman jabatan sebelumnya (opsional)'
        '<span data-pk-count="pengalaman"></span></summary>'
        '<p class="pk-jelajah__hint">Lama (tahun) pernah menduduki setiap jenis jabatan atau '
        "jenjang fungsional, di luar jabatan sekarang (yang sekarang sudah dihitung dari isian "
        "lama di jabatan sekarang). Bila semuanya kosong, syarat pengalaman yang tidak "
        "terpenuhi oleh jabatan sekarang belum dinilai.</p>"
        '<label class="pk-jelajah__check"><input type="checkbox" name="pengalaman_lengkap"> '
        "Riwayat ini sudah lengkap: yang dikosongkan berarti belum pernah diduduki</label>"
        f"{''.join(groups)}</details>"
    )


def _competencies(dataset: Dataset) -> str:
    levels = _options([(str(n), f"level {n}") for n in range(1, 6)], "belum dinilai")
    groups = []
    for group, legend in _COMPETENCY_GROUPS.items():
        members = [c for c in dataset.competencies.values() if c.group == group]
        if not members:
            continue
        fields = "".join(
            f'<div class="pk-jelajah__field"><label for="pk-j-k-{attr(c.id)}">'
            f"{html.escape(c.name)}</label>"
            f'<select id="pk-j-k-{attr(c.id)}" name="kompetensi_{attr(c.id)}" '
            f'data-pk-kompetensi="{attr(c.id)}">{levels}</select></div>'
            for c in members
        )
        groups.append(
            f'<fieldset class="pk-jelajah__group pk-jelajah__grid"><legend>{html.escape(legend)}'
            f"</legend>{fields}</fieldset>"
        )
    return (
        '<details class="pk-jelajah__more"><summary>Level kompetensi hasil asesmen (opsional)'
        '<span data-pk-count="kompetensi"></span></summary>'
        '<p class="pk-jelajah__hint">Isi bila Anda sudah punya hasil penilaian kompetensi; '
        "yang kosong belum dinilai.</p>"
        f"{''.join(groups)}</details>"
    )


def _form(dataset: Dataset) -> str:
    fields = sorted(
        {
            field
            for p in dataset.positions.values()
            if p.requirements.education
            for field in p.requirements.education.fields
        },
        key=str.casefold,
    )
    education = _options(
        [(code, ref.EDUCATION_LABEL[code]) for code in ref.EDUCATION_RANK], "belum diisi"
    )
    ranks = _options([(code, f"{code} – {title}") for code, title in ref.RANKS], "belum diisi")
    ratings = _options([(r, ref.RATING_LABEL[r]) for r in _RATINGS], "belum diisi")
    years_back = ("Tahun terakhir", "Dua tahun lalu", "Tiga tahun lalu")
    moves = "".join(
        f'<option value="{n}"{" selected" if n == DEFAULT_MOVES else ""}>{n} langkah</option>'
        for n in MAX_MOVES
    )
    datalist = "".join(f'<option value="{attr(f)}"></option>' for f in fields)
    return (
        '<form class="pk-jelajah__form" novalidate aria-label="Profil pegawai">'
        '<fieldset class="pk-jelajah__section"><legend>Jabatan sekarang</legend>'
        f"{_position_select(dataset)}"
        '<div class="pk-jelajah__grid">'
        f"{_years('masa_jabatan', 'Lama di jabatan sekarang (tahun)')}"
        f"{_years('masa_kerja', 'Masa kerja sebagai PNS (tahun)')}"
        "</div></fieldset>"
        '<fieldset class="pk-jelajah__section"><legend>Pendidikan dan pangkat</legend>'
        '<div class="pk-jelajah__grid">'
        f"{_select('pendidikan', 'Pendidikan terakhir', education, 'D-IV setara S-1.')}"
        '<div class="pk-jelajah__field"><label for="pk-j-bidang-pendidikan">Bidang/jurusan '
        'pendidikan</label><input type="text" id="pk-j-bidang-pendidikan" '
        'name="bidang_pendidikan" list="pk-j-bidang-daftar" autocomplete="off" maxlength="200">'
        f'<datalist id="pk-j-bidang-daftar">{datalist}</datalist></div>'
        f"{_select('golongan', 'Golongan ruang', ranks)}"
        "</div></fieldset>"
        '<fieldset class="pk-jelajah__section"><legend>Predikat kinerja</legend>'
        '<p class="pk-jelajah__hint">Mulai dari tahun terakhir. Tahun yang kosong dan tahun '
        "sesudahnya tidak dihitung.</p>"
        '<div class="pk-jelajah__grid">'
        + "".join(_select(f"kinerja_{i}", label, ratings) for i, label in enumerate(years_back))
        + "</div></fieldset>"
        f"{_trainings(dataset)}{_experience()}{_competencies(dataset)}"
        '<div class="pk-jelajah__grid pk-jelajah__bottom">'
        f"{_select('langkah', 'Jumlah perpindahan paling banyak', moves)}"
        "</div>"
        '<div class="pk-jelajah__actions">'
        '<button type="button" class="md-button" data-pk-action="export">Ekspor JSON</button>'
        '<button type="button" class="md-button" data-pk-action="import">Impor JSON</button>'
        '<button type="button" class="md-button" data-pk-action="reset">Kosongkan</button>'
        '<input type="file" accept=".json,application/json" data-pk-file hidden '
        'aria-label="Berkas profil JSON">'
        "</div>"
        '<p class="pk-jelajah__message" data-pk-message role="status" aria-live="polite"></p>'
        "</form>"
    )


def _results() -> str:
    return (
        '<section class="pk-jelajah__results" aria-labelledby="pk-j-hasil">'
        '<h2 id="pk-j-hasil">Jabatan yang dapat dicapai</h2>'
        '<p class="pk-jelajah__summary" data-pk-summary role="status" aria-live="polite">'
        "Memuat…</p>"
        '<ol class="pk-jelajah__list" data-pk-results></ol>'
        "</section>"
    )
