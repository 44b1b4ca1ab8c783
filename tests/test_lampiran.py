"""The Lampiran as a document to sign: ``pola-karir lampiran --pdf`` read back with poppler's
``pdftotext`` and ``pdfinfo``.

One PDF is made per module and every check reads it. It is made from the fictional province's
data (tests/provinsi: 17 positions, 3 career paths, 3 perangkat daerah, a full closing block),
not from the example: its 14 pages have every chapter, the running header, page numbers, wide
tables on landscape pages and the closing block, so they prove what the example's ~75 pages
would, at a fifth of WeasyPrint's layout time. The example's own annex model (not its PDF) is
checked where only the example holds the value (its signatory). Failures are checked on the
cheap HTML output, which goes through the same atomic write as the PDF.
"""

from __future__ import annotations

import html
import io
import os
import re
import subprocess
import sys
import threading
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from factory import DataFolder

from pola_karir.cli import main
from pola_karir.model import Dataset
from pola_karir.rules.validate import validate_project
from pola_karir.site import annex, annex_html, annex_pdf

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
PROVINSI = REPO / "tests" / "provinsi"  # the data the module's PDF is made of
HEADER = (
    "Lampiran Peraturan Gubernur Nomor 7 Tahun 2026 tentang Pola Karier Pegawai Negeri "
    "Sipil di Lingkungan Pemerintah Provinsi Contoh"
)


@dataclass(frozen=True)
class Made:
    pdf: Path
    html: str
    pages: list[str]  # pdftotext of each page
    sizes: list[tuple[float, float]]  # width, height in points, per page
    stdout: str
    model: annex.Annex
    dataset: Dataset


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _sizes(pdf: Path, count: int) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(count), str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(r"Page\s+\d+ size:\s+([0-9.]+) x ([0-9.]+) pts", info)
    return [(float(w), float(h)) for w, h in found]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    folder = tmp_path_factory.mktemp("lampiran")
    pdf, page = folder / "lampiran.pdf", folder / "lampiran.html"
    code, stdout, stderr = _run(
        "lampiran", "--data", str(PROVINSI), "--pdf", str(pdf), "--html", str(page)
    )
    assert code == 0, stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    result = validate_project(PROVINSI)
    assert result.dataset is not None
    return Made(
        pdf,
        page.read_text(encoding="utf-8"),
        pages,
        _sizes(pdf, len(pages)),
        stdout,
        annex.annex(result.dataset),
        result.dataset,
    )


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_chapters_come_in_order_each_on_a_new_page(made: Made) -> None:
    starts = []
    for number, title in (
        ("I", "POLA DASAR KARIER"),
        ("II", "JALUR KARIER"),
        ("III", "PETA JABATAN"),
        ("IV", "STANDAR KOMPETENSI JABATAN"),
    ):
        found = [
            index
            for index, page in enumerate(made.pages)
            if re.search(rf"^\s*BAB {number}\s*\n\s*{title}\s*$", page, re.M)
        ]
        assert len(found) == 1, f"BAB {number} {title}: on pages {found}"
        starts.append(found[0])
    assert starts == sorted(starts) and starts[0] == 0
    # Every chapter after the first begins its page (after the running header only).
    for index in starts[1:]:
        page = _flat(made.pages[index]).strip()
        assert page.startswith(HEADER + " BAB "), page[:200]
    # The sections: every career path, every perangkat daerah (in BAB III and BAB IV).
    text = _flat("\n".join(made.pages))
    for path in made.dataset.paths.values():
        assert path.name in text
    tops = {p.unit.split("/")[0] for pos in made.dataset.positions.values() for p in pos.placements}
    for top in tops:
        assert text.count(made.dataset.units[top].name) >= 2


def test_running_header_and_page_numbers(made: Made) -> None:
    total = len(made.pages)
    header = HEADER
    assert "Nomor 7 Tahun 2026 tentang" not in made.pages[0]  # page 1 has the full heading
    assert "LAMPIRAN" in made.pages[0] and "NOMOR 7 TAHUN 2026" in made.pages[0]
    for number, page in enumerate(made.pages, start=1):
        assert f"Halaman {number} dari {total}" in page, number
        if number > 1:
            assert header in _flat(page), number
    assert made.stdout.strip().endswith(f"{total} halaman.") or f"{total} halaman" in made.stdout


def test_closing_block_ends_the_last_page(made: Made) -> None:
    last = _flat(made.pages[-1])
    closing = (
        "Ditetapkan di Kota Contoh pada tanggal 10 Februari 2026 GUBERNUR CONTOH, Nama Gubernur"
    )
    assert closing in last
    assert all("Ditetapkan di" not in page for page in made.pages[:-1])


def _content_bounds(model: annex.Annex) -> tuple[int, int]:
    """How many pages the content can take: at least one per chapter plus what its table rows
    fill at the densest (one line each); at most one page per group of headings, one per
    figure, and a page per five rows (a row of long conditions wraps to several lines)."""
    tables = [
        block
        for chapter in model.chapters
        for blocks in (chapter.blocks, *(s.blocks for s in chapter.sections))
        for block in blocks
        if isinstance(block, annex.Table)
    ]
    rows = sum(len(t.rows) + 1 + bool(t.footer) for t in tables)
    sections = sum(1 + len(chapter.sections) for chapter in model.chapters)
    densest = 46  # one-line rows of 8 pt on a portrait A4 page
    return (
        len(model.chapters) + rows // densest,
        sections + len(model.figures) + -(-rows // 5) + 1,
    )


def test_page_count_follows_from_the_content_and_wide_parts_are_landscape(made: Made) -> None:
    low, high = _content_bounds(made.model)
    assert low <= len(made.pages) <= high
    assert len(made.sizes) == len(made.pages)
    portrait = [w < h for w, h in made.sizes]
    assert portrait[0], "the first page (the heading) is portrait"
    assert not all(portrait) and any(portrait[1:])
    for width, height in made.sizes:  # A4 either way
        assert sorted((round(width), round(height))) == [595, 842]
    # The competency standards have 12 columns: each page that shows their heading row is
    # landscape.
    standard_pages = [i for i, page in enumerate(made.pages) if "Kompetensi teknis (level)" in page]
    assert standard_pages
    assert not any(portrait[i] for i in standard_pages)


def test_html_is_self_contained(made: Made) -> None:
    assert "pk-src:" not in made.html and "href=" not in made.html
    assert not re.search(r"""(?:src|url)\s*[=(]\s*["']?(?!data:)[a-z]+:""", made.html)
    assert "<script" not in made.html
    assert made.html.count("<figure>") == len(made.model.figures) > 0


# --- untrusted data -------------------------------------------------------------------------

HOSTILE_POSITION = '<script>alert(1)</script><img src="http://127.0.0.1:1/x.png"> & "q"'
HOSTILE_TITLE = 'Pola Karier"; } @page { @top-center { content: "X'
HOSTILE_SIGNER = "</p><h1>BAB IX</h1><p>"


def test_hostile_strings_stay_text(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data")
    folder.doc("jabatan/kepala-seksi-jalan.yml")["nama"] = HOSTILE_POSITION
    regulation = folder.doc("instansi.yml")["regulasi"]
    regulation["tentang"] = HOSTILE_TITLE
    regulation["penandatangan"] = {"jabatan": HOSTILE_SIGNER, "nama": "\\a0 url(x)"}
    result = folder.validate()
    assert result.dataset is not None, [d.code for d in result.diagnostics]
    _, document = annex_pdf.annex_document(result.dataset, jobs=1)
    assert "<script" not in document and "<img" not in document and "<h1>BAB IX" not in document
    assert html.escape(HOSTILE_POSITION) in document
    # The running header is one CSS string whatever the title holds: no quote ends it early.
    style = document.split("<style>", 1)[1].split("</style>", 1)[0]
    header = re.search(r'@top-center \{ content: "((?:[^"\\]|\\[0-9a-f]+ )*)"; \}', style)
    assert header is not None
    decoded = re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m.group(1), 16)), header.group(1))
    assert decoded.endswith(f"tentang {HOSTILE_TITLE}")
    made = annex_pdf.pdf(document)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(made.data)
    read = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = _flat(read.stdout)
    assert _flat(HOSTILE_POSITION) in text  # shown as written, as text
    # The running header shows the title as written (pdftotext may break its line anywhere).
    assert re.sub(r"\s", "", f"tentang {HOSTILE_TITLE}") in re.sub(r"\s", "", text)
    assert "</p><h1>BAB IX</h1><p>," in text


class _Counter(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_the_pdf_engine_fetches_nothing() -> None:
    """Even markup that asks for outside resources (which escaping never lets data write)
    loads nothing: the URL fetcher refuses every address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        page = (
            f'<html><head><link rel="stylesheet" href="{base}/style.css">'
            f"<style>@import url({base}/import.css); body {{ background: url({base}/bg.png) }}"
            f'</style></head><body><img src="{base}/x.png"><img src="file:///etc/hostname">'
            "<p>isi</p></body></html>"
        )
        made = annex_pdf.pdf(page)
    finally:
        server.shutdown()
        server.server_close()
    assert made.pages == 1
    assert _Counter.hits == []


# --- writing whole files or none ------------------------------------------------------------


def test_a_write_that_fails_midway_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "lampiran.html"
    target.write_text("versi lama\n", encoding="utf-8")
    # The child may not grow a file past 64 KiB (a disk filling up mid-write); the document
    # is about 100 KB. Without the signal ignored, the kernel would kill it at the limit.
    code = (
        "import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
        "resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536)); "
        "from pola_karir.cli import main; "
        f"sys.exit(main(['lampiran', '--data', {str(PROVINSI)!r}, '--html', {str(target)!r}]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert run.returncode == 2, run.stderr
    assert run.stderr.startswith(f"pola-karir: {target}: ")
    assert str(target) in run.stderr and "tidak ada berkas yang ditulis" in run.stderr
    assert "Traceback" not in run.stderr
    assert target.read_text(encoding="utf-8") == "versi lama\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lampiran.html"]


def test_a_written_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    """A new file is readable as any file the user makes (the umask decides), not only by its
    owner as the temporary file was; a replaced file keeps its permissions."""
    umask = os.umask(0o022)
    try:
        new = tmp_path / "baru.html"
        annex_pdf.write_atomic(new, b"isi")
        assert new.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "lama.html"
        kept.write_bytes(b"lama")
        kept.chmod(0o640)
        annex_pdf.write_atomic(kept, b"baru")
        assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_bytes() == b"baru"
    finally:
        os.umask(umask)


def test_a_missing_or_unusable_target_is_said_and_nothing_is_written(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada" / "lampiran.html"
    code, _, err = _run("lampiran", "--data", str(PROVINSI), "--html", str(missing))
    assert code == 2 and str(missing) in err and "Traceback" not in err
    assert not missing.parent.exists()
    folder = tmp_path / "lampiran.html"
    folder.mkdir()
    code, _, err = _run("lampiran", "--data", str(PROVINSI), "--html", str(folder))
    assert code == 2 and str(folder) in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lampiran.html"]
    assert list(folder.iterdir()) == []


def test_usage_and_invalid_data(tmp_path: Path, folder: DataFolder) -> None:
    code, out, err = _run("lampiran", "--data", str(PROVINSI))
    assert code == 2 and "--pdf" in err and out == ""
    code, out, err = _run("lampiran", "--data", str(PROVINSI), "--lang", "en")
    assert code == 2 and err.startswith("pola-karir: Name an output file") and out == ""
    folder.doc("instansi.yml")["regulasi"]["penandatangan"] = {"jabtan": "BUPATI"}
    root = folder.write()
    target = tmp_path / "x.html"
    code, out, err = _run("lampiran", "--data", str(root), "--html", str(target))
    assert code == 1 and "PK101" in out and "jabatan" in out
    assert not target.exists()


def test_without_weasyprint_the_command_says_how_to_install_it(tmp_path: Path) -> None:
    target = tmp_path / "lampiran.pdf"
    code = (
        "import sys; sys.modules['weasyprint'] = None; from pola_karir.cli import main; "
        f"sys.exit(main(['lampiran', '--data', {str(PROVINSI)!r}, '--pdf', {str(target)!r}]))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 2
    assert run.stderr.startswith("pola-karir: ")
    assert "pip install 'pola-karir[pdf]'" in run.stderr and "Traceback" not in run.stderr
    assert not target.exists()


def test_a_pdf_that_cannot_be_written_is_said_under_the_program_name(
    folder: DataFolder,
) -> None:
    """A real failure after WeasyPrint has laid the PDF out: its folder cannot take a new file
    (/proc refuses one even to root). One message, under "pola-karir:", naming the file."""
    target = Path("/proc") / "lampiran.pdf"
    code, out, err = _run("lampiran", "--data", str(folder.write()), "--pdf", str(target))
    assert (code, out) == (2, "")
    assert err.startswith(f"pola-karir: {target}: tidak dapat ditulis (")
    assert "tidak ada berkas yang ditulis" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


# --- the closing block ----------------------------------------------------------------------


def test_closing_block_leaves_lines_to_fill_when_the_data_does_not_say(folder: DataFolder) -> None:
    result = folder.validate()  # the minimal data has no ditetapkan_di, date or signatory
    assert result.dataset is not None
    closing = annex.annex(result.dataset).closing
    assert closing == annex.Closing("", "", "", "")
    block = annex_html.closing_html(closing)
    assert block.count('<span class="blank"></span>') == 4
    assert "Ditetapkan di <span" in block and "pada tanggal <span" in block


def test_signatory_and_place_come_from_instansi(made: Made) -> None:
    assert made.model.closing == annex.Closing(
        "Kota Contoh", "10 Februari 2026", "GUBERNUR CONTOH", "Nama Gubernur"
    )
    example = validate_project(DATA).dataset
    assert example is not None
    assert annex.annex(example).closing == annex.Closing(
        "Contoh", "17 Maret 2025", "BUPATI CONTOH", "Nama Bupati Fiktif"
    )
    assert annex.long_date("2025-13-01") == "2025-13-01"
