"""Golden files: the Markdown the core generates for representative pages of the example.

A change to page content shows up here as a readable diff. After an intended change, regenerate
with ``POLA_KARIR_UPDATE_GOLDEN=1 pytest tests/site/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from pola_karir.model import Dataset
from pola_karir.site.build import SiteContent, site_content
from pola_karir.site.pages import Page

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("POLA_KARIR_UPDATE_GOLDEN") == "1"

CASES = {
    "home": "index.md",
    "jabatan-administrator": "jabatan/kepala-bidang-bina-marga.md",
    "jabatan-fungsional": "jabatan/penata-kelola-jalan-dan-jembatan-ahli-muda.md",
    "jalur": "jalur/bina-marga.md",
    "unit": "unit/dinas-pupr.md",
    "kompetensi": "kompetensi/manajemen-konstruksi-jalan.md",
    "dasar-hukum": "dasar-hukum/keppres-87-1999.md",
    "daftar-jabatan": "jabatan/index.md",
    "bandingkan": "bandingkan.md",
    "rencana": "rencana.md",
}


@pytest.fixture(scope="module")
def content(example_dataset: Dataset) -> SiteContent:
    return site_content(example_dataset)


def render(page: Page) -> str:
    """The page's Markdown, then each ready-made HTML block (one table row per line)."""
    text = page.markdown
    for name, block in page.html_blocks:
        text += f"\n<!-- html block {name!r} -->\n" + block.replace("</tr>", "</tr>\n") + "\n"
    return text


@pytest.mark.parametrize("name", sorted(CASES))
def test_page_matches_golden(content: SiteContent, name: str) -> None:
    pages = {page.src: page for page in content.pages}
    actual = render(pages[CASES[name]])
    golden = GOLDEN / f"{name}.md"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    if not golden.is_file():
        pytest.fail(
            f"golden file {golden} is missing: create it with POLA_KARIR_UPDATE_GOLDEN=1 "
            "pytest tests/site/test_golden.py, then read it before committing it"
        )
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            f"golden/{name}.md",
            f"generated {CASES[name]}",
        )
        pytest.fail(
            f"{CASES[name]} differs from golden/{name}.md (if intended, regenerate with "
            "POLA_KARIR_UPDATE_GOLDEN=1):\n" + "".join(diff)[:20000]
        )


def test_every_golden_file_is_a_case() -> None:
    """A renamed case must not leave a stale golden file behind."""
    assert {p.stem for p in GOLDEN.glob("*.md")} == set(CASES)
