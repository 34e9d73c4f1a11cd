"""The A4 office sheet: cards in a grid of two columns and two rows. The templates get
these as Jinja globals (render.environment), the tests import them; the CSS grid
(overrides/assets/hb-cards.css, .hb-grid) draws the same 2 x 2."""

SHEET_COLUMNS = 2  # a duplex back mirrors each row of this many cards
SHEET_ROWS = 2
CARDS_PER_SHEET = SHEET_COLUMNS * SHEET_ROWS
