"""Non-breaking spaces: the rule (cardkit.typography), its lint (tools/nbsp.py) and docs/.
No build needed."""

from __future__ import annotations

import pytest

from cardkit.typography import NBSP, breakable_pairs, has_rules, keep_together
from content import DOCS, LANGUAGES, MODEL, WORDED
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


def test_the_language_comes_from_the_file_name_as_mkdocs_yml_names_it(tmp_path, capsys):
    """A page of each configured language is checked by that language's rule: "5 Min." is
    a German pair, "5 min" an English one, each only in its own language's file."""
    ruled = [lang for lang in LANGUAGES if has_rules(lang)]
    for lang in ruled:
        unit = {"de": "Min.", "en": "min"}[lang]  # the rules' own words (FOUND above)
        (tmp_path / MODEL.source_name(f"seite-{lang}", lang)).write_text(
            f"# Seite\n\nNach 5 {unit} Pause.\n", encoding="utf-8"
        )
    assert nbsp_lint([str(tmp_path)]) == (1 if ruled else 0)
    out = capsys.readouterr().out
    assert f"{len(ruled)} breakable pair(s)" in out
    for lang in ruled:
        assert f"{MODEL.source_name(f'seite-{lang}', lang)}:3:" in out


def test_every_language_with_words_of_its_own_has_a_rule():
    """A language the handbook is translated into (its words file) has its typography; one
    added by configuration alone may lack it, and the lint then says so (next test)."""
    assert all(has_rules(lang) for lang in WORDED)


def test_a_language_without_rules_is_named_not_misread(tmp_path, capsys, monkeypatch):
    """A page of a language without rules is not checked by another language's rule, and
    the lint names that language and where its rules go, once."""
    import tools.nbsp

    config = {
        "plugins": [
            {
                "i18n": {
                    "languages": [
                        {"locale": MODEL.default, "default": True},
                        {"locale": "xx", "name": "X"},
                    ]
                }
            }
        ]
    }
    monkeypatch.setattr(tools.nbsp, "load_config", lambda: config)
    for name in ("index.xx.md", "seite.xx.md"):  # a German pair in a page that is not German
        (tmp_path / name).write_text("# X\n\nBis 16 Uhr, Frau Berger.\n", encoding="utf-8")
    assert nbsp_lint([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "breakable" not in out and out.count("typography.py has no rules for 'xx'") == 1


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
