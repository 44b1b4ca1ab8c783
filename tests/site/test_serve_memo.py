"""``mkdocs serve`` keeps the plugin between rebuilds (it handles ``on_startup``): a rebuild
parses again only the data files that changed, and sees what changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from mkdocs.config import load_config

from pola_karir.mkdocs_plugin import PolaKarirPlugin

PROVINSI = Path(__file__).resolve().parents[1] / "provinsi"


def _plugin(tmp_path: Path, command: str) -> tuple[PolaKarirPlugin, object]:
    shutil.copytree(PROVINSI, tmp_path / "data")
    (tmp_path / "docs").mkdir()
    settings = {"site_name": "Uji", "plugins": [{"pola-karir": {"data_dir": "data"}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["pola-karir"]
    assert isinstance(plugin, PolaKarirPlugin)
    plugin.on_startup(command=command, dirty=False)  # type: ignore[arg-type]
    return plugin, config


def test_a_serve_rebuild_parses_only_the_edited_file(tmp_path: Path) -> None:
    plugin, config = _plugin(tmp_path, "serve")
    files = len(list((tmp_path / "data").rglob("*.yml")))
    plugin.on_config(config)  # type: ignore[arg-type]
    assert plugin.memo is not None
    assert (plugin.memo.parsed, plugin.memo.reused) == (files, 0)

    edited = sorted((tmp_path / "data" / "jabatan").glob("*.yml"))[0]
    edited.write_text(
        edited.read_text(encoding="utf-8") + "keterangan: Penanda suntingan.\n", encoding="utf-8"
    )
    plugin.on_config(config)  # type: ignore[arg-type]
    assert (plugin.memo.parsed, plugin.memo.reused) == (files + 1, files - 1)
    assert plugin.content is not None
    pages = "".join(p.markdown for p in plugin.content.pages)
    assert "Penanda suntingan." in pages
    plugin.on_shutdown()  # deletes the build's own folder (the open data spooled there)


def test_a_one_off_build_keeps_no_parsed_file(tmp_path: Path) -> None:
    plugin, config = _plugin(tmp_path, "build")
    plugin.on_config(config)  # type: ignore[arg-type]
    assert plugin.memo is None
    plugin.on_shutdown()
