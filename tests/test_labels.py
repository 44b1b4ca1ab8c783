"""Every vocabulary value has its display name in the catalogue.

:func:`phrases.label` shows an unknown value as it is (data that failed validation can still
reach a message), so a label missing from ``labels.po`` would not fail loudly anywhere else.
"""

from __future__ import annotations

import pytest

from pola_karir import reference as ref
from pola_karir.site.diagrams import EDGE_STYLES, STYLES
from pola_karir.site.page import COMPETENCY_GROUPS
from pola_karir.text.catalogue import LANGUAGES, has

VOCABULARY = {
    "label.jenis": ref.POSITION_TYPES,
    "label.jenjang": tuple(g for grades in ref.GRADES_BY_CATEGORY.values() for g in grades),
    "label.kategori": tuple(ref.GRADES_BY_CATEGORY),
    "label.pendidikan": tuple(ref.EDUCATION_RANK),
    "label.pangkat": ref.RANKS,
    "label.kinerja": tuple(ref.RATING_ORDER),
    "label.perpindahan": tuple(EDGE_STYLES),
    "label.kelompok": COMPETENCY_GROUPS,
    "site.legend.node": tuple(STYLES),
    "site.legend.move": tuple(EDGE_STYLES),
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("prefix", sorted(VOCABULARY))
def test_every_value_has_a_label(prefix: str, lang: str) -> None:
    missing = [value for value in VOCABULARY[prefix] if not has(f"{prefix}.{value}", lang)]
    assert missing == []


def test_every_level_has_a_name() -> None:
    """Levels are position types or functional grades; each is named under one of the two."""
    for key in ref.LEVELS:
        assert has(f"label.jenjang.{key}") or has(f"label.jenis.{key}"), key


def test_every_rule_citation_says_what_the_rule_checks() -> None:
    for article, codes in ref.RULE_CITATIONS.items():
        for code in codes:
            assert has(f"site.rule_citation.{article}.{code}"), (article, code)
