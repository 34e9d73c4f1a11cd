#!/bin/sh
# The editor's scenario of issue 33 ("done when"), as a trainer would do it following only
# CONTRIBUTING.md: every change is in docs/ or mkdocs.yml, and none needs Python.
#
#   sh tools/editor_scenario.sh /tmp/fr-scenario       # a fresh clone of this checkout, changed
#   cd /tmp/fr-scenario && time make check && nice make test
#
# The steps: delete the tip "kontakt" (links fixed as the build asks, its printed codes sent
# on), rename "probleme" to "probleme-loesen", move the attitude "klarheit" first, add a page in
# German only, add one image shown in both languages, add French with its home page. It
# assumes today's handbook (those pages exist); it is a rehearsal, not a test.
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
DEST=${1:?usage: sh tools/editor_scenario.sh <new folder>}
test ! -e "$DEST" || { echo "$DEST exists; give a new folder"; exit 2; }
git clone --quiet "$SRC" "$DEST"
cd "$DEST"
# The clone shares the checkout's installed tools: the venv and npm's packages.
test -d "$SRC/.venv" && cp -a "$SRC/.venv" .venv
test -e "$SRC/node_modules" && ln -s "$(readlink -f "$SRC/node_modules")" node_modules
if test -x .venv/bin/python; then
    .venv/bin/python -m uv pip install --quiet --no-deps --no-build-isolation --editable . \
        --python .venv/bin/python
    touch .venv/.build-installed .venv/.test-installed  # the copy is as new as the clone
fi
git config user.email editor@handbuch.intranet
git config user.name "Scenario editor"

# Small text edits as an editor makes them in a text editor, done here by Python.
edit() { python3 - "$@"; }

# 1. Delete the tip "kontakt" (CONTRIBUTING "Eine Seite löschen"): both files and the nav line;
#    the build names trainer, ueber and alle-verantwortlich as linking to it; its card was
#    printed, so moved: says where its codes lead now.
git rm --quiet docs/tipps/kontakt.md docs/tipps/kontakt.en.md
edit <<'EOF'
import re
from pathlib import Path

def change(name, old, new, count=1):
    path = Path(name)
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, (name, old)
    path.write_text(text.replace(old, new), encoding="utf-8")

def renumber(name):
    """The numbered list of tips counts 1, 2, 3 … again."""
    path = Path(name)
    lines, number = [], 0
    for line in path.read_text(encoding="utf-8").split("\n"):
        if re.match(r"\d+\. \[", line):
            number += 1
            line = re.sub(r"^\d+", str(number), line)
        lines.append(line)
    path.write_text("\n".join(lines), encoding="utf-8")

change("mkdocs.yml", "          - tipps/kontakt.md\n", "")
change("mkdocs.yml", "      moved: {}\n", "      moved:\n        tipps/kontakt.md: tipps/alle-verantwortlich.md\n")
for lang in ("", ".en"):
    path = Path(f"docs/tipps/alle-verantwortlich{lang}.md")
    path.write_text("\n".join(l for l in path.read_text(encoding="utf-8").split("\n")
                              if "](kontakt.md)" not in l), encoding="utf-8")
    renumber(path)
    path = Path(f"docs/trainer{lang}.md")
    path.write_text("\n".join(l for l in path.read_text(encoding="utf-8").split("\n")
                              if "](tipps/kontakt.md)" not in l), encoding="utf-8")
for name in ("docs/ueber.md", "docs/ueber.en.md"):  # the tip out of the chapter's list
    path = Path(name)
    text, found = re.subn(r"\[[^\]]*\]\(tipps/kontakt\.md\), ", "", path.read_text(encoding="utf-8"))
    assert found == 1, name
    path.write_text(text, encoding="utf-8")
EOF
git commit --quiet -am "Tip 'Persönlicher Kontakt' deleted; its printed codes lead to the chapter page"

# 2. Rename "probleme" to "probleme-loesen" (CONTRIBUTING "Eine Seite umbenennen"): git mv, the
#    nav line, a moved: line, and the links the build names.
git mv docs/tipps/probleme.md docs/tipps/probleme-loesen.md
git mv docs/tipps/probleme.en.md docs/tipps/probleme-loesen.en.md
edit <<'EOF'
from pathlib import Path
config = Path("mkdocs.yml")
text = config.read_text(encoding="utf-8")
text = text.replace("          - tipps/probleme.md\n", "          - tipps/probleme-loesen.md\n")
text = text.replace("      moved:\n", "      moved:\n        tipps/probleme.md: tipps/probleme-loesen.md\n")
config.write_text(text, encoding="utf-8")
for path in Path("docs").rglob("*.md"):
    text = path.read_text(encoding="utf-8")
    new = text.replace("(tipps/probleme.md)", "(tipps/probleme-loesen.md)").replace(
        "(probleme.md)", "(probleme-loesen.md)")
    if new != text:
        path.write_text(new, encoding="utf-8")
EOF
git add -A docs mkdocs.yml
git commit --quiet -m "Tip 'Probleme lösen' renamed to probleme-loesen"

# 3. Move the attitude "klarheit" first (CONTRIBUTING "Die Reihenfolge ändern"): one nav line.
edit <<'EOF'
from pathlib import Path
config = Path("mkdocs.yml")
text = config.read_text(encoding="utf-8")
line = "          - haltungen/klarheit.md\n"
first = "          - haltungen/augenhoehe.md\n"
assert line in text and first in text
text = text.replace(line, "").replace(first, line + first)
config.write_text(text, encoding="utf-8")
EOF
git commit --quiet -am "Clarity is the first attitude"

# 4. A page in German only (CONTRIBUTING "Eine Seite hinzufügen"): the file, its nav line, and
#    a link in the text of another page in every language (the home pages).
cat > docs/glossar.md <<'EOF'
---
title: Glossar
description: Die Wörter des Handbuchs, kurz erklärt.
---

# Glossar

**Augenhöhe**
: Wir begegnen der Kundschaft als gleichwertige Menschen, weder unterwürfig noch von oben herab.

**Checklistenkarte**
: Eine Karte im Format A6 mit einem Grundsatz, einigen Punkten zum Abhaken und einer Frage zum Nachdenken.
EOF
edit <<'EOF'
from pathlib import Path
config = Path("mkdocs.yml")
text = config.read_text(encoding="utf-8")
text = text.replace("  - quellen.md\n", "  - quellen.md\n  - glossar.md\n")
config.write_text(text, encoding="utf-8")
for name, old, added in (
    ("docs/index.md", "die Grundlagen unter [Quellen](quellen.md).",
     " Wörter, die Ihnen neu sind, erklärt das [Glossar](glossar.md)."),
    ("docs/index.en.md", "(quellen.md).",
     " Words that are new to you are explained in the [glossary](glossar.md)."),
):
    index = Path(name)
    text = index.read_text(encoding="utf-8")
    assert text.count(old) == 1, (name, old)
    index.write_text(text.replace(old, old + added), encoding="utf-8")
EOF
git add docs/glossar.md
git commit --quiet -am "Glossar, in German first"

# 5. One image shown in both languages (CONTRIBUTING "Bilder"): one file, the same relative
#    link in the German and the English page.
mkdir -p docs/bilder
python3 - <<'EOF'
import struct, zlib
width, height = 160, 90  # a plain teal picture, a PNG written by hand
row = b"\x00" + bytes((0, 105, 92)) * width
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))
open("docs/bilder/schalter.png", "wb").write(png)
EOF
edit <<'EOF'
from pathlib import Path
for name, alt in (("docs/haltungen/augenhoehe.md", "Der Schalter am Empfang"),
                  ("docs/haltungen/augenhoehe.en.md", "The counter at reception")):
    path = Path(name)
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")  # the front matter stays as it is
    lines = body.split("\n")
    at = next(i for i, l in enumerate(lines) if l.startswith("# ")) + 1
    lines[at:at] = ["", f"![{alt}](../bilder/schalter.png)"]
    path.write_text(head + sep + "\n".join(lines), encoding="utf-8")
EOF
git add docs/bilder/schalter.png
git commit --quiet -am "A picture of the counter on 'Augenhöhe', in both languages"

# Pages changed in step in both languages: checked, so recorded (CONTRIBUTING "Eine Seite
# übersetzen").
if test -x .venv/bin/python; then
    for page in index tipps/alle-verantwortlich trainer ueber haltungen/augenhoehe; do
        FILE=docs/$page.en.md make --no-print-directory translated
    done
    git commit --quiet -am "Translations checked: both languages were changed in step"
fi

# 6. French by configuration (CONTRIBUTING "Eine weitere Sprache"): the i18n entry and a
#    French home page; every other page falls back to German with a note.
edit <<'EOF'
from pathlib import Path
config = Path("mkdocs.yml")
text = config.read_text(encoding="utf-8")
anchor = "            Die Tipps: The tips\n"
assert anchor in text
text = text.replace(anchor, anchor + """        - locale: fr
          name: Français
          build: true
          site_name: Manuel de la culture de service
""")
config.write_text(text, encoding="utf-8")
EOF
cat > docs/index.fr.md <<'EOF'
---
title: Manuel de la culture de service
description: Orientation client sans soumission – un manuel pratique pour tout le personnel, avec des fiches à imprimer et à cocher.
---

# Manuel de la culture de service

Un bon service, sans se faire petit : aimable et ferme, chaque jour.
{ .hb-promise }

## La fiche de la semaine

<div class="hb-week" markdown>

Chaque semaine, une fiche est affichée ici, la même pour tout le monde. Gardez en tête ce qu’elle dit pendant la semaine et cochez ce qui vous a réussi.

[Voir toutes les fiches](karten.md){ .hb-week-fallback }

</div>

## De quoi avez-vous besoin ?

<div class="grid cards" markdown>

- :material-lifebuoy:{ .lg .middle } **Que faire quand …**

    ---

    Quelqu’un se plaint, s’emporte au téléphone ou demande une exception : de la situation directement aux exemples et aux fiches qui aident.

    [:material-arrow-right: Choisir une situation](situationen.md)

- :material-cards-outline:{ .lg .middle } **Les fiches**

    ---

    Une fiche pour chaque attitude et chaque conseil : à cocher à l’écran, à imprimer au bureau ou chez l’imprimeur.

    [:material-arrow-right: Vers les fiches](karten.md)

- :material-check-all:{ .lg .middle } **Mon exercice**

    ---

    Ce que vous avez coché sur les fiches, d’un coup d’œil. Cela reste dans votre navigateur ; personne d’autre ne le voit.

    [:material-arrow-right: Vers mon exercice](uebung.md)

- :material-school-outline:{ .lg .middle } **Pour les formatrices et formateurs**

    ---

    Objectifs, méthodes et déroulements pour une demi-journée, pour 90 minutes et pour 15 minutes en début de service.

    [:material-arrow-right: Vers l’atelier](trainer.md)

</div>

## À lire

Deux chapitres : [Orientation client sans soumission](haltungen/koenig-kunde.md) mène du trône à la rencontre d’égal à égal, en passant par [ce que veut dire être professionnel](haltungen/professionell.md), jusqu’aux attitudes du quotidien et à la [conclusion](haltungen/fazit.md). [L’orientation client est l’affaire de tous](tipps/alle-verantwortlich.md) montre par des conseils comment ce que l’on apprend au contact de la clientèle atteint toute l’organisation.

Comment le manuel est né et qui l’entretient : [À propos de ce manuel](ueber.md) ; ses bases : [Sources](quellen.md). Les mots qui vous sont nouveaux sont expliqués dans le [glossaire](glossar.md).

## Sur papier

Qui préfère lire sur papier, ou n’a pas d’intranet à son poste, imprime le manuel en entier : tous les chapitres dans l’ordre de la navigation, la fiche de chaque attitude et de chaque conseil, et à la fin un index des fiches.

<div class="hb-pdfs" data-set="book"></div>
EOF
git add docs/index.fr.md
git commit --quiet -am "French: the language and its home page"
if test -x .venv/bin/python; then  # translated from the German home page: recorded
    FILE=docs/index.fr.md make --no-print-directory translated
    git commit --quiet -am "French home page checked against the German one"
fi

echo "Scenario applied in $DEST ($(git rev-list --count HEAD) commits). Next: cd $DEST && time make check"
