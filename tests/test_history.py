"""``pola-karir diff`` and the history of a data folder, on a scripted git history
(tests/history_repo.py): the exact changes in text, JSON and Markdown, both languages, bad
revisions, a revision whose data is invalid, a revision without the data folder, and the dates
and versions the site's Riwayat perubahan page is made from."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest
from factory import DataFolder
from history_repo import BIDANG, SEKSI, commit_data, first_version, git, scripted_repo

from pola_karir.cli import main
from pola_karir.history.compare import Kind, compare
from pola_karir.history.timeline import History, Status, Unavailable, data_history
from pola_karir.history.wording import sentence
from pola_karir.model import Dataset
from pola_karir.site.history import history_page, unavailable_text


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data folder of the scripted repository (shared: tests that change the repository
    work on a copy)."""
    return scripted_repo(tmp_path_factory.mktemp("history") / "repo")


def short(data: Path, revision: str) -> str:
    return git(data.parent, "rev-parse", "--short=7", revision).strip()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    out, err = capsys.readouterr()
    return code, out, err


# --- the command -----------------------------------------------------------------------------


def test_text_lists_each_change_in_the_regulations_words(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "v1.0", "v1.1", "--data", str(data))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Perubahan data dari v1.0 ({short(data, 'v1.0')}) ke v1.1 ({short(data, 'v1.1^{}')}): "
        "5 perubahan",
        "",
        "Jabatan",
        "  ~ Kepala Bidang Bina Marga: pendidikan minimal D-IV → S-1",
        "  ~ Kepala Seksi Jalan: kebutuhan 3 → 4",
        "  - Jabatan dihapus: Teknik Jalan dan Jembatan Ahli Pertama",
        "",
        "Jalur karier",
        "  ~ Jalur Karier Bidang Bina Marga: langkah dihapus: dari Teknik Jalan dan Jembatan Ahli "
        "Pertama ke Teknik Jalan dan Jembatan Ahli Muda (vertikal)",
        # the bidi override in the new path's name is shown, not obeyed by the terminal
        "  + Jalur karier baru: Jalur <b>Pengawasan</b> *Jalan*\\u202e",
    ]


def test_changes_after_the_tag_and_none_between_equal_revisions(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "v1.1", "HEAD", "--data", str(data))
    assert code == 0
    assert out.splitlines()[2:] == ["Jabatan", "  ~ Kepala Seksi Jalan: bezetting 2 → 1"]
    code, out, err = run(capsys, "main", "HEAD", "--data", str(data))
    head = short(data, "HEAD")
    assert (code, err) == (0, "")
    assert out == f"Tidak ada perubahan data dari main ({head}) ke HEAD ({head}).\n"


def test_json_prints_only_json_with_codes_and_sentences(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "v1.0", "v1.1", "--data", str(data), "--format", "json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["dari"] == {
        "revisi": "v1.0",
        "commit": git(data.parent, "rev-parse", "v1.0").strip(),
        "ada_data": True,
    }
    assert report["jumlah"] == 5
    rows = [
        (c["jenis"], c["entitas"], c["id"], c["bagian"], c["butir"], c["sebelum"], c["sesudah"])
        for c in report["perubahan"]
    ]
    assert rows == [
        ("diubah", "jabatan", "kepala-bidang-bina-marga", "persyaratan.pendidikan.minimal", [],
         "D4", "S1"),
        ("diubah", "jabatan", "kepala-seksi-jalan", "kebutuhan", [], 3, 4),
        ("dihapus", "jabatan", "teknik-jalan-ahli-pertama", None, [], None, None),
        ("diubah", "jalur", "bina-marga", "langkah",
         ["teknik-jalan-ahli-pertama", "teknik-jalan-ahli-muda"], "vertikal", None),
        ("ditambah", "jalur", "pengawasan-jalan", None, [], None, None),
    ]  # fmt: skip
    assert report["perubahan"][0]["teks"] == (
        "Kepala Bidang Bina Marga: pendidikan minimal D-IV → S-1"
    )
    # the override is an escape in the JSON text, the same character once parsed
    assert "\\u202e" in out and "\u202e" not in out
    assert report["perubahan"][4]["nama"].endswith("*Jalan*\u202e")


def test_markdown_for_a_job_summary_escapes_the_data(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "v1.0", "v1.1", "--data", str(data), "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("### Perubahan data dari v1.0 (")
    assert "**Jabatan**" in lines and "**Jalur karier**" in lines
    assert "- Kepala Bidang Bina Marga: pendidikan minimal D-IV → S-1" in lines
    assert "- Jalur karier baru: Jalur &lt;b&gt;Pengawasan&lt;/b&gt; \\*Jalan\\*\u202e" in lines
    assert "<b>" not in out


def test_english(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "v1.0", "v1.1", "--data", str(data), "--lang", "en")
    assert code == 0
    assert "Position" in out.splitlines()
    lines = out.splitlines()
    assert "  ~ Kepala Bidang Bina Marga: minimum education Diploma IV → Bachelor's (S-1)" in lines
    assert "  ~ Kepala Seksi Jalan: posts required (kebutuhan) 3 → 4" in lines
    assert "  + Career path added: Jalur <b>Pengawasan</b> *Jalan*\\u202e" in lines


@pytest.mark.parametrize(
    "revision",
    ["tidak-ada", "--output=berkas-baru", "-n", "HEAD~99", "v1.0\nHEAD", ""],
)
def test_a_revision_git_does_not_know_is_a_usage_error(
    data: Path,
    revision: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Exit 2, one sentence naming the revision on stderr, nothing on stdout; a revision that
    looks like an option never reaches git as one (no file written by ``--output``)."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--data", str(data), "--", revision, "HEAD")
    assert (code, out) == (2, "")
    revision_shown = revision.replace("\n", "\\n")
    assert err == (
        f'pola-karir: Revisi "{revision_shown}" tidak dikenal git: sebutkan commit, tag atau '
        "cabang yang ada (misalnya HEAD, main, v1.0 atau origin/main; lihat git log --oneline).\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_outside_a_git_repository_is_a_usage_error(
    folder: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    root = folder.write()
    code, out, err = run(capsys, "v1.0", "HEAD", "--data", str(root))
    assert (code, out) == (2, "")
    # Under the program's name, as every other message (git's own words are not shown).
    assert err.startswith(f"pola-karir: Folder {root} tidak berada di dalam repositori git:")


def test_invalid_data_at_a_revision_is_reported_like_validate(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "v1.1", "rusak", "--data", str(data))
    assert code == 1
    assert err.startswith(
        "pola-karir: Data pada revisi rusak tidak sah, sehingga tidak dapat dibandingkan"
    )
    assert out.splitlines()[0].startswith(
        "rusak:data/jabatan/kepala-seksi-jalan.yml:2:1: error[PK003]: Sintaks YAML salah"
    )
    assert out.splitlines()[-1].endswith("1 galat, 1 peringatan; data TIDAK sah.")
    assert "v1.1:" not in out  # the valid revision's own warnings are not this report's business
    code, out, _ = run(capsys, "v1.1", "rusak", "--data", str(data), "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["ringkasan"]["sah"] is False
    assert report["diagnostik"][0]["file"] == "rusak:data/jabatan/kepala-seksi-jalan.yml"
    code, out, _ = run(capsys, "v1.1", "rusak", "--data", str(data), "--format", "markdown")
    assert code == 1
    assert out.splitlines()[-1].startswith(
        "- rusak:data/jabatan/kepala-seksi-jalan.yml&#58;2&#58;1: \\[PK003\\] Sintaks YAML salah"
    )


def test_a_revision_without_the_data_folder_compares_as_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pull request that adds the data: everything is new, and the report says why."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "README.md").write_text("Pola karier\n", encoding="utf-8")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "Awal", date="2026-01-01T09:00:00+07:00")
    commit_data(repo, first_version(), "Data", "2026-01-02T09:00:00+07:00")
    code, out, _ = run(capsys, "HEAD~1", "HEAD", "--data", str(repo / "data"))
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == (
        "Folder data belum ada pada revisi HEAD~1: isinya dibandingkan sebagai data kosong."
    )
    assert "  + Jabatan baru: Kepala Bidang Bina Marga" in lines
    assert "  + Jalur karier baru: Jalur Karier Bidang Bina Marga" in lines
    assert "  + Unit organisasi baru: Dinas Pekerjaan Umum dan Penataan Ruang" in lines
    assert "  + Jabatan fungsional baru: Teknik Jalan dan Jembatan" in lines


# --- field by field, without git -------------------------------------------------------------


def _dataset(folder: DataFolder) -> Dataset:
    result = folder.validate()
    assert result.dataset is not None, [d.code for d in result.diagnostics]
    return result.dataset


def test_every_requirement_field_is_said(tmp_path: Path) -> None:
    before = _dataset(DataFolder(tmp_path / "a"))
    changed = DataFolder(tmp_path / "b")
    bidang = changed.doc(BIDANG)
    bidang["nama"] = "Kepala Bidang Jalan"
    bidang["persyaratan"]["golongan"] = {"minimal": "IV/a"}
    bidang["persyaratan"]["pelatihan"] = ["pka", "diklat-jalan"]
    bidang["persyaratan"]["sertifikasi"] = []
    bidang["persyaratan"]["pengalaman"] = [{"jenis": ["pengawas"], "tahun": 3}]
    bidang["persyaratan"]["kinerja"] = {"predikat_minimal": "baik", "tahun": 2}
    bidang["persyaratan"]["kompetensi"]["manajerial"]["integritas"] = 4
    bidang["persyaratan"]["pendidikan"]["bidang"] = ["Teknik Sipil"]
    changed.doc(SEKSI)["unit"] = "dinas-pupr/bidang-bina-marga"
    changed.doc("unit/dinas-pupr.yml")["sub"][0]["nama"] = "Bidang Jalan"
    after = _dataset(changed)
    changes = compare(before, after)
    assert all(c.kind is Kind.CHANGED for c in changes)
    assert [sentence(c, before, after) for c in changes] == [
        "Kepala Bidang Jalan: nama Kepala Bidang Bina Marga → Kepala Bidang Jalan",
        "Kepala Bidang Jalan: bidang pendidikan ditambahkan: Teknik Sipil",
        "Kepala Bidang Jalan: golongan minimal III/d (Penata Tingkat I) → IV/a (Pembina)",
        "Kepala Bidang Jalan: pengalaman ditambahkan: paling singkat 3 tahun sebagai Pengawas",
        "Kepala Bidang Jalan: pelatihan ditambahkan: Diklat Teknis Jalan",
        "Kepala Bidang Jalan: sertifikasi dihapus: Sertifikat Ahli Jalan",
        "Kepala Bidang Jalan: predikat kinerja minimal – → Baik",
        "Kepala Bidang Jalan: masa penilaian kinerja – → 2 tahun",
        "Kepala Bidang Jalan: kompetensi (Integritas) level 3 → level 4",
        "Kepala Seksi Jalan: unit kerja Seksi Jalan, Dinas PUPR → Bidang Jalan, Dinas PUPR",
        "Bidang Jalan: nama Bidang Bina Marga → Bidang Jalan",
    ]


def test_placements_are_matched_by_unit(tmp_path: Path) -> None:
    one = DataFolder(tmp_path / "a")
    seksi = one.doc(SEKSI)
    del seksi["unit"]
    seksi["penempatan"] = [
        {"unit": "dinas-pupr/bidang-bina-marga/seksi-jalan", "kebutuhan": 2, "bezetting": 2},
        {"unit": "dinas-pupr/bidang-bina-marga", "kebutuhan": 1},
    ]
    before = _dataset(one)
    two = DataFolder(tmp_path / "b")
    del two.doc(SEKSI)["unit"]
    two.doc(SEKSI)["penempatan"] = [
        {"unit": "dinas-pupr/bidang-bina-marga/seksi-jalan", "kebutuhan": 3, "bezetting": 2},
        {"unit": "dinas-pupr", "kebutuhan": 1},
    ]
    after = _dataset(two)
    assert [sentence(c, before, after) for c in compare(before, after)] == [
        "Kepala Seksi Jalan: penempatan dihapus: Bidang Bina Marga, Dinas PUPR",
        "Kepala Seksi Jalan: penempatan ditambahkan: Dinas Pekerjaan Umum dan Penataan Ruang",
        "Kepala Seksi Jalan: kebutuhan (Seksi Jalan, Dinas PUPR) 2 → 3",
    ]


# --- the history the site shows ----------------------------------------------------------------


def test_history_per_tag_newest_first_with_dates_per_file(data: Path) -> None:
    history = data_history(data)
    assert history.available and history.by_tags
    assert history.total == 2
    assert [(e.label, e.date, e.status, e.pending) for e in history.entries] == [
        ("v1.1", "2026-04-20", Status.CHANGED, True),  # committed since the newest tag
        ("v1.1", "2026-03-12", Status.CHANGED, False),
        ("v1.0", "2026-01-05", Status.FIRST, False),
    ]
    pending, tagged, _ = history.entries
    assert [sentence(c, pending.before, pending.after) for c in pending.changes] == [
        "Kepala Seksi Jalan: bezetting 2 → 1"
    ]
    assert len(tagged.changes) == 5
    assert history.date_of("jabatan/kepala-seksi-jalan.yml") == "2026-04-20"
    assert history.date_of("jabatan/kepala-bidang-bina-marga.yml") == "2026-03-12"
    assert history.date_of("jabatan/teknik-jalan-ahli-muda.yml") == "2026-01-05"
    assert history.date_of(None) == "2026-04-20"  # a page drawn from the whole folder
    # the next build (mkdocs serve) reuses the versions: nothing was committed meanwhile
    assert data_history(data).entries is history.entries


def test_history_per_commit_without_tags_is_capped(data: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(data.parent, repo)
    git(repo, "tag", "-d", "v1.0", "v1.1")
    history = data_history(repo / "data", limit=2)
    assert not history.by_tags
    assert history.total == 3
    assert [(e.subject, e.date, e.status) for e in history.entries] == [
        ("Bezetting April", "2026-04-20", Status.CHANGED),
        ("Perbup 2026: persyaratan baru", "2026-03-12", Status.CHANGED),
    ]
    assert history.entries[0].label == short(repo / "data", "HEAD")
    markdown = history_page(history).markdown
    assert "\nBelum ada versi yang ditandai (tag git), sehingga perubahan data" in markdown
    assert "\nDitampilkan 2 versi terakhir dari 3 versi; yang lebih lama tetap tercatat" in markdown
    assert "\n_Bezetting April_\n" in markdown  # the commit's subject under its heading
    git(repo, "checkout", "-q", "rusak")
    assert data_history(repo / "data").entries[0].status is Status.INVALID


def test_an_uncommitted_file_has_no_date(data: Path, tmp_path: Path) -> None:
    """Its last commit does not date what is built, nor does the folder's last commit."""
    repo = tmp_path / "repo"
    shutil.copytree(data.parent, repo)
    path = repo / "data" / SEKSI
    path.write_text(path.read_text(encoding="utf-8") + "# diubah\n", encoding="utf-8")
    history = data_history(repo / "data")
    assert history.date_of(SEKSI) is None
    assert history.date_of(None) is None
    assert history.date_of(BIDANG) == "2026-03-12"


def _why(history: History) -> str:
    """The Riwayat perubahan page of a history that is not available: its one sentence."""
    assert not history.available
    page = history_page(history).markdown.strip()
    return page.splitlines()[-1]


def test_outside_a_git_work_tree_the_page_says_to_build_from_a_clone(
    folder: DataFolder,
) -> None:
    data = folder.write()
    history = data_history(data)
    assert (history.reason, history.detail) == (Unavailable.NOT_A_REPO, str(data))
    why = _why(history)
    assert why.startswith("Riwayat perubahan tidak tersedia: folder data situs ini tidak berada")
    assert "Bangun situs dari salinan (clone) repositori data" in why
    assert str(data.parent) not in why


def test_a_shallow_clone_says_how_the_ci_templates_fetch_the_whole_history(
    data: Path, tmp_path: Path
) -> None:
    """A CI checkout at depth 1: the page names the setting to change, the one the templates
    of ``pola-karir init`` carry (read from them, so the advice cannot drift from them)."""
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{data.parent}", str(clone))
    history = data_history(clone / "data")
    assert history.reason is Unavailable.SHALLOW
    why = _why(history)
    assert "shallow clone" in why and str(tmp_path) not in why
    templates = resources.files("pola_karir.scaffold") / "templates"
    github = (templates / ".github" / "workflows" / "pola-karir.yml").read_text(encoding="utf-8")
    gitlab = (templates / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert "uses: actions/checkout@" in github and "fetch-depth: 0" in github
    assert 'GIT_DEPTH: "0"' in gitlab
    assert "`fetch-depth: 0` pada langkah `actions/checkout`" in why
    assert '`GIT_DEPTH: "0"`' in why
    english = unavailable_text(history, "en")
    assert "in GitHub Actions set `fetch-depth: 0` on the `actions/checkout` step" in english


def test_without_git_installed_the_page_says_to_install_it(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PATH that holds no git (a slim CI image): the repository is fine, git is missing."""
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    history = data_history(data)
    assert history.reason is Unavailable.NO_GIT
    assert _why(history).startswith(
        "Riwayat perubahan tidak tersedia: program git tidak terpasang di mesin yang membangun"
    )


def test_data_never_committed_says_to_commit_it(folder: DataFolder, tmp_path: Path) -> None:
    data = folder.write()
    git(tmp_path, "init", "-q")
    (tmp_path / "README.md").write_text("Pola karier\n", encoding="utf-8")
    git(tmp_path, "add", "README.md")
    git(tmp_path, "commit", "-q", "-m", "Awal", date="2026-01-01T09:00:00+07:00")
    history = data_history(data)
    assert history.reason is Unavailable.NOT_COMMITTED
    assert "folder data belum pernah di-commit" in _why(history)


def test_versions_with_the_same_data_or_only_unlisted_changes(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A comment added to a data file changes the files but nothing the diff lists, and says
    so; a tag on a commit that left the data alone is "the same as the version before"."""
    repo = tmp_path / "repo"
    shutil.copytree(data.parent, repo)
    git(repo, "tag", "v1.2")
    path = repo / "data" / SEKSI
    path.write_text("# catatan\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Komentar", date="2026-05-01T09:00:00+07:00")
    code, out, _ = run(capsys, "v1.2", "HEAD", "--data", str(repo / "data"))
    assert code == 0
    assert out.startswith("Tidak ada perubahan pada jabatan, jalur karier, unit organisasi atau ")
    assert "yang berubah hanya bagian data yang tidak dirinci perintah ini" in out
    (repo / "README.md").write_text("Pola karier\n", encoding="utf-8")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "README", date="2026-05-02T09:00:00+07:00")
    git(repo, "tag", "v1.3")
    entries = data_history(repo / "data").entries
    assert [(e.label, e.same, len(e.changes)) for e in entries] == [
        ("v1.3", False, 0),  # the comment: files changed, nothing listed
        ("v1.2", False, 1),
        ("v1.1", False, 5),
        ("v1.0", False, 0),
    ]
    git(repo, "tag", "v1.4")
    git(repo, "commit", "-q", "--allow-empty", "-m", "Kosong", date="2026-05-03T09:00:00+07:00")
    git(repo, "tag", "-f", "v1.4")
    versions = data_history(repo / "data")
    first = versions.entries[0]
    assert (first.label, first.same, first.changes) == ("v1.4", True, ())
    markdown = history_page(versions).markdown
    assert "## v1.4 · 3 Mei 2026\n\nData sama dengan versi sebelumnya.\n" in markdown
    assert "## v1.3 · 2 Mei 2026\n\nTidak ada perubahan pada jabatan" in markdown


def test_moves_are_matched_by_their_two_positions(tmp_path: Path) -> None:
    before = _dataset(DataFolder(tmp_path / "a"))
    changed = DataFolder(tmp_path / "b")
    moves = changed.doc("jalur/bina-marga.yml")["langkah"]
    moves[1]["tahun_minimal"] = 3
    moves[1]["syarat"] = ["Angka kredit terpenuhi"]
    moves[2]["tahun_minimal"] = 1
    after = _dataset(changed)
    assert [sentence(c, before, after) for c in compare(before, after)] == [
        "Jalur Karier Bidang Bina Marga: masa minimal (dari Teknik Jalan dan Jembatan Ahli "
        "Pertama ke Teknik Jalan dan Jembatan Ahli Muda) 2 tahun → 3 tahun",
        "Jalur Karier Bidang Bina Marga: syarat (dari Teknik Jalan dan Jembatan Ahli Pertama ke "
        "Teknik Jalan dan Jembatan Ahli Muda) – → Angka kredit terpenuhi",
        "Jalur Karier Bidang Bina Marga: masa minimal (dari Teknik Jalan dan Jembatan Ahli Muda "
        "ke Kepala Bidang Bina Marga) – → 1 tahun",
    ]


def test_a_repository_git_refuses_for_its_owner_says_how_to_allow_it(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CI container checking out as another user: git's own refusal, and the fix. (git's
    test switch makes it treat the repository as another user's.)"""
    monkeypatch.setenv("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1")
    code, out, err = run(capsys, "v1.0", "HEAD", "--data", str(data))
    assert (code, out) == (2, "")
    assert err.startswith("pola-karir: git menolak membaca repositori yang memuat ")
    assert "(fatal: detected dubious ownership in repository at " in err
    assert "git config --global --add safe.directory" in err
    history = data_history(data)
    assert history.reason is Unavailable.UNSAFE
    assert "dubious ownership" in history.detail  # git's words, for the build log
    why = _why(history)
    assert "`git config --global --add safe.directory FOLDER-REPOSITORI`" in why
    assert str(data.parent) not in why and "dubious" not in why


def test_a_repository_with_lost_objects_is_said_not_a_crash(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(data.parent, repo)
    blob = git(repo, "rev-parse", f"v1.0:data/{BIDANG}").strip()
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    code, out, err = run(capsys, "v1.0", "HEAD", "--data", str(repo / "data"))
    assert (code, out, err) == (2, "", f"pola-karir: git gagal: {blob} missing\n")
    history = data_history(repo / "data")  # the build goes on, undated
    assert (history.reason, history.detail) == (Unavailable.GIT_FAILED, f"{blob} missing")
    why = _why(history)  # git's words in the build log only: the page says what to do
    assert "Pesan git tercatat di log pembangunan situs" in why and "git fsck" in why
    assert blob not in why and str(tmp_path) not in why
