"""What lets the plugin stand alone in any ``mkdocs.yml``: part of the MkDocs adapter.

An agency's own ``mkdocs.yml`` may be as short as a site name and the plugin. The generated
pages must still render (the Markdown extensions they use are added when missing), "edit this
page" must lead to the YAML file in the repository wherever the data folder lies, visitors must
make no request to a third party, and other plugins (mkdocs-macros) must leave the generated
pages alone. Each concern is a small function here; :mod:`pola_karir.mkdocs_plugin` calls them
from its event handlers and logs what they changed.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# --- Markdown extensions ---------------------------------------------------------------------

# The Markdown the core writes uses these beyond plain Markdown: tables, attribute lists
# ('## Level 1 {#level-1}', '{: .pk-start }', the home page's button), admonitions
# ('!!! warning', the fictional-data notice) and collapsible details ('??? info', the overview's
# table of moves). MkDocs always loads 'tables' itself; listed for a config that removed it.
NEEDED_EXTENSIONS: Final = ("tables", "attr_list", "admonition", "pymdownx.details")
# Python-Markdown's 'extra' bundles these (among others), under either name.
_EXTRA: Final = frozenset({"tables", "attr_list"})


def _short(name: str) -> str:
    return name.removeprefix("markdown.extensions.")


def missing_extensions(configured: list[Any]) -> list[str]:
    """The extensions of :data:`NEEDED_EXTENSIONS` that ``configured`` (MkDocs'
    ``markdown_extensions``: names, or extension objects given from Python) lacks."""
    present = {_short(name) for name in configured if isinstance(name, str)}
    if "extra" in present:
        present |= _EXTRA
    return [name for name in NEEDED_EXTENSIONS if name not in present]


def add_extensions(config: MkDocsConfig) -> list[str]:
    """Add the missing extensions to ``config.markdown_extensions`` (MkDocs builds each page's
    Markdown converter from that list when it renders, after on_config), with no options: the
    defaults are what the pages need. Returns what was added."""
    added = missing_extensions(config.markdown_extensions)
    config.markdown_extensions.extend(added)
    return added


# --- no request to a third party -------------------------------------------------------------

# Material's script fetches the repository's stars, forks and latest release from the host's
# API (api.github.com, gitlab.com) on page view for the element carrying this attribute; the
# link itself (icon and repository name) needs no script.
REPOSITORY_FACTS: Final = ' data-md-component="source"'


@dataclass(frozen=True)
class Privacy:
    """What :func:`keep_requests_home` changed, for the log."""

    fonts_off: bool = False  # Material's Google Fonts (font: false)
    highlight_off: bool = False  # the mkdocs/readthedocs themes' highlight.js from cdnjs
    repository_facts: bool = False  # the facts element is made a plain link (see above)
    remote_emoji: bool = False  # pymdownx.emoji writes <img> tags pointing at a CDN


def keep_requests_home(config: MkDocsConfig) -> Privacy:
    """Turn off the theme options that make every visitor's browser call another site, and
    report the one it cannot turn off (emoji images of hand-written pages).

    Fonts stay as they are when Material's privacy plugin is enabled: it downloads them at
    build time and serves them from the site itself."""
    theme = config.theme
    name = theme.name or ""
    plugins = {key.rsplit("/", 1)[-1] for key in config.plugins}
    fonts_off = False
    if name == "material" and theme.get("font") not in (False, None) and "privacy" not in plugins:
        theme["font"] = False
        fonts_off = True
    highlight_off = False
    if name in ("mkdocs", "readthedocs") and theme.get("highlightjs"):
        theme["highlightjs"] = False
        highlight_off = True
    return Privacy(
        fonts_off=fonts_off,
        highlight_off=highlight_off,
        repository_facts=bool(config.repo_url) and name == "material",
        remote_emoji=_remote_emoji(config),
    )


def _remote_emoji(config: MkDocsConfig) -> bool:
    """Whether pymdownx.emoji is set to write images from a CDN: its default generator is, and
    only Material's inline SVG (``material.extensions.emoji.to_svg``) and the plain-text
    ``to_alt`` are not. Data text never becomes an emoji (its ':' is escaped); hand-written
    pages can."""
    names = [_short(n) for n in config.markdown_extensions if isinstance(n, str)]
    if "pymdownx.emoji" not in names:
        return False
    options = config.mdx_configs.get("pymdownx.emoji") or {}
    generator = options.get("emoji_generator")
    where = f"{getattr(generator, '__module__', '')}.{getattr(generator, '__name__', '')}"
    return where not in ("material.extensions.emoji.to_svg", "pymdownx.emoji.to_alt")


def hide_repository_facts(html: str) -> str:
    """The theme's repository link without the attribute its script looks for: the link stays,
    the call to the host's API goes."""
    return html.replace(REPOSITORY_FACTS, "")


# --- edit links ------------------------------------------------------------------------------


def git_toplevel(folder: Path) -> Path | None:
    """The root of the git work tree holding ``folder``; None outside one or without git."""
    git = shutil.which("git")
    if git is None or not folder.is_dir():
        return None
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        result = subprocess.run(
            [git, "-C", str(folder), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        top = result.stdout.strip()
        if result.returncode == 0 and top:
            return Path(top).resolve()
    return None


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


@dataclass(frozen=True)
class EditPaths:
    """Where the data files are for MkDocs' edit links: ``prefix`` is the data folder relative
    to ``docs_dir`` (as MkDocs joins it to ``edit_uri``); ``reason`` says why there is none."""

    prefix: str | None
    reason: str = ""

    def of(self, source: str) -> str | None:
        """The edit path of one data file (``source`` relative to the data folder)."""
        if self.prefix is None:
            return None
        return posixpath.normpath(posixpath.join(self.prefix, source))


def edit_paths(
    data_root: Path,
    docs_dir: Path,
    config_dir: Path,
    edit_uri: str | None,
    edit_uri_template: str | None = None,
) -> EditPaths:
    """The data folder as MkDocs' edit links need it: relative to ``docs_dir``, because MkDocs
    makes an edit link from ``repo_url``, ``edit_uri`` (the path of ``docs_dir`` in the
    repository) and the file's ``edit_uri`` relative to it, resolving '..' as a URL does.

    That is right only when both folders are in the one repository ``repo_url`` names: the git
    work tree of both (or, without git, the folder of mkdocs.yml), and when ``edit_uri`` does
    end with the path of ``docs_dir`` in it, so each '..' climbs one real folder. Otherwise
    there is no edit link rather than a wrong one, or one naming a folder of the machine that
    built the site. ``reason`` is a catalogue key saying which condition failed."""
    if not (edit_uri or edit_uri_template):
        return EditPaths(None, "plugin.edit.no_edit_uri")
    data_root, docs_dir, config_dir = (p.resolve() for p in (data_root, docs_dir, config_dir))
    data_top, docs_top = git_toplevel(data_root), git_toplevel(docs_dir)
    if data_top != docs_top:
        return EditPaths(None, "plugin.edit.other_repository")
    root = data_top or config_dir
    if not (_inside(data_root, root) and _inside(docs_dir, root)):
        return EditPaths(None, "plugin.edit.outside_repository")
    docs_in_repo = docs_dir.relative_to(root).as_posix()
    base = edit_uri_template.split("{path", 1)[0] if edit_uri_template else (edit_uri or "")
    base = base.strip("/")
    if docs_in_repo != "." and base != docs_in_repo and not base.endswith(f"/{docs_in_repo}"):
        return EditPaths(None, "plugin.edit.edit_uri_elsewhere")
    prefix = Path(os.path.relpath(data_root, docs_dir)).as_posix()
    if prefix.startswith("..") and ("?" in base or "#" in base):
        # A query ('?path=/docs/', Azure DevOps) is not a path: '..' in it is not resolved.
        return EditPaths(None, "plugin.edit.edit_uri_elsewhere")
    return EditPaths(prefix)


def under(path: str | None, folder: Path) -> bool:
    """Whether the file ``path`` (a MkDocs File's ``abs_src_path``) lies in ``folder``."""
    return path is not None and _inside(Path(path).resolve(), folder.resolve())


# mkdocs-macros renders every page's Markdown as a Jinja template unless the page's metadata
# says ``render_macros: false``. The generated Markdown holds '{#level-1}' and '{ .md-button }',
# which Jinja reads as the start of a comment and of an expression (and fails on); data text
# never does, being escaped. The flag is set on the page's metadata by the plugin, so nothing in
# the core knows about macros.
NO_MACROS: Final = {"render_macros": False}
