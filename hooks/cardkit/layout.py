"""The A4 office sheet: cards in a grid of two columns and two rows, sized for an office
printer. The templates get these as Jinja globals (render.environment), impose.py places
the faces by them, the tests import them: one geometry for the sheet's frame, its marks
and its cards.

An office printer leaves the outer 4-5 mm of the paper blank, and a duplex print or a
cut is often a millimetre or two off. So the cards are scaled down to leave a margin of
at least MIN_MARGIN mm and a gutter of SHEET_GUTTER mm between them, where the cut marks
stand; each card's colour stops SHEET_CARD_INSET mm inside its trim, so neither a cut a
little off nor the neighbour's colour ever shows on a card. All lengths in mm; the
origin is the sheet's top left corner unless said otherwise."""

from markupsafe import Markup

SHEET_COLUMNS = 2  # a duplex back mirrors each row of this many cards
SHEET_ROWS = 2
CARDS_PER_SHEET = SHEET_COLUMNS * SHEET_ROWS

MM = 72 / 25.4  # PDF units per mm
SHEET_W, SHEET_H = 210.0, 297.0
FACE_W, FACE_H = 105.0, 148.0  # an A6 card
SHEET_SCALE = 0.88
SHEET_GUTTER = 6.0
SHEET_CARD_INSET = 2.0  # the white frame inside each card's trim on the sheet
MIN_MARGIN = 5.0  # no ink nearer the paper's edge than this
MARK_GAP, MARK_LENGTH = 1.0, 3.0  # cut marks: how far from the card, how long

CARD_W, CARD_H = FACE_W * SHEET_SCALE, FACE_H * SHEET_SCALE
MARGIN_X = (SHEET_W - SHEET_COLUMNS * CARD_W - (SHEET_COLUMNS - 1) * SHEET_GUTTER) / 2
MARGIN_Y = (SHEET_H - SHEET_ROWS * CARD_H - (SHEET_ROWS - 1) * SHEET_GUTTER) / 2


def card_box(column: int, row: int) -> tuple[float, float, float, float]:
    """(left, top, width, height) of the card's trim on the sheet, from the top left."""
    return (
        MARGIN_X + column * (CARD_W + SHEET_GUTTER),
        MARGIN_Y + row * (CARD_H + SHEET_GUTTER),
        CARD_W,
        CARD_H,
    )


def sheet_origin(column: int, row: int) -> tuple[float, float]:
    """The card's trim's bottom left corner in PDF terms (from the sheet's bottom left)."""
    left, top, _, height = card_box(column, row)
    return left, SHEET_H - top - height


LABEL_BOTTOM = MIN_MARGIN + 1  # the sheet's label: in the bottom margin, cut away


def mirrored(place: int) -> int:
    """The place on a sheet of backs behind place on its sheet of fronts: long-edge duplex
    mirrors left and right within each row."""
    column, row = place % SHEET_COLUMNS, place // SHEET_COLUMNS
    return row * SHEET_COLUMNS + SHEET_COLUMNS - 1 - column


def cut_marks() -> list[tuple[float, float, float, float]]:
    """(left, top, width, height) of every cut mark: at each corner of each card, a short
    line along each edge, pointing away from the card, in the margin or the gutter."""
    marks: list[tuple[float, float, float, float]] = []
    for row in range(SHEET_ROWS):
        for column in range(SHEET_COLUMNS):
            left, top, width, height = card_box(column, row)
            for x in (left, left + width):
                marks.append((x, top - MARK_GAP - MARK_LENGTH, 0.0, MARK_LENGTH))
                marks.append((x, top + height + MARK_GAP, 0.0, MARK_LENGTH))
            for y in (top, top + height):
                marks.append((left - MARK_GAP - MARK_LENGTH, y, MARK_LENGTH, 0.0))
                marks.append((left + width + MARK_GAP, y, MARK_LENGTH, 0.0))
    return marks


MARK_WIDTH = "0.25pt"  # a cut mark's line: a border of its box


def cut_mark_pairs() -> list[tuple[str, float, float, float]]:
    """The cut marks as the sheet draws them, two to a box: (direction, left, top, apart).
    "v": the two vertical marks above or below a card, the left and right border of a box;
    "h": the two horizontal marks left or right of it, the top and bottom border. apart:
    from the one mark's line to the other's. One box for two marks, as WeasyPrint spends
    about as long on a box as on its lines, and a sheet has 32 marks. Paired from
    cut_marks() and rounded to 0.01 mm as css() writes lengths, so that each line lies
    where cut_marks() has the mark."""
    marks = [tuple(round(value, 2) for value in mark) for mark in cut_marks()]
    pairs: list[tuple[str, float, float, float]] = []
    for card in range(0, len(marks), 8):  # cut_marks(): eight to a card, in its order
        mark = marks[card : card + 8]
        for one, other in ((mark[0], mark[2]), (mark[1], mark[3])):  # above, below
            pairs.append(("v", one[0], one[1], other[0] - one[0]))
        for one, other in ((mark[4], mark[6]), (mark[5], mark[7])):  # left, right
            pairs.append(("h", one[0], one[1], other[1] - one[1]))
    return pairs


assert MARGIN_X - MARK_GAP - MARK_LENGTH >= MIN_MARGIN, "cut marks in the printer's margin"
assert MARGIN_Y - MARK_GAP - MARK_LENGTH >= MIN_MARGIN, "cut marks in the printer's margin"
assert SHEET_GUTTER >= 4, "at least 4 mm between cards"


def css(pairs: bool = False) -> Markup:
    """The sheet's geometry as a stylesheet: each card's place, its scaled card, each cut
    mark and the label, by class. The web page prints its sheets with it (the site's
    Content-Security-Policy allows no style attribute) and the PDFs lay them out with it,
    with pairs: their cut marks two to a box (cut_mark_pairs; partials/hb-card.html)."""

    def box(selector: str, left: float, top: float, width: float, height: float) -> str:
        return (
            f"{selector} {{ left: {left:.2f}mm; top: {top:.2f}mm; "
            f"width: {width:.2f}mm; height: {height:.2f}mm; }}"
        )

    inset = SHEET_CARD_INSET
    rules = [
        box(
            f".hb-sheet .hb-place-{row * SHEET_COLUMNS + column}",
            left + inset,
            top + inset,
            width - 2 * inset,
            height - 2 * inset,
        )
        for row in range(SHEET_ROWS)
        for column in range(SHEET_COLUMNS)
        for left, top, width, height in [card_box(column, row)]
    ]
    rules.append(
        f".hb-sheet .hb-cell-card {{ left: -{inset:.3f}mm; top: -{inset:.3f}mm; "
        f"transform: scale({SHEET_SCALE}); }}"
    )
    if pairs:
        rules += _pair_rules()
    else:
        rules += [box(f".hb-sheet .hb-cut-{n}", *mark) for n, mark in enumerate(cut_marks())]
    rules.append(
        f".hb-sheet .hb-sheet-label {{ left: {MARGIN_X:.2f}mm; bottom: {LABEL_BOTTOM:.2f}mm; }}"
    )
    return Markup("\n".join(rules) + "\n")


def _pair_rules() -> list[str]:
    """The cut marks two to a box: its two borders, one line less apart than the marks'
    lines; along them the mark's length and one line, as a single mark drew its corner."""
    line = MARK_WIDTH
    rules = [
        f".hb-sheet .hb-cut-v {{ border-width: 0 {line}; }}",
        f".hb-sheet .hb-cut-h {{ border-width: {line} 0; }}",
    ]
    for n, (direction, left, top, apart) in enumerate(cut_mark_pairs()):
        across, along = f"calc({apart:.2f}mm - {line})", f"calc({MARK_LENGTH:.2f}mm + {line})"
        width, height = (across, along) if direction == "v" else (along, across)
        rules.append(
            f".hb-sheet .hb-cut-{n} {{ left: {left:.2f}mm; top: {top:.2f}mm; "
            f"width: {width}; height: {height}; }}"
        )
    return rules
