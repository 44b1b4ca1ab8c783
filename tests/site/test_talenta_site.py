"""Talent management and the public site: a site built from data with target positions, with
a staff list and the HR reports lying in its data folder, publishes the targets and their
criteria and none of the staff list's names or NIPs; and the HR report's HTML opens in
Chromium from the disk with no console error and no request beyond itself."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Request
from sitetools import Build, mkdocs_build, new_project

from pola_karir.cli import main
from tests.factory import DataFolder
from tests.test_talenta import PEOPLE, WANTED, pattern, person, staff_csv


@pytest.fixture(scope="module")
def talent_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Path]:
    """The small pattern of test_talenta built strictly, after HR has run every report into
    its data folder (the worst place a report could be left)."""
    project = new_project(tmp_path_factory.mktemp("talenta-site"))
    data = pattern(DataFolder(project / "data")).write()
    staff = data / "pegawai.csv"
    staff.write_text(staff_csv(), encoding="utf-8")
    for fmt in ("html", "json", "csv", "text"):
        code = main(
            [
                "talenta",
                str(staff),
                "--data",
                str(data),
                "--format",
                fmt,
                "--keluaran",
                str(data / f"laporan-talenta.{fmt}"),
            ]
        )
        assert code == 1  # the generated list has bad rows on purpose
    # not strict: the test pattern leaves competencies out (PK207 warnings), so that the staff
    # list alone decides who is ready
    build = mkdocs_build(project, project / "site", strict=False)
    assert build.returncode == 0, build.output
    return build, data / "laporan-talenta.html"


def _texts(site: Path) -> dict[Path, str]:
    found = {}
    for path in site.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            if path.suffix == ".gz":
                raw = gzip.decompress(raw)
            found[path] = raw.decode("utf-8", errors="replace")
    return found


def test_no_personal_data_reaches_the_site(talent_build: tuple[Build, Path]) -> None:
    build, report = talent_build
    assert "Nama Rahasia" in report.read_text(encoding="utf-8")  # the secrets are real
    files = _texts(build.site)
    secrets = [person(i)["nip"] for i in range(PEOPLE)] + ["Nama Rahasia", "199900000000000001"]
    leaks = [(path.name, s) for path, content in files.items() for s in secrets if s in content]
    assert leaks == []
    # the HR report's schema is not published either (the data's schemas are)
    assert not (build.site / "schemas" / "talenta.schema.json").exists()
    assert (build.site / "schemas" / "jabatan.schema.json").exists()
    # while the targets and their criteria are published
    [page] = [c for p, c in files.items() if p.relative_to(build.site).parts[0] == "jabatan-target"]
    for target in WANTED:
        assert f"jabatan/{target}/" in page
    assert "Kinerja di atas ekspektasi, potensial tinggi" in page
    bina_marga = files[build.site / "jabatan" / "kepala-bidang-bina-marga" / "index.html"]
    assert "jabatan target" in bina_marga and "dibutuhkan 40 suksesor" in bina_marga


def test_html_report_opens_offline_without_errors(
    talent_build: tuple[Build, Path], chromium: Browser
) -> None:
    _build, report = talent_build
    context = chromium.new_context()
    requests: list[str] = []
    errors: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            errors.append(message.text)

    def request(req: Request) -> None:
        requests.append(req.url)

    try:
        page = context.new_page()
        page.on("console", console)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", request)
        page.goto(report.as_uri(), wait_until="load")
        boxes = page.locator("svg g[data-kotak]")
        assert boxes.count() == 9
        assert page.locator("section[data-target]").count() == len(WANTED)
        assert page.locator("table").count() >= len(WANTED)
    finally:
        context.close()
    assert errors == []
    assert requests == [report.as_uri()]
