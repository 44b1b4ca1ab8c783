"""Guides are listed where their readers look: employees' with Jelajah Karier, HR's at the end.

A page of docs/ with front matter ``pembaca: pegawai`` is listed right after Jelajah Karier;
any other page goes to "Untuk pengelola data" with the list of validation codes. A value that
is neither is a warning naming the file, line and column (so ``--strict`` fails on a typo that
would hide a guide from employees). One real ``init`` + ``mkdocs build`` checks the nav the
theme writes; the rule itself is checked on plain data.
"""

from __future__ import annotations

import re
from pathlib import Path

from sitetools import mkdocs_build

from pola_karir.cli import main
from pola_karir.site import explorer, guides, urls
from pola_karir.site.page import in_language


def _nav_links(html: str) -> list[str]:
    """The nav's link texts and section labels in document order, sections marked ``§``."""
    start = html.index("md-nav--primary")
    end = html.index('<div class="md-content"', start)
    found = []
    for match in re.finditer(r"<(a|label)\b[^>]*>(.*?)</\1>", html[start:end], re.DOTALL):
        words = re.sub(r"<[^>]+>", "", match.group(2)).split()
        if words:
            found.append(("§" if match.group(1) == "label" else "") + " ".join(words))
    return found


def test_an_init_site_lists_the_employee_guide_with_the_employee_tools(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    assert main(["init", str(repo)]) == 0
    (repo / "docs" / "cuti.md").write_text(
        "---\ntitle: Cuti\npembaca:   pegawi\n---\n# Cuti\n", encoding="utf-8"
    )
    built = mkdocs_build(repo, repo / "site")
    assert built.returncode == 1  # the typo is a warning: --strict stops on it
    assert (
        "WARNING -  pola_karir: docs/cuti.md:3:12: pembaca 'pegawi' tidak dikenal" in built.output
    )
    assert mkdocs_build(repo, repo / "site", strict=False).returncode == 0
    nav = _nav_links((repo / "site" / "index.html").read_text(encoding="utf-8"))
    employees = nav.index("Jelajah Karier")
    maintainers = nav.index("§Untuk pengelola data")
    assert nav[employees + 1] == "Panduan Pegawai"
    assert nav.count("Panduan Pegawai") == 1
    tail = nav[maintainers:]
    for guide in ("Panduan Kontributor", "Panduan mengubah data", "Cuti", "Kode pemeriksaan"):
        assert guide in tail, guide


def test_the_rule_reads_the_front_matter_as_mkdocs_does() -> None:
    pages = {
        "a.md": "---\npembaca: pegawai\n---\n# A\n",
        "b.md": "# B\n\npembaca: pegawai\n",  # not front matter: in the text
        "c.md": "---\npembaca: pengelola\n---\n# C\n",
        "d.md": "---\npembaca: [pegawai\n---\n# D\n",  # not YAML: MkDocs ignores it too
        "e.md": "---\ntitle: E\n  # x\npembaca: semua\n...\n# E\n",
        "f.md": "---\npembaca: pegawai\n",  # never closed: no front matter
        "g/h.md": "---\r\npembaca: pegawai\r\n---\r\n# H\r\n",
    }
    placement = guides.place(pages)
    assert placement.employees == ("a.md", "g/h.md")
    assert placement.maintainers == ("b.md", "c.md", "d.md", "e.md", "f.md")
    assert placement.unknown == (guides.UnknownAudience("e.md", 4, 10, "semua"),)


def test_employee_guides_follow_jelajah_karier_and_the_rest_close_the_nav() -> None:
    nav = [{"Beranda": urls.HOME}, {"Jelajah": explorer.PAGE}, {"Jabatan": [{"x": "y.md"}]}]
    placement = guides.Placement(("p.md", "q.md"), ("k.md",), ())
    with in_language("id"):
        arranged = guides.with_guides(nav, placement)
    assert arranged == [
        {"Beranda": urls.HOME},
        {"Jelajah": explorer.PAGE},
        "p.md",
        "q.md",
        {"Jabatan": [{"x": "y.md"}]},
        {"Untuk pengelola data": ["k.md", {"Kode pemeriksaan": urls.RULES}]},
    ]
    with in_language("en"):
        alone = guides.with_guides([{"Home": urls.HOME}], placement)
    assert alone == [  # no Jelajah Karier in this nav: after the rest; worded in English
        {"Home": urls.HOME},
        "p.md",
        "q.md",
        {"For data maintainers": ["k.md", {"Check codes": urls.RULES}]},
    ]
