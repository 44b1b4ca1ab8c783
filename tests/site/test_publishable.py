"""What reaches the published site must be fit for an official site: no research notes.

The shipped national reference data (``pola_karir/reference``) once printed internal notes on
the *Dasar hukum* pages ("UNSURE", guesses, blog and news sources, raw regulation ids). Those
notes now live in ``pola_karir/reference/PROVENANCE.md``, which is never rendered. These tests
keep them out of the built example site and out of the reference data itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from pola_karir.reference import REFERENCE_DIR

REGULATION_DIR = REFERENCE_DIR / "dasar-hukum"
SHIPPED_IDS = sorted(p.stem for p in REGULATION_DIR.glob("*.yml"))
REFERENCE_FILES = sorted(REFERENCE_DIR.rglob("*.yml"))

# Words that only a research note uses.
NOTE_WORDS = re.compile(r"UNSURE|\bdiduga\b", re.IGNORECASE)
# Hosts of blogs, news sites and flipbook/document-sharing sites: never a source an official
# site prints. A pattern matches the host with or without its scheme.
UNOFFICIAL_HOST_NAMES = (
    *("blogspot.com", "wordpress.com", "flipbuilder.com", "pubhtml5.com", "fliphtml5.com"),
    *("anyflip.com", "yumpu.com", "scribd.com", "123dok.com", "docplayer.info", "pdfcoffee.com"),
    *("slideshare.net", "alinea.id", "liputan6.com", "okezone.com", "idxchannel.com"),
    *("detik.com", "kompas.com", "medcom.id", "inews.id", "kontan.co.id", "apahabar.com"),
    *("lelemuku.com", "disway.id", "jpnn.com", "coesmanafamily.com", "emka.web.id"),
    *("asnri.com", "aturanasn.id", "jadiasn.id", "samsulramli.net"),
)
UNOFFICIAL_HOSTS = re.compile(
    r"(?:[a-z0-9-]+\.)*(?:" + "|".join(map(re.escape, UNOFFICIAL_HOST_NAMES)) + r")\b",
    re.IGNORECASE,
)
# The non-ASCII letters that re.IGNORECASE matches to an ASCII letter, as that letter.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def unofficial_hosts(text: str) -> list[re.Match[str]]:
    """Every match of UNOFFICIAL_HOSTS in ``text``. Every match holds one of the host names,
    letters in any case: without one in the folded text there is none, and the pattern, which
    tries its subdomain prefix at every letter of every word, costs seconds of CPU over a
    built site's pages (over 10 MB) for what is almost always no match at all."""
    folded = text.translate(_ASCII_FOLD).lower()
    if not any(name in folded for name in UNOFFICIAL_HOST_NAMES):
        return []
    return list(UNOFFICIAL_HOSTS.finditer(text))


# Official legal-information hosts a `tautan` or `sumber` may point to.
OFFICIAL_HOSTS = frozenset(
    {
        "peraturan.go.id",
        "peraturan.bpk.go.id",
        "jdih.bpk.go.id",
        "jdihn.go.id",
        "setkab.go.id",
        "jdih.setkab.go.id",
        "jdih.setneg.go.id",
        "jdih.kemenkumham.go.id",
        "jdih.menpan.go.id",
        "jdih.bkn.go.id",
        "jdih.lan.go.id",
    }
)
OFFICIAL_HOST_PATTERN = re.compile(r"jdih\.[a-z0-9-]+\.go\.id")  # the JDIH network
URL = re.compile(r"(?:https?:)?//[^\s\"'<>)]+", re.IGNORECASE)
RAW_ID = re.compile(
    r"(?<![\w./#-])(" + "|".join(re.escape(i) for i in SHIPPED_IDS) + r")(?![\w-])",
    re.IGNORECASE,
)
URL_ATTRIBUTES = {"href", "src", "srcset", "xlink:href", "action", "formaction", "poster", "data"}
# Text inside these is code or machinery, not prose: the data guide shows how to cite an id.
NOT_PROSE = {"code", "pre", "script", "style", "kbd", "samp"}


# --- the reference data ----------------------------------------------------------------------


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def _official(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    return parts.scheme == "https" and (
        host in OFFICIAL_HOSTS or OFFICIAL_HOST_PATTERN.fullmatch(host) is not None
    )


def _reference_strings() -> Iterator[tuple[str, str, str]]:
    for path in REFERENCE_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, text in _strings(data):
            yield path.relative_to(REFERENCE_DIR).as_posix(), where, text


def test_there_are_shipped_regulations() -> None:
    assert len(SHIPPED_IDS) >= 9, SHIPPED_IDS


def test_every_link_in_the_reference_data_is_official() -> None:
    """`tautan`, every article's `sumber`, and any address written in a text."""
    bad = []
    for file, where, text in _reference_strings():
        key = where.rsplit(".", 1)[-1]
        urls = [text] if key in {"tautan", "sumber"} else URL.findall(text)
        bad += [f"{file}: {where}: {url}" for url in urls if not _official(url)]
    assert not bad, "links to unofficial hosts (record them in PROVENANCE.md):\n" + "\n".join(bad)


def test_reference_texts_carry_no_research_notes() -> None:
    markers = re.compile(
        r"UNSURE|\bdiduga\b|belum (?:dibaca|dipastikan|diperiksa)|sumber sekunder|\bblog\b"
        r"|\bflipbook\b|artikel berita",
        re.IGNORECASE,
    )
    bad = []
    for file, where, text in _reference_strings():
        if where.rsplit(".", 1)[-1] in {"tautan", "sumber"} or "dasar_hukum" in where:
            continue  # links and citations (ids are how data cites), not prose
        prose = URL.sub(" ", text)
        for found in (*markers.findall(prose), *RAW_ID.findall(prose)):
            bad.append(f"{file}: {where}: {found!r}")
    assert not bad, "research notes or raw ids in published fields:\n" + "\n".join(bad)


# --- the built site --------------------------------------------------------------------------


class _ProseParser(HTMLParser):
    """Collects prose (text outside code/pre/script/style) and non-URL attribute values."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.prose: list[str] = []
        self.attributes: list[str] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and name not in URL_ATTRIBUTES:
                self.attributes.append(f"{tag}[{name}]={value}")
        if tag in NOT_PROSE:
            self._skip.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skip:
            while self._skip and self._skip.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.prose.append(data)


def _pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert pages, f"no HTML under {site}"
    return pages


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 60) : end + 60].split())


def test_no_page_prints_a_research_note_or_an_unofficial_source(example_site: Path) -> None:
    """The whole file, attributes and links included: an href to a blog is as bad as its name."""
    bad = []
    for page in _pages(example_site):
        html = page.read_text(encoding="utf-8")
        for m in [*NOTE_WORDS.finditer(html), *unofficial_hosts(html)]:
            rel = page.relative_to(example_site)
            bad.append(f"{rel}: {m.group(0)!r} in …{_context(html, m.start(), m.end())}…")
    assert not bad, "\n".join(bad[:50]) + (f"\n… {len(bad)} in all" if len(bad) > 50 else "")


def test_open_data_carries_no_research_note(example_site: Path) -> None:
    """The downloadable exports repeat the same texts."""
    bad = []
    for path in sorted(example_site.rglob("*")):
        if path.suffix not in {".csv", ".json"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        for m in [*NOTE_WORDS.finditer(text), *unofficial_hosts(text)]:
            bad.append(f"{path.relative_to(example_site)}: {m.group(0)!r}")
    assert not bad, "\n".join(bad[:50])


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ('<a href="https://nasional.Kompas.com/read/1">x</a>', ["nasional.Kompas.com"]),
        ("sumber: asn-1.blogspot.com dan jpnn.com", ["asn-1.blogspot.com", "jpnn.com"]),
        ("kompas.community, detik.coma, peraturan.go.id", []),
        ("jdih.\u212aompas.com/x", ["jdih.\u212aompas.com"]),  # the Kelvin sign matches k
    ],
)
def test_the_checker_sees_an_unofficial_host(html: str, found: list[str]) -> None:
    assert [m.group(0) for m in unofficial_hosts(html)] == found
    assert found == [m.group(0) for m in UNOFFICIAL_HOSTS.finditer(html)]


@pytest.mark.parametrize("regulation_id", ["pp-11-2017", "pp-17-2020"])
def test_the_checker_sees_a_raw_id(regulation_id: str) -> None:
    parser = _ProseParser()
    parser.feed(
        f'<p>Lihat {regulation_id} pasal 107. <a href="/dasar-hukum/{regulation_id}/">PP</a> '
        f"<code>dasar_hukum: {regulation_id}#pasal-54</code> https://x.go.id/{regulation_id}</p>"
    )
    prose = URL.sub(" ", " ".join(parser.prose))
    assert RAW_ID.findall(prose) == [regulation_id]


def test_no_raw_regulation_id_in_prose(example_site: Path) -> None:
    """A shipped regulation id (the file stem, e.g. pp-11-2017) may appear in a link target or a
    code example, never in the text a reader sees: prose says "PP 11/2017"."""
    bad = []
    for page in _pages(example_site):
        parser = _ProseParser()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        prose = URL.sub(" ", " ".join(parser.prose))
        rel = page.relative_to(example_site)
        for m in RAW_ID.finditer(prose):
            bad.append(f"{rel}: {m.group(0)!r} in …{_context(prose, m.start(), m.end())}…")
        for value in parser.attributes:
            for m in RAW_ID.finditer(URL.sub(" ", value)):
                bad.append(f"{rel}: {m.group(0)!r} in attribute {value[:120]!r}")
    assert not bad, "\n".join(bad[:50]) + (f"\n… {len(bad)} in all" if len(bad) > 50 else "")
