"""The parts of :mod:`pola_karir.mkdocs_keep` that need no build: where the kept pages' search
entries go, and the served folder moved aside and its kept files moved back."""

from __future__ import annotations

from pathlib import Path

from pola_karir import mkdocs_keep as keep


def _kept(src: str) -> keep.Kept:
    return keep.Kept("d", f"{src}.html", (), None, (), [{"location": src}])


def test_kept_entries_go_where_a_full_build_adds_them() -> None:
    order = ["a", "b", "c", "d", "e"]
    feed = keep.Entries(order, {"a": _kept("a"), "c": _kept("c"), "e": _kept("e")})
    entries: list[dict[str, str]] = []
    for built in ("b", "d"):  # MkDocs builds b and d, in its order
        feed.before(built, entries)
        entries.append({"location": built})
    feed.before(None, entries)  # the index is written
    assert [e["location"] for e in entries] == order


def test_the_folder_moved_aside_gives_back_the_kept_files_only(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("a/index.html", "b/index.html", "search/search_index.json", ".keep"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name, encoding="utf-8")
    aside = keep.set_aside(site, "aside-")
    assert aside is not None and not site.exists()
    site.mkdir()  # what MkDocs writes: the pages it built
    (site / "b").mkdir()
    (site / "b" / "index.html").write_text("new b", encoding="utf-8")
    assert keep.restore(aside, site, ["a/index.html"]) == []
    written = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert written == {"a/index.html", "b/index.html", ".keep"}  # MkDocs keeps hidden files
    assert (site / "b" / "index.html").read_text(encoding="utf-8") == "new b"
    assert keep.restore(aside, site, ["gone/index.html"]) == ["gone/index.html"]
