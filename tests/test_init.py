"""``pola-karir init`` makes a repository an agency can use as it is, and ``skema`` the schemas.

One ``init`` per module into a temporary folder, then what an agency's first day does with it:
``validate --strict`` finds nothing, a real ``mkdocs build --strict`` succeeds with every page
rendered (no raw ``!!!`` or ``{#`` left), every editor link to a schema resolves, the CI files
pass the GitHub workflow and GitLab CI schemas (check-jsonschema's vendored copies, with the
network shut off), and pre-commit uses the hook this repository exports.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import referencing
import yaml
from jsonschema import Draft202012Validator
from sitetools import mkdocs_build
from test_schemas_meta import expected_schema, header_problem

from pola_karir import __version__, scaffold
from pola_karir.cli import main
from pola_karir.codes import CODES
from pola_karir.load.layout import FOLDERS, SINGLE_FILES
from pola_karir.load.schema import BASE_URI

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NAME = "Pemerintah Kabupaten Tanah Datar Contoh"
# A proxy nobody listens on: a tool that tried to download anything would fail.
NO_NETWORK = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("init") / "pola-karier"
    assert main(["init", str(folder), "--nama", NAME]) == 0
    return folder


@pytest.fixture(scope="module")
def site(repo: Path) -> Path:
    """``mkdocs build --strict`` of the new repository, as its CI runs it."""
    result = mkdocs_build(repo, repo / "site")
    assert result.returncode == 0, result.output
    return result.site


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def data_files(repo: Path) -> list[Path]:
    return sorted(p for p in (repo / "data").rglob("*.yml") if p.is_file())


# --- the data and the site ----------------------------------------------------------------------


def test_the_example_data_validates_without_any_finding(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(repo / "data"), "--strict"]) == 0
    out = capsys.readouterr().out
    assert out == "5 berkas diperiksa: 0 galat, 0 peringatan; data sah.\n"  # no note either
    kinds = {p.relative_to(repo / "data").parts[0] for p in data_files(repo)}
    assert kinds == {"instansi.yml", "unit", "jabatan", "jalur"}
    assert len(list((repo / "data" / "jabatan").glob("*.yml"))) == 2
    instansi = load_yaml(repo / "data" / "instansi.yml")
    assert instansi["nama"] == NAME
    assert instansi["fiktif"] is True  # an example until HR replaces it: the site says so
    assert NAME in instansi["regulasi"]["tentang"]


def test_the_strict_build_renders_every_page(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    raw = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        visible = re.sub(r"<(pre|code)\b.*?</\1>", "", html, flags=re.DOTALL)
        raw += [
            f"{page.relative_to(site)}: {mark}" for mark in ("!!!", "???", "{#") if mark in visible
        ]
    assert raw == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="admonition warning"' in home  # the "example data" notice, rendered
    level = (site / "kompetensi" / "integritas" / "index.html").read_text(encoding="utf-8")
    assert 'id="level-1"' in level  # attr_list turned {#level-1} into an anchor
    for guide in ("panduan-pegawai", "panduan-kontributor", "panduan-data"):
        assert (site / guide / "index.html").is_file()
    assert (site / "schemas" / "jabatan.schema.json").is_file()


def test_the_contributors_guide_lists_every_code(repo: Path, site: Path) -> None:
    guide = (repo / "docs" / "panduan-kontributor.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `") for line in guide.splitlines() if line.startswith("| `")}
    assert rows == set(CODES)
    assert f"pola-karir versi {__version__}" in guide
    html = (site / "panduan-kontributor" / "index.html").read_text(encoding="utf-8")
    # The message of a code, as the catalogue words it, placeholders shown as "…"
    assert "Kunci '…' ditulis dua kali" in unescape(html)
    assert html.count("<tr>") == len(CODES) + 1
    assert NAME in html


# --- editors --------------------------------------------------------------------------------


def test_every_modeline_resolves_inside_the_new_repository(repo: Path) -> None:
    files = data_files(repo)
    assert files
    assert [problem for path in files if (problem := header_problem(path, repo / "data"))] == []
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.parent == (repo / "schemas").resolve()


def test_vscode_settings_map_every_data_file_to_an_existing_schema(repo: Path) -> None:
    settings = json.loads((repo / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping: dict[str, list[str]] = settings["yaml.schemas"]
    for schema in mapping:
        assert (repo / schema).is_file(), schema
    kinds = {*SINGLE_FILES.values(), *FOLDERS.values()}
    assert {Path(schema).name for schema in mapping} == {f"{kind}.schema.json" for kind in kinds}
    for path in data_files(repo):
        relative = path.relative_to(repo).as_posix()
        matched = [s for s, globs in mapping.items() for g in globs if fnmatch.fnmatch(relative, g)]
        wanted = expected_schema(path.relative_to(repo / "data"))
        assert [Path(s).name for s in matched] == [wanted], relative
        yaml_twin = relative.removesuffix(".yml") + ".yaml"
        assert any(fnmatch.fnmatch(yaml_twin, g) for g in mapping[matched[0]])


# --- CI, pre-commit, git -----------------------------------------------------------------------


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
        env={**os.environ, **NO_NETWORK},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_ci_files_pass_their_published_schemas(repo: Path, tmp_path: Path) -> None:
    workflow = repo / ".github" / "workflows" / "pola-karir.yml"
    checked = check_jsonschema("vendor.github-workflows", workflow)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    checked = check_jsonschema("vendor.gitlab-ci", repo / ".gitlab-ci.yml")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # The check can fail: a job without runs-on is no GitHub workflow.
    broken = tmp_path / "broken.yml"
    broken.write_text(workflow.read_text(encoding="utf-8").replace("runs-on:", "run-on:"))
    assert check_jsonschema("vendor.github-workflows", broken).returncode == 1


def steps_run(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def test_the_github_workflow_checks_pull_requests_and_deploys_main(repo: Path) -> None:
    workflow = load_yaml(repo / ".github" / "workflows" / "pola-karir.yml")
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    check, deploy = workflow["jobs"]["periksa"], workflow["jobs"]["terbitkan"]
    runs = steps_run(check)
    assert "pola-karir validate data --strict --format github" in runs
    assert "mkdocs build --strict" in runs
    [summary] = [run for run in runs if "pola-karir diff" in run]
    assert '>> "$GITHUB_STEP_SUMMARY" || true' in summary
    assert "${{" not in summary  # the base revision comes through env, not pasted into the shell
    uses = [step.get("uses", "") for step in check["steps"]]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    assert any("apt-get install" in run and "graphviz" in run for run in runs)
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [step.get("uses", "") for step in deploy["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert uses[-1].startswith("actions/deploy-pages@")
    assert "mkdocs build --strict" in steps_run(deploy)


def test_the_gitlab_pipeline_checks_merge_requests_and_publishes_pages(repo: Path) -> None:
    pipeline = load_yaml(repo / ".gitlab-ci.yml")
    check, pages = pipeline["periksa"], pipeline["pages"]
    assert check["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert "pola-karir validate data --strict" in check["script"]
    assert "mkdocs build --strict --site-dir public" in check["script"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert "mkdocs build --strict --site-dir public" in pages["script"]
    assert pages["artifacts"]["paths"] == ["public/"]


def test_pre_commit_and_requirements_pin_this_release(repo: Path) -> None:
    (exported,) = load_yaml(ROOT / ".pre-commit-hooks.yaml")
    (entry,) = load_yaml(repo / ".pre-commit-config.yaml")["repos"]
    assert entry["repo"] == "https://github.com/pola-karir/pola-karir"
    assert entry["rev"] == f"v{__version__}"
    assert entry["hooks"] == [{"id": exported["id"]}]
    requirements = (repo / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pins = [line for line in requirements if line and not line.startswith("#")]
    assert pins == [f"pola-karir @ git+https://github.com/pola-karir/pola-karir@v{__version__}"]


def test_git_ignores_what_builds_leave(repo: Path, tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_bytes((repo / ".gitignore").read_bytes())
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    built = [
        "site/index.html",
        ".cache/pola-karir/x.svg",
        ".site.pola-karir-build-12-ab12cd34/index.html",
        "public/index.html",
        ".venv/bin/python",
        "data/__pycache__/x.pyc",
    ]
    kept = ["data/instansi.yml", "docs/panduan-pegawai.md", "schemas/jabatan.schema.json"]
    result = subprocess.run(
        ["git", "-c", f"core.excludesFile={os.devnull}", "check-ignore", "--no-index", "--stdin"],
        cwd=tmp_path,
        input="\n".join(built + kept) + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.splitlines() == built


def test_mkdocs_yml_asks_nothing_of_third_parties(repo: Path) -> None:
    config = load_yaml(repo / "mkdocs.yml")
    theme = config["theme"]
    assert (theme["name"], theme["language"], theme["font"]) == ("material", "id", False)
    assert [p["scheme"] for p in theme["palette"]] == ["default", "slate"]
    assert config["plugins"][0] == "search"
    assert config["plugins"][1] == {"pola-karir": {"data_dir": "data"}}
    assert "repo_url" not in config and "site_url" not in config  # commented, to fill in
    assert NAME in config["site_name"]


# --- refusing, and the agency's name -----------------------------------------------------------


def test_a_non_empty_folder_is_refused_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "catatan.txt").write_text("milik instansi", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"folder '{tmp_path}' tidak kosong (berisi antara lain 'catatan.txt')" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catatan.txt"]
    assert main(["init", str(tmp_path / "catatan.txt"), "--lang", "en"]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err


def test_an_empty_clone_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    assert main(["init", str(tmp_path), "--lang", "en", "--nama", " Pemerintah  Kota X "]) == 0
    assert f"repository created in '{tmp_path}'" in capsys.readouterr().out
    assert load_yaml(tmp_path / "data" / "instansi.yml")["nama"] == "Pemerintah Kota X"


@pytest.mark.parametrize("name", ["", "Kabupaten <b>X</b>", "Kota X\x1b[2K", "K" * 121])
def test_an_unfit_name_is_refused_before_anything_is_written(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "baru"), "--nama", name]) == 2
    err = capsys.readouterr().err
    assert "nama instansi" in err
    assert "\x1b" not in err
    assert not (tmp_path / "baru").exists()


# --- skema ------------------------------------------------------------------------------------


def test_skema_writes_every_schema_with_its_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "schemas"
    target.mkdir()
    (target / "jabatan.schema.json").write_text("{}", encoding="utf-8")  # an older copy
    (target / "catatan.md").write_text("milik instansi", encoding="utf-8")
    assert main(["skema", str(target)]) == 0
    ours = sorted(p.name for p in (ROOT / "schemas").glob("*.schema.json"))
    assert capsys.readouterr().out == f"{len(ours)} skema ditulis ke '{target}'.\n"
    written = sorted(target.glob("*.schema.json"))
    assert [p.name for p in written] == ours
    assert (target / "catatan.md").read_text(encoding="utf-8") == "milik instansi"
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in written}
    for name, schema in schemas.items():
        Draft202012Validator.check_schema(schema)
        assert schema["$id"] == BASE_URI + name
    # The written files alone resolve each other's $refs through their $id: nothing is fetched.
    registry: referencing.Registry[Any] = referencing.Registry().with_resources(
        (s["$id"], referencing.Resource.from_contents(s)) for s in schemas.values()
    )
    position = Draft202012Validator(schemas["jabatan.schema.json"], registry=registry)
    document = load_yaml(ROOT / "data" / "jabatan" / "kepala-bidang-bina-marga.yml")
    assert list(position.iter_errors(document)) == []
    assert [e.message for e in position.iter_errors({**document, "jenis": "bupati"})] != []


def test_skema_refuses_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "schemas"
    path.write_text("", encoding="utf-8")
    assert main(["skema", str(path)]) == 2
    assert f"'{path}' adalah berkas, bukan folder" in capsys.readouterr().err


def test_the_wheel_carries_the_data_guide() -> None:
    """pyproject.toml force-includes docs/panduan-data.md where the scaffold looks for it in a
    wheel; in this checkout the scaffold reads the same file."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    packaged = Path(scaffold.__file__).parent / "guide" / "panduan-data.md"
    relative = packaged.relative_to(ROOT).as_posix()
    assert f'"{scaffold.GUIDE}" = "{relative}"' in pyproject
    assert scaffold.guide_path() == ROOT / scaffold.GUIDE
