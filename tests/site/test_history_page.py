"""The Riwayat perubahan page and the "Data terakhir diubah" line: one real ``mkdocs build
--strict`` of the scripted git history (tests/history_repo.py), and the page without git."""

from __future__ import annotations

from pathlib import Path

import pytest
from history_repo import NEW_PATH_NAME, git, scripted_repo
from sitetools import Build, ParsedPage, mkdocs_build, new_project, parse_html

from pola_karir.history.timeline import History
from pola_karir.model import Dataset
from pola_karir.site import history
from pola_karir.site.build import site_content


@pytest.fixture(scope="module")
def history_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    repo = tmp_path_factory.mktemp("riwayat") / "repo"
    scripted_repo(repo)
    new_project(repo)  # mkdocs.yml and docs/ beside the committed data, not committed
    # Not strict: the new path's name carries a bidi override on purpose (warning PK017).
    build = mkdocs_build(repo, repo / "site", strict=False)
    assert build.returncode == 0, build.output
    warnings = [line for line in build.output.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1 and "[PK017]" in warnings[0], build.output
    return build


def page(build: Build, path: str) -> ParsedPage:
    return parse_html((build.site / path).read_text(encoding="utf-8"))


def test_history_page_lists_each_tag_newest_first(history_build: Build) -> None:
    text = page(history_build, "riwayat/index.html").text
    order = [
        "Sejak v1.1 · 20 April 2026",
        "Kepala Seksi Jalan: bezetting 2 → 1",
        "v1.1 · 12 Maret 2026",
        "Kepala Bidang Bina Marga: pendidikan minimal D-IV → S-1",
        "Kepala Seksi Jalan: kebutuhan 3 → 4",
        "Jabatan dihapus: Teknik Jalan dan Jembatan Ahli Pertama",
        "Jalur Karier Bidang Bina Marga: langkah dihapus: dari Teknik Jalan dan Jembatan Ahli "
        "Pertama ke Teknik Jalan dan Jembatan Ahli Muda (vertikal)",
        f"Jalur karier baru: {NEW_PATH_NAME}",  # the data's markup shown as text
        "v1.0 · 5 Januari 2026",
        "Versi pertama yang tercatat: 4 jabatan, 1 jalur karier, 1 perangkat daerah.",
    ]
    start = text.index("Setiap versi dibandingkan dengan versi sebelumnya.")  # past the nav and toc
    positions = [text.find(words, start) for words in order]
    assert -1 not in positions, [w for w, p in zip(order, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    raw = (history_build.site / "riwayat" / "index.html").read_text(encoding="utf-8")
    assert "<b>Pengawasan</b>" not in raw


def test_each_page_says_when_its_data_last_changed(history_build: Build) -> None:
    """A page by its own file's last commit (its "edit this page" file); a page drawn from the
    whole folder by the folder's; the list of validation codes (the tool's, not the data's) has
    no date."""
    dated = {
        "jabatan/kepala-bidang-bina-marga/index.html": "12 Maret 2026",
        "jabatan/teknik-jalan-ahli-muda/index.html": "5 Januari 2026",
        "jabatan/kepala-seksi-jalan/index.html": "20 April 2026",
        "index.html": "5 Januari 2026",  # the home page's file is instansi.yml
        "jabatan/index.html": "20 April 2026",
        "riwayat/index.html": "20 April 2026",
    }
    for path, date in dated.items():
        assert f"Data terakhir diubah: {date}" in page(history_build, path).text, path
    assert "Data terakhir diubah" not in page(history_build, "kode-pemeriksaan/index.html").text
    nav = page(history_build, "index.html")
    assert ("a", "href", "riwayat/") in nav.urls


def test_without_git_the_page_says_so_and_no_page_is_dated(
    example_dataset: Dataset, tmp_path: Path
) -> None:
    content = site_content(example_dataset, data_dir=tmp_path)  # a folder outside any git work tree
    pages = {p.src: p for p in content.pages}
    assert (
        pages[history.PAGE]
        .markdown.splitlines()[-1]
        .startswith("Riwayat perubahan tidak tersedia: folder data situs ini tidak berada di dalam")
    )
    assert not any("Data terakhir diubah" in p.markdown for p in content.pages)
    assert history.dated(content.pages, History(available=False)) == list(content.pages)


def test_dates_in_indonesian_words() -> None:
    assert history.date_words("2026-03-12") == "12 Maret 2026"
    assert history.date_words("2026-12-01", "en") == "1 December 2026"
    assert history.date_words("bukan-tanggal") == "bukan-tanggal"


def test_a_shallow_clone_build_says_why_on_the_page_and_details_in_the_log(
    history_build: Build, tmp_path: Path
) -> None:
    """A CI checkout at depth 1, built for real: the page names the setting to change and no
    folder of the build machine; the build log (INFO) says the same and where."""
    repo = history_build.site.parent
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    new_project(clone)
    build = mkdocs_build(clone, clone / "site", strict=False)
    assert build.returncode == 0, build.output
    text = page(build, "riwayat/index.html").text
    assert "shallow clone" in text and "fetch-depth: 0" in text
    assert str(tmp_path) not in text
    assert "Data terakhir diubah" not in page(build, "jabatan/kepala-seksi-jalan/index.html").text
    logged = [line for line in build.output.splitlines() if "fetch-depth: 0" in line]
    assert len(logged) == 1 and logged[0].startswith("INFO"), build.output
    assert f"Rincian dari git: {clone}" in logged[0]
