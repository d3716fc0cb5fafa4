"""``meta``: the final lock, built from the results of earlier puzzles.

Each earlier puzzle is a tile: its title and, once solved, its result (a
digit, letter or word); unsolved tiles show a question mark.  Clicking a
tile, or Space (F5) on it, adds its result to the answer; Enter checks,
wherever the focus is (docs/rules.md, "Controls").  A numeric answer gets
the keypad, any other answer a text field.
"""

from __future__ import annotations

import pygame

from escapebox.ui.screens.puzzles.base import GAP, PuzzleScreen
from escapebox.ui.screens.puzzles.code import Keypad
from escapebox.ui.widgets import Button, TextField
from escapebox.ui.widgets.button import PAD_X, PAD_Y

#: a caption may shrink to this share of small text before the tiles go on two rows: at 0.7 the
#: smallest caption is 20 logical px at normal text (13 px on a 1280x720 laptop), still readable
MIN_CAPTION_SHARE = 0.7
#: lines a caption may take (hele-team-leert's "Welke cliënt past bij de opdracht?" needs three
#: at 8 tiles in a row)
CAPTION_LINES = 3
TILE_MAX_W = 400


class MetaTile(Button):
    """An earlier puzzle's result above its title.

    The results of all tiles stand on one line (each is drawn from the tile's top, and the tiles
    are equally high), and the title breaks between words only, in a size that lets its longest
    word fit the tile: a button's label centred the result over titles of one to five lines and
    broke "whiteboard" into "whiteboar/d" (play-through, issue #16).
    """

    def __init__(self, result: str | None, title: str, on_activate, *, key: str):
        super().__init__(result or "?", on_activate, key=key, role="title", kind="normal", item=True)
        self.caption = title
        self.caption_size = 0
        self.caption_lines: tuple[str, ...] = ()

    def caption_fits(self, ctx, width: int) -> bool:
        """Choose the largest caption size whose words fit ``width`` in at most :data:`CAPTION_LINES` lines."""
        canvas, small = ctx.canvas, ctx.size("small")
        words = self.caption.split()
        for size in range(small, round(small * MIN_CAPTION_SHARE) - 1, -1):
            if all(canvas.measure(word, "regular", size) <= width for word in words):
                lines = canvas.layout(self.caption, "regular", size, width).lines
                if len(lines) <= CAPTION_LINES:
                    self.caption_size, self.caption_lines = size, lines
                    return True
        return False

    def result_height(self, ctx) -> int:
        return ctx.canvas.text_renderer.line_height(ctx.size(self.role))

    def height_needed(self, ctx) -> int:
        line = ctx.canvas.text_renderer.line_height(self.caption_size)
        return 2 * PAD_Y + self.result_height(ctx) + line * len(self.caption_lines)

    def place(self, rect: pygame.Rect, ctx) -> None:
        self.rect = rect
        #: where the result stands: the same line in every tile of a row
        self.result_rect = pygame.Rect(rect.left, rect.top + PAD_Y, rect.width, self.result_height(ctx))

    def draw(self, canvas, ctx, focused: bool) -> None:
        bg, fg, border = self._colours(ctx)
        canvas.fill(self.rect, bg, ctx.theme.radius)
        canvas.frame(self.rect, border, 2, ctx.theme.radius)
        result = self.result_rect
        canvas.text(self.text, result.midtop, "regular", ctx.size(self.role), fg, "midtop")
        line = canvas.text_renderer.line_height(self.caption_size)
        for n, text in enumerate(self.caption_lines):
            canvas.text(text, (self.rect.centerx, result.bottom + n * line), "regular", self.caption_size,
                        ctx.theme.colours.muted if self.enabled else fg, "midtop")


class MetaScreen(PuzzleScreen):
    puzzle_kind = "meta"

    def __init__(self, app, puzzle_id: str, via: str | None = None):
        super().__init__(app, puzzle_id, via)
        answers = [self.puzzle.normal(a) for a in self.puzzle.answer]  # as the check compares them
        self.numeric = all(a.isascii() and a.isdigit() for a in answers)
        self.keypad = Keypad(self, max(len(a) for a in answers), self.submit) if self.numeric else None
        self.typed = ""

    def max_question_height(self, area: pygame.Rect) -> int:
        """A fifth of the area over a keypad (its keys keep their height); a text field needs less
        room, so a third: at a fifth hele-team-leert's three-line question paged one line at a
        time at extra large text, over an empty band above the feedback."""
        return area.height // (5 if self.numeric else 3)

    def build_answer(self, area: pygame.Rect) -> list:
        results = self.game.session.results()
        puzzles = self.game.scenario.puzzles
        tiles = []
        for pid in self.puzzle.from_:
            result = results.get(pid)
            tile = MetaTile(result, puzzles[pid].title, lambda r=result: self.add(r), key=f"tile:{pid}")
            tile.enabled = result is not None
            tiles.append(tile)
        bottom = self._place_tiles(tiles, area)
        rest = pygame.Rect(area.left, bottom + GAP, area.width, area.bottom - bottom - GAP)
        if self.numeric:
            return tiles + self.keypad.build(rest)
        height = self.app.text.line_height(self.app.size("heading")) + 40
        self.field = TextField(self.typed, pygame.Rect(rest.centerx - 600, rest.top + 20, 1200, height), key="answer",
                               placeholder=self.app.tr("ui.word.placeholder"), on_submit=self.submit,
                               on_change=self._changed, role="heading")
        return tiles + [self.field]

    def _place_tiles(self, tiles: list[MetaTile], area: pygame.Rect) -> int:
        """The tiles in one row, or two when a title's word would not fit a tile; returns their bottom.

        Up to 400 wide: a title on one line leaves the keypad below more height (300 took two lines).
        """
        count = len(tiles)
        for per_row in (count, -(-count // 2)):
            tile_w = min(TILE_MAX_W, (area.width - GAP * (per_row - 1)) // per_row)
            # the caption keeps PAD_X / 2 free on either side
            if all([tile.caption_fits(self.app, tile_w - PAD_X) for tile in tiles]):
                break
        else:
            # a word wider than half the screen even in the smallest caption: it breaks, as any text does
            for tile in tiles:
                tile.caption_size = round(self.app.size("small") * MIN_CAPTION_SHARE)
                tile.caption_lines = self.app.canvas.layout(tile.caption, "regular", tile.caption_size, tile_w - PAD_X).lines
        # a word as result ("welkom") nearly fills a tile of six at extra large text: one size for all
        # results that lets the widest fit, so they still share one line
        canvas = self.app.canvas
        role = next((r for r in ("title", "heading", "body")
                     if all(canvas.measure(t.text, "regular", self.app.size(r)) <= tile_w - PAD_X for t in tiles)), "small")
        for tile in tiles:
            tile.role = role
        tile_h = max(tile.height_needed(self.app) for tile in tiles)
        rows = -(-count // per_row)
        for n, tile in enumerate(tiles):
            row, col = divmod(n, per_row)
            in_row = min(per_row, count - row * per_row)
            left = area.centerx - (in_row * tile_w + (in_row - 1) * GAP) // 2
            tile.place(pygame.Rect(left + col * (tile_w + GAP), area.top + row * (tile_h + GAP), tile_w, tile_h), self.app)
        return area.top + rows * tile_h + (rows - 1) * GAP

    def _changed(self, text: str) -> None:
        self.typed = text
        self.submit_button.enabled = self.can_submit()

    def add(self, result: str | None) -> None:
        if not result:
            return
        if self.numeric:
            for ch in result:
                if ch.isdigit():
                    self.keypad.press(ch)
        else:
            self.field.buffer.move_to(len(self.field.text))
            self.field.buffer.insert(result)
            self._changed(self.field.text)
        self.app.invalidate()

    def default_focus(self) -> str | None:
        return super().default_focus() or ("pad:ok" if self.numeric else "answer")

    def show_submit(self) -> bool:
        return not self.numeric

    def can_submit(self) -> bool:
        return bool(self.keypad.digits if self.numeric else self.typed.strip())

    def answer(self):
        return self.keypad.digits if self.numeric else self.typed

    def after_wrong(self, wrong) -> None:
        if self.numeric:
            self.keypad.digits = ""

    def on_key(self, event) -> bool:
        if self.numeric and self.solved is None and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT) \
                and self.keypad.key(event):
            return True
        return super().on_key(event)

    def draw_answer(self, canvas) -> None:
        if self.numeric:
            self.keypad.draw(canvas)

    def autoplay_answer(self, answer) -> list | None:
        if self.numeric:
            keys = [("key", "backspace", "pad:back")] * len(self.keypad.digits)
            return keys + [("key", d, f"pad:{d}") for d in str(answer)] + [("key", "return", "pad:ok")]
        return self.keys_to_type(self.field, answer)
