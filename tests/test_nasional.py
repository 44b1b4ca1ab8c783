"""Many agencies, one tool: ``pola-karir init --nasional`` and ``pola-karir nasional``.

One ``init --nasional`` per module, then what its CI does with it: the CI files pass the GitHub
workflow and GitLab CI schemas (check-jsonschema's vendored copies, network shut off), the
listing job's JSON is the matrix, GitLab's static matrix agrees with the folders, each agency
is built by a real MkDocs process as its matrix job builds it (one through ``--bangun
--instansi``, the command the CI templates run, one through plain ``mkdocs build`` with
``POLA_KARIR_DATA``, as the README documents), and the final job's index links every built
site. Invalid agencies, misnamed folders and hostile names are checked on small copies, with no
further build.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sitetools import check_links, parse_site
from test_init import check_jsonschema, load_yaml, steps_run
from test_schemas_meta import header_problem

from pola_karir.cli import main
from pola_karir.model import Agency, AgencyRegulation
from pola_karir.site import national
from pola_karir.site.national import agency_kind

BIN = Path(sys.executable).parent
ADDRESS = "https://pola-karier.contoh.go.id/nasional/"
SLUGS = ["kabupaten-contoh", "kota-contoh"]
QUIET = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("nasional") / "pola-karier-nasional"
    assert main(["init", str(folder), "--nasional"]) == 0
    return folder


@pytest.fixture
def in_repo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Commands run from the repository's folder, as CI runs them."""
    monkeypatch.chdir(repo)
    for name, value in QUIET.items():
        monkeypatch.setenv(name, value)
    return repo


def agency_copy(tmp_path: Path, repo: Path, slug: str = "kota-contoh") -> Path:
    """A root of agencies holding one valid example agency, to break or rename on."""
    root = tmp_path / "instansi"
    shutil.copytree(repo / "instansi" / slug, root / slug)
    return root


# --- the repository -------------------------------------------------------------------------------


def test_init_nasional_writes_two_valid_agencies_of_their_own_kind(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert sorted(p.name for p in (repo / "instansi").iterdir()) == SLUGS
    for slug in SLUGS:
        data = repo / "instansi" / slug
        assert main(["validate", str(data), "--strict"]) == 0
        out = capsys.readouterr().out
        assert out == "5 berkas diperiksa: 0 galat, 0 peringatan; data sah.\n"
        files = sorted(data.rglob("*.yml"))
        assert [problem for path in files if (problem := header_problem(path, data))] == []
    kota = load_yaml(repo / "instansi" / "kota-contoh" / "instansi.yml")
    assert kota["nama"] == "Pemerintah Kota Contoh"
    assert kota["regulasi"]["jenis"] == "Peraturan Wali Kota"
    kabupaten = load_yaml(repo / "instansi" / "kabupaten-contoh" / "instansi.yml")
    assert kabupaten["regulasi"]["jenis"] == "Peraturan Bupati"
    # One mkdocs.yml: the data folder and the site name come from the environment.
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    assert "data_dir: !ENV [POLA_KARIR_DATA, " in config
    assert "site_name: !ENV [POLA_KARIR_SITE_NAME, " in config
    assert not (repo / "data").exists()
    # The guides that name data files say where an agency's data is here; the employees' does not.
    note = "setiap instansi mempunyai folder datanya sendiri di `instansi/`"
    for guide, noted in [
        ("panduan-data", True),
        ("panduan-kontributor", True),
        ("panduan-pegawai", False),
    ]:
        content = (repo / "docs" / f"{guide}.md").read_text(encoding="utf-8")
        assert (note in content) is noted, guide
        body = (
            content.split("\n---\n", 1)[1].lstrip("\n") if content.startswith("---\n") else content
        )
        assert body.startswith("# Panduan ")  # after the front matter, which stays first
    settings = json.loads((repo / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    globs = [g for found in settings["yaml.schemas"].values() for g in found]
    assert "instansi/*/jabatan/*.yml" in globs


def test_init_nasional_says_what_next_and_refuses_a_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "baru"), "--nasional", "--nama", "Kota X"]) == 2
    assert "--nama tidak dipakai bersama --nasional" in capsys.readouterr().err
    assert not (tmp_path / "baru").exists()
    assert main(["init", str(tmp_path / "baru"), "--nasional", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "pola-karir nasional instansi --bangun --strict" in out
    assert "add each new agency folder to the INSTANSI list in .gitlab-ci.yml" in out


# --- CI -------------------------------------------------------------------------------------------


def test_the_ci_files_pass_their_published_schemas(repo: Path) -> None:
    workflow = repo / ".github" / "workflows" / "pola-karir-nasional.yml"
    checked = check_jsonschema("vendor.github-workflows", workflow)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    checked = check_jsonschema("vendor.gitlab-ci", repo / ".gitlab-ci.yml")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_github_workflow_builds_each_agency_as_a_matrix_job(repo: Path) -> None:
    workflow = load_yaml(repo / ".github" / "workflows" / "pola-karir-nasional.yml")
    jobs = workflow["jobs"]
    listing, build, merge, deploy = (
        jobs[n] for n in ("daftar", "bangun", "gabungkan", "terbitkan")
    )
    runs = steps_run(listing)
    assert "pola-karir nasional instansi --strict --format github" in runs
    [matrix_step] = [s for s in listing["steps"] if "--format json" in s.get("run", "")]
    assert matrix_step["run"].endswith('>> "$GITHUB_OUTPUT"')
    assert listing["outputs"]["matriks"] == f"${{{{ steps.{matrix_step['id']}.outputs.matriks }}}}"
    assert build["needs"] == "daftar"
    assert build["strategy"]["matrix"] == "${{ fromJSON(needs.daftar.outputs.matriks) }}"
    assert build["strategy"]["fail-fast"] is False
    assert build["env"] == {"INSTANSI": "${{ matrix.instansi }}"}
    [command] = [run for run in steps_run(build) if "pola-karir" in run]
    assert command.startswith('pola-karir nasional instansi --instansi "$INSTANSI" --strict')
    assert "--format github --bangun --keluaran site" in command
    # The national address from a repository variable, through the environment: unset, the
    # sites get no site_url (an empty --alamat).
    [build_step] = [s for s in build["steps"] if "pola-karir" in s.get("run", "")]
    assert command.endswith('--alamat "$ALAMAT_SITUS"')
    assert build_step["env"] == {"ALAMAT_SITUS": "${{ vars.ALAMAT_SITUS }}"}
    [upload] = [
        s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact")
    ]
    assert upload["with"]["name"] == "situs-${{ matrix.instansi }}"
    [download] = [s for s in merge["steps"] if "download-artifact" in s.get("uses", "")]
    assert download["with"] == {"pattern": "situs-*", "path": "site", "merge-multiple": True}
    assert "pola-karir nasional instansi --strict --keluaran site" in steps_run(merge)
    assert merge["steps"][-1]["uses"].startswith("actions/upload-pages-artifact@")
    assert deploy["needs"] == "gabungkan"
    assert "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    # Values reach the shell through the environment, never pasted into a script.
    every_run = [run for job in jobs.values() for run in steps_run(job)]
    assert [run for run in every_run if "${{" in run] == []


def test_the_gitlab_matrix_lists_the_folders_and_disagreement_fails(
    in_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipeline = load_yaml(in_repo / ".gitlab-ci.yml")
    assert pipeline["bangun"]["parallel"]["matrix"] == [{"INSTANSI": SLUGS}]
    assert pipeline["bangun"]["script"][0].endswith(
        '--bangun --keluaran public --alamat "$CI_PAGES_URL"'
    )
    assert pipeline["daftar"]["script"] == [
        "pola-karir nasional instansi --strict --gitlab-ci .gitlab-ci.yml"
    ]
    assert pipeline["pages"]["artifacts"]["paths"] == ["public/"]
    assert main(["nasional", "instansi", "--strict", "--gitlab-ci", ".gitlab-ci.yml"]) == 0
    capsys.readouterr()
    # A folder added without its entry, and an entry left behind after its folder went.
    text = (in_repo / ".gitlab-ci.yml").read_text(encoding="utf-8")
    stale = tmp_path / "gitlab-ci.yml"
    stale.write_text(text.replace("kota-contoh]", "kota-lama]"), encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if "INSTANSI: [" in row)
    assert main(["nasional", "instansi", "--gitlab-ci", str(stale)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{stale}:{line}:38: error: job 'bangun' membangun instansi 'kota-lama', " in err
    assert "tidak ada folder 'instansi/kota-lama'" in err
    assert f"{stale}:{line}:19: error: folder 'instansi/kota-contoh' tidak ada di daftar" in err
    # GitLab's own YAML is read as GitLab reads it: anchors, merges and !reference are fine, and
    # a matrix a job merges in is checked at the line where the list is written.
    shared = tmp_path / "bersama.yml"
    shared.write_text(
        ".matriks: &matriks\n"
        "  parallel:\n"
        "    matrix:\n"
        "      - INSTANSI: [kabupaten-contoh]\n"
        "bangun:\n"
        "  <<: *matriks\n"
        "  script:\n"
        "    - !reference [.lain, script]\n",
        encoding="utf-8",
    )
    assert main(["nasional", "instansi", "--gitlab-ci", str(shared), "--lang", "en"]) == 1
    out, err = capsys.readouterr()
    assert err == (
        f"{shared}:4:19: error: folder 'instansi/kota-contoh' is missing from the INSTANSI list "
        "of job 'bangun', so its site would not be built: add 'kota-contoh' to this list\n"
    )
    shared.write_text(shared.read_text().replace("[kabupaten-contoh]", f"[{', '.join(SLUGS)}]"))
    assert main(["nasional", "instansi", "--gitlab-ci", str(shared)]) == 0


def test_the_matrix_is_json_on_standard_output_only(
    in_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["nasional", "instansi", "--strict", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.count("\n") == 1  # one line, for $GITHUB_OUTPUT
    assert json.loads(out) == {
        "include": [
            {
                "instansi": "kabupaten-contoh",
                "nama": "Pemerintah Kabupaten Contoh",
                "data": "instansi/kabupaten-contoh",
                "situs": "Pola Karier PNS Pemerintah Kabupaten Contoh",
            },
            {
                "instansi": "kota-contoh",
                "nama": "Pemerintah Kota Contoh",
                "data": "instansi/kota-contoh",
                "situs": "Pola Karier PNS Pemerintah Kota Contoh",
            },
        ]
    }


# --- building as CI does, and the national index --------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [value or "" for name, value in attrs if tag == "a" and name == "href"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def links_of(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def national_site(repo: Path) -> Path:
    """The two matrix jobs and the final job, on this machine: kabupaten-contoh with the
    command the CI templates run, kota-contoh with plain MkDocs and POLA_KARIR_DATA."""
    env = {**os.environ, **QUIET}
    python = Path(sys.executable)
    job = [str(python), "-m", "pola_karir.cli", "nasional", "instansi", "--instansi"]
    options = ["--strict", "--format", "github", "--bangun", "--keluaran", "site"]
    first = subprocess.run(
        [*job, SLUGS[0], *options, "--alamat", ADDRESS],
        cwd=repo,
        env={**env, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
        capture_output=True,
        text=True,
        check=False,
    )
    assert first.returncode == 0, first.stdout + first.stderr
    assert (
        "POLA_KARIR_DATA=instansi/kabupaten-contoh "
        f"POLA_KARIR_SITE_URL={ADDRESS}kabupaten-contoh/ mkdocs build"
    ) in first.stdout
    assert "\x1b" not in first.stdout
    # MkDocs' lines may quote the data: GitHub reads no workflow command among them.
    [pause] = [line for line in first.stdout.splitlines() if line.startswith("::stop-commands::")]
    token = pause.removeprefix("::stop-commands::")
    assert len(token) == 32
    lines = first.stdout.splitlines()
    assert lines.index(f"::{token}::") > lines.index(pause) + 3
    assert "Documentation built" in "".join(lines[lines.index(pause) : lines.index(f"::{token}::")])
    second = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-d", "site/kota-contoh"],
        cwd=repo,
        env={**env, "POLA_KARIR_DATA": "instansi/kota-contoh"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert second.returncode == 0, second.stdout + second.stderr
    return repo / "site"


def test_each_agency_gets_its_own_site_and_the_index_links_them_all(
    national_site: Path, in_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kabupaten = (national_site / "kabupaten-contoh" / "index.html").read_text(encoding="utf-8")
    kota = (national_site / "kota-contoh" / "index.html").read_text(encoding="utf-8")
    assert "Pemerintah Kabupaten Contoh" in kabupaten and "Pemerintah Kota Contoh" not in kabupaten
    assert "Pemerintah Kota Contoh" in kota and "Pemerintah Kabupaten Contoh" not in kota
    # The site name from the matrix entry (POLA_KARIR_SITE_NAME, set by --bangun); the plain
    # build keeps mkdocs.yml's.
    assert " - Pola Karier PNS Pemerintah Kabupaten Contoh</title>" in kabupaten
    assert " - Pola Karier PNS</title>" in kota
    assert "Peraturan Wali Kota Nomor 1" in kota
    assert main(["nasional", "instansi", "--strict", "--keluaran", "site"]) == 0
    assert "indeks nasional ditulis ke 'site/index.html' (2 instansi)." in capsys.readouterr().out
    # Nothing but the two sites and the index: no staging folder left to publish.
    assert sorted(p.name for p in national_site.iterdir()) == ["index.html", *SLUGS]
    index = links_of(national_site / "index.html")
    assert index.hrefs == [f"./{slug}/" for slug in SLUGS]
    page = (national_site / "index.html").read_text(encoding="utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "<script" not in page and "<link" not in page  # self-contained: loads nothing
    words = " ".join(" ".join(index.text).split())
    assert "Kabupaten Pemerintah Kabupaten Contoh 2 jabatan · data contoh" in words
    assert "Kota Pemerintah Kota Contoh 2 jabatan · data contoh" in words
    # Every link of the national site resolves: the index's to each agency's home, and each
    # agency's pages within its own folder (404.html is served only at the top of a host).
    pages = {p: c for p, c in parse_site(national_site).items() if p.name != "404.html"}
    report = check_links(national_site, pages, "/", file_urls=False)
    assert report.broken == []
    assert report.checked > 100


def test_each_agency_built_with_the_national_address_gets_its_own_site_url(
    national_site: Path,
) -> None:
    """kabupaten-contoh was built with --alamat: its sitemap and canonical links are under its
    own folder of the national address; kota-contoh, built without, has none."""
    own = f"{ADDRESS}kabupaten-contoh/"
    sitemap = (national_site / "kabupaten-contoh" / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert len(locations) > 10
    assert all(loc.startswith(own) for loc in locations), locations[:3]
    home = (national_site / "kabupaten-contoh" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{own}">' in home
    kota = (national_site / "kota-contoh" / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in kota


@pytest.mark.parametrize(
    ("written", "base"),
    [
        ("https://contoh.go.id/pola-karier", "https://contoh.go.id/pola-karier/"),
        ("https://contoh.go.id/pola-karier///", "https://contoh.go.id/pola-karier/"),
        ("http://localhost:8000", "http://localhost:8000/"),
        ("https://org.github.io/repo/", "https://org.github.io/repo/"),
        ("contoh.go.id/pola-karier", None),  # no scheme
        ("ftp://contoh.go.id/", None),
        ("https:///tanpa-host", None),
        ("https://contoh.go.id/a b", None),
        ("https://contoh.go.id/?x=1", None),
        ("https://contoh.go.id/#bagian", None),
        ("https://contoh.go.id:port/", None),
        ("https://contoh.go.id/\x1b[31m", None),
    ],
)
def test_the_national_address_must_be_a_whole_http_address(written: str, base: str | None) -> None:
    assert national.site_address(written) == base


def test_a_bad_address_is_refused_before_anything_is_built(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = agency_copy(tmp_path, repo)
    output = tmp_path / "site"
    argv = ["nasional", str(root), "--bangun", "--keluaran", str(output)]
    assert main([*argv, "--alamat", "contoh.go.id/\x1b[2J"]) == 2
    err = capsys.readouterr().err
    assert "--alamat 'contoh.go.id/\\x1b[2J' bukan alamat situs" in err
    assert "\x1b" not in err
    assert main(["nasional", str(root), "--alamat", ADDRESS]) == 2
    assert "--alamat menjadi site_url situs yang dibangun: tambahkan --bangun" in (
        capsys.readouterr().err
    )
    assert not output.exists()


def test_the_index_needs_every_site_built(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = agency_copy(tmp_path, repo)
    output = tmp_path / "public"
    assert main(["nasional", str(root), "--keluaran", str(output)]) == 1
    err = capsys.readouterr().err
    assert (
        f"situs instansi '{root}/kota-contoh' tidak ada di '{output}/kota-contoh/index.html'" in err
    )
    assert not (output / "index.html").exists()


# --- what must never pass -------------------------------------------------------------------------


def test_an_invalid_agency_is_reported_with_its_location_and_stops_everything(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = agency_copy(tmp_path, repo)
    shutil.copytree(root / "kota-contoh", root / "kota-rusak")
    position = root / "kota-rusak" / "jabatan" / "sekretaris-bkpsdm.yml"
    lines = position.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("kelas_jabatan:"))
    lines[row] = "kelas_jabatan: 42"
    position.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = tmp_path / "site"
    for slug in ("kota-contoh", "kota-rusak"):  # built sites: only the validation can stop it
        (output / slug).mkdir(parents=True)
        (output / slug / "index.html").write_text("<p>x</p>", encoding="utf-8")
    assert main(["nasional", str(root), "--keluaran", str(output)]) == 1
    out = capsys.readouterr().out
    where = f"{root}/kota-rusak/jabatan/sekretaris-bkpsdm.yml:{row + 1}:16: error["
    assert where in out
    assert f"instansi '{root}/kota-rusak' tidak sah (1 galat, 0 peringatan)" in out
    assert "1 dari 2 folder instansi bermasalah" in out
    assert not (output / "index.html").exists()
    # The matrix for CI: standard output stays empty, the problems are on standard error.
    assert main(["nasional", str(root), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert where in err
    # As annotations on the pull request.
    assert main(["nasional", str(root), "--format", "github", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    annotation = (
        f"::error file={root}/kota-rusak/jabatan/sekretaris-bkpsdm.yml,line={row + 1},col=16,"
    )
    assert annotation in out
    assert f"agency '{root}/kota-rusak' is not valid (1 error(s), 0 warning(s))" in out


def test_a_folder_that_cannot_be_an_address_is_reported(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = agency_copy(tmp_path, repo)
    shutil.copytree(root / "kota-contoh", root / "Kota_Baru")
    (root / ".git").mkdir()  # hidden folders are not agencies
    assert main(["nasional", str(root)]) == 1
    out = capsys.readouterr().out
    assert f"{root}/Kota_Baru: nama folder ini tidak dapat menjadi alamat situs instansi" in out
    assert "1 dari 2 folder instansi bermasalah" in out
    assert main(["nasional", str(tmp_path / "kosong")]) == 2
    (tmp_path / "kosong").mkdir()
    assert main(["nasional", str(tmp_path / "kosong")]) == 1
    assert "tidak ada folder instansi di" in capsys.readouterr().err
    assert main(["nasional", str(root), "--instansi", "kota-lain"]) == 2
    assert "tidak ada folder instansi 'kota-lain'" in capsys.readouterr().err


def test_an_agency_name_with_markup_stays_text(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = agency_copy(tmp_path, repo)
    hostile = 'Pemerintah Kota <script>alert(1)</script> & "Baru"'
    instansi = root / "kota-contoh" / "instansi.yml"
    document = instansi.read_text(encoding="utf-8")
    instansi.write_text(
        document.replace('nama: "Pemerintah Kota Contoh"', f"nama: {json.dumps(hostile)}"),
        encoding="utf-8",
    )
    output = tmp_path / "site"
    (output / "kota-contoh").mkdir(parents=True)
    (output / "kota-contoh" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    assert main(["nasional", str(root), "--keluaran", str(output)]) == 0
    capsys.readouterr()
    html = (output / "index.html").read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Baru&quot;" in html
    index = links_of(output / "index.html")
    assert hostile in index.text
    assert "Content-Security-Policy" in html  # and nothing could run or load anyway
    # Such a name is no site name (themes write site_name unescaped): mkdocs.yml's is kept.
    assert main(["nasional", str(root), "--format", "json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)["include"]
    assert (entry["nama"], entry["situs"]) == (hostile, "")


@pytest.mark.parametrize(
    ("name", "regulation", "kind"),
    [
        ("Pemerintah Kabupaten Kotawaringin Barat", "Peraturan Bupati", "kabupaten"),
        ("Pemerintah Kota Contoh", "Peraturan Bupati", "kota"),  # the name says it first
        ("Pemerintah Provinsi Contoh", "Peraturan Gubernur", "provinsi"),
        ("Pemerintah Daerah Provinsi Contoh", "Peraturan Gubernur", "provinsi"),
        ("Kementerian Contoh", "Peraturan Menteri", "kementerian"),
        ("Pemkot Contoh", "Peraturan Wali Kota", "kota"),
        ("Pemkab Contoh", "Peraturan Bupati", "kabupaten"),
        ("Badan Contoh", "Peraturan Kepala Badan", "lainnya"),
    ],
)
def test_the_kind_of_agency_is_read_from_what_its_data_says(
    name: str, regulation: str, kind: str
) -> None:
    agency = Agency(name, "", AgencyRegulation(regulation, "1", 2026, "Pola Karier"))
    assert agency_kind(agency) == kind


def test_bangun_needs_the_shared_mkdocs_yml(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = agency_copy(tmp_path, repo)
    monkeypatch.chdir(tmp_path)
    assert main(["nasional", str(root), "--bangun"]) == 2
    assert "berkas 'mkdocs.yml' tidak ada" in capsys.readouterr().err
    assert main(["nasional", str(root), "--instansi", "kota-contoh", "--keluaran", "x"]) == 2
    assert "--instansi membangun satu instansi" in capsys.readouterr().err
    assert not (tmp_path / "site").exists() and not (tmp_path / "x").exists()
