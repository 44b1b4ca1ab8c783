"""Source-path links: the tokens the core writes where MkDocs does not resolve links, and the
replacement the plugin makes with URLs from MkDocs' File objects."""

from __future__ import annotations

import html
import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pola_karir.site import urls
from pola_karir.site.text import attr, external_link, link, md


def _fake_url(src: str) -> str:
    return f"URL({src})"


def test_tokens_in_url_attributes_are_resolved_with_their_anchor() -> None:
    page = (
        f'<a href="{urls.ref("jabatan/x.md")}">x</a>'
        f'<a xlink:href="{urls.ref("jabatan/y.md", "level-2")}">y</a>'
        f'<script src="{urls.ref("assets/a.js")}"></script>'
        f'<div data-pk-position-url="{urls.ref(urls.position(urls.ANY_ID))}"></div>'
    )
    assert urls.resolve_refs(page, _fake_url) == (
        '<a href="URL(jabatan/x.md)">x</a>'
        '<a xlink:href="URL(jabatan/y.md)#level-2">y</a>'
        '<script src="URL(assets/a.js)"></script>'
        '<div data-pk-position-url="URL(jabatan/__ID__.md)"></div>'
    )


def test_an_unknown_source_is_left_for_the_plugin_to_report() -> None:
    page = f'<a href="{urls.ref("jabatan/gone.md")}">x</a>'
    assert urls.resolve_refs(page, lambda src: None) == page


def test_a_resolved_url_is_escaped_for_its_attribute() -> None:
    page = f'<a href="{urls.ref("data/x.csv")}">x</a>'
    assert urls.resolve_refs(page, lambda src: 'a"b&c') == '<a href="a&quot;b&amp;c">x</a>'


@pytest.mark.parametrize(
    "src",
    ["", "/jabatan/x.md", "../x.md", 'a".md', "a b.md", "a<b.md", "a#b.md", "a#b", "x.md?q=1"],
)
def test_a_token_names_a_plain_source_path(src: str) -> None:
    with pytest.raises(ValueError):
        urls.ref(src)


TOKEN = urls.ref("data/pola-karir.json")
FORGERIES = [
    TOKEN,
    f'href="{TOKEN}"',
    f'" href="{TOKEN}" x="',
    f'<a href="{TOKEN}">unduh</a>',
    f"<a href='{TOKEN}'>unduh</a>",
    f"href={TOKEN}",
]


@pytest.mark.parametrize("text", FORGERIES)
def test_escaped_data_never_holds_a_token(text: str) -> None:
    """Text from the YAML files reaches a page only through the escaping helpers (and
    Graphviz's own escaping, see test_escaping); none of their output is ever resolved."""
    page = (
        f'<p title="{attr(text)}">{md(text)} {html.escape(text)}</p>'
        f"{link(text, 'jabatan/x.md')} {external_link(text, 'https://example.org/')}"
        f"{external_link(text, text)}"
    )

    def refuse(src: str) -> str:
        raise AssertionError(f"resolved a forged token to {src!r}")

    assert urls.resolve_refs(page, refuse) == page


def test_a_token_outside_a_url_attribute_is_left_alone() -> None:
    """Only the whole value of href, src, xlink:href or data-pk-*-url counts."""
    page = (
        f'<p title="{TOKEN}">{TOKEN}</p><a data-x="{TOKEN}" href="x{TOKEN}"><a xhref="{TOKEN}"></a>'
    )
    assert urls.resolve_refs(page, _fake_url) == page


_SEGMENT = st.sampled_from(["jabatan", "unit", "a", "b", "x.md", "index.md", ".", "", "data"])


@given(st.lists(_SEGMENT, max_size=4), st.lists(_SEGMENT, max_size=4))
def test_relative_agrees_with_relpath(path: list[str], start: list[str]) -> None:
    """The fast relative path is relpath's answer for every relative path without '..'."""
    to, base = "/".join(path) or ".", "/".join(start) or "."
    assert urls.relative(to, base) == posixpath.relpath(to, base)
