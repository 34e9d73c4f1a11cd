"""Property-based tests: any front matter gives a valid card or the documented error."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from cardkit import Card, CardError, card_from_meta
from cardkit.model import FIELDS, KINDS
from cardkit.source import parse_front_matter

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=300)
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=9), st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)
plausible_card = st.fixed_dictionaries(
    {
        "kind": st.one_of(st.sampled_from(KINDS), values),
        "title": st.one_of(st.text(max_size=70), values),
        "principle": st.one_of(st.text(max_size=170), values),
        "checklist": st.one_of(st.lists(st.text(max_size=130), max_size=9), values),
        "question": st.one_of(st.text(max_size=230), values),
    },
    optional={"extra": values, "order": st.one_of(st.integers(-2, 12), values)},
)
metas = st.one_of(
    st.dictionaries(st.text(max_size=8), values, max_size=4),
    st.builds(lambda card: {"card": card}, st.one_of(plausible_card, values)),
)
slugs = st.one_of(
    st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True), st.text(min_size=1, max_size=20)
)

pytestmark = pytest.mark.unit


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(meta=metas, card_id=slugs)
def test_any_meta_gives_a_card_none_or_a_card_error(meta, card_id):
    path = "docs/tipps/x.md"
    try:
        card = card_from_meta(meta, card_id=card_id, lang="de", path=path)
    except CardError as error:
        assert str(error).startswith(path + ": ")
        assert error.problem and "\n" not in error.problem
        return
    if "card" not in meta:
        assert card is None
        return
    assert isinstance(card, Card)
    assert card.kind in KINDS and isinstance(card.order, int) and card.order >= 1
    assert 3 <= len(card.checklist) <= 7
    for text in (card.title, card.principle, card.question, *card.checklist):
        assert isinstance(text, str) and text.strip() == text and text
    assert set(meta["card"]) <= set(FIELDS)


# Any text within 2 s even on a loaded CI machine (the pure-Python loader is bounded).
@settings(max_examples=400, deadline=2000)
@given(text=st.text(max_size=400))
def test_any_front_matter_text_gives_a_mapping_or_a_card_error(text):
    try:
        meta = parse_front_matter("---\n" + text + "\n---\n# Body\n", "docs/x.md")
    except CardError as error:
        assert str(error).startswith("docs/x.md: the front matter")
        return
    assert isinstance(meta, dict)


yaml_lines = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "a: &x [1, 2, 3]",
                "b: *x",
                "c: [*x, *x]",
                "title: x",
                "title: y",
                "order: 1:00",
                "order: 0x1",
                "n: " + "9" * 40,
                "d: {e: {f: {g: {h: [1]}}}}",
                "card:",
                "  kind: tip",
                "  order: 1",
                "- a",
                "? [a]",
                ": b",
                "!!python/x y",
            ]
        ),
        st.text(max_size=30),
    ),
    max_size=12,
)


@settings(max_examples=400, deadline=2000)
@given(lines=yaml_lines)
def test_any_front_matter_lines_give_a_mapping_or_a_card_error_quickly(lines):
    """Aliases, duplicate keys, odd numbers and deep nesting: a mapping or the documented
    error, never a traceback and never a slow expansion."""
    try:
        meta = parse_front_matter("---\n" + "\n".join(lines) + "\n---\n# Body\n", "docs/x.md")
    except CardError as error:
        assert str(error).startswith("docs/x.md: the front matter")
        return
    assert isinstance(meta, dict)
