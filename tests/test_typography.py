"""Non-breaking spaces: the rule (cardkit.typography), its lint (tools/nbsp.py) and docs/.
No build needed."""

from __future__ import annotations

import pytest

from cardkit.typography import NBSP, breakable_pairs, keep_together, language_of
from content import DOCS, LANGUAGES
from tools.nbsp import main as nbsp_lint

FOUND = {
    "de": [
        ("Bis 16 Uhr, 15 Min. Pause.", ["16 Uhr", "15 Min."]),
        (
            "Am 30. September zahlt Frau Berger 15 Euro.",
            ["30. September", "Frau Berger", "15 Euro"],
        ),
        ("Papier mit 120 g/m², 3 mm Beschnitt, um 12:00 Uhr", ["120 g/m²", "3 mm", "12:00 Uhr"]),
    ],
    "en": [
        ("From 9 am to 2 pm, Mr Kaya pays 15 euros.", ["9 am", "2 pm", "Mr Kaya", "15 euros"]),
        ("On 30 September: 160 gsm, 5 min.", ["30 September", "160 gsm", "5 min"]),
    ],
}
NOT_FOUND = {
    "de": "Eine Frau fragt nach `pdf/karten-a4-de.pdf`, [Karten](k.md#3-mm), <b title='3 mm'>",
    "en": "A woman asks about `15 min` and [a link](x.md#9-am); 2025 was a year, 3 minutely.",
}


@pytest.mark.parametrize("lang", sorted(FOUND))
def test_pairs_are_found_and_kept_together(lang):
    for text, pairs in FOUND[lang]:
        assert [pair.text for pair in breakable_pairs(text, lang)] == pairs
        fixed = keep_together(text, lang)
        assert breakable_pairs(fixed, lang) == []
        assert fixed.replace(NBSP, " ") == text
        assert fixed.count(NBSP) == len(pairs)


@pytest.mark.parametrize("lang", sorted(NOT_FOUND))
def test_code_links_tags_and_plain_words_are_left_alone(lang):
    text = NOT_FOUND[lang]
    assert breakable_pairs(text, lang) == []
    assert keep_together(text, lang) == text


def test_the_language_comes_from_the_file_name():
    assert language_of("kontakt.md") == "de"
    assert language_of("kontakt.en.md") == "en"


def test_every_language_of_the_handbook_has_a_rule():
    assert all(
        breakable_pairs("5 " + {"de": "Min.", "en": "min"}.get(lang, ""), lang)
        for lang in LANGUAGES
    )


def test_docs_keep_every_pair_together(capsys):
    """The lint `make lint` runs: it names file, line and column of each pair."""
    assert nbsp_lint([str(DOCS)]) == 0, capsys.readouterr().out


def test_the_lint_names_file_line_and_column(tmp_path, capsys):
    (tmp_path / "seite.md").write_text("# Titel\n\nBis 16 Uhr.\n", encoding="utf-8")
    assert nbsp_lint([str(tmp_path)]) == 1
    assert f"{tmp_path / 'seite.md'}:3:7: '16 Uhr'" in capsys.readouterr().out
    assert nbsp_lint(["--fix", str(tmp_path)]) == 0
    assert nbsp_lint([str(tmp_path)]) == 0


def _strings(value):
    """Every string of a labels file, wherever it is nested."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


@pytest.mark.unit
def test_english_labels_quote_like_the_pages():
    """The English pages quote with ‘single’ curly quotes and a curly apostrophe (British
    style): the words around them (labels/en.yml) do the same, not “double” or straight."""
    import re

    from cardkit.labels import LABELS

    odd = [text for text in _strings(LABELS["en"]) if re.search(r"[“”\"]|\w'\w|(^|\s)'\w", text)]
    assert not odd, f"hooks/cardkit/labels/en.yml: use ‘…’ and ’ in {odd}"
