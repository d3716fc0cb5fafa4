"""What the game screens share: the top bar with the clock, the toolbar, the shortcut keys.

Layout of a game screen on the 1920×1080 canvas::

    0–120     top bar: what you are looking at (left), group and clock (right)
    136–936   CONTENT: the screen's own widgets
    952–1064  toolbar: Aanwijzingen (C), Spullen (I), Hint (H), Pauze (P), Help (F1), Terug (Esc)

Keys C, I, H, P (and B, the presenter clicker's "blank screen") work whenever
no text field has focus, and not during :data:`SHORTCUT_GUARD_S` after the
screen came on top, changed into another view (a puzzle into its success
panel), or a letter was typed: a group still typing its answer must not
pause the game with a stray "p".  Esc goes back, Enter does the screen's main
action, PageDown/PageUp read on or move to the next control (the clicker).
The whole input model: docs/rules.md, "Controls".
Dialogs are in :mod:`escapebox.ui.screens.dialog` (the toolbar opens them, so they must not import this).
"""

from __future__ import annotations

import time

import pygame

from escapebox.ui.canvas import LOGICAL_H, LOGICAL_W
from escapebox.ui.screen import Screen
from escapebox.ui.widgets import Button, TextBox
from escapebox.ui.widgets.base import ENTER_KEYS

TOP_H = 120
MARGIN = 40
CONTENT = pygame.Rect(MARGIN, TOP_H + 16, LOGICAL_W - 2 * MARGIN, 800)
TOOLBAR = pygame.Rect(MARGIN, 952, LOGICAL_W - 2 * MARGIN, 100)
#: How long letter shortcuts stay off after the screen changed or a letter was typed.  Typing
#: runs at 100-200 ms between keys (a fast typist 100, a group's one-finger typist 200-300), so
#: a stray letter of the same burst arrives within about 0.3 s of the last one, or of the Enter
#: that turned the screen; 0.6 s is twice that, and still shorter than a person needs to read a
#: new screen and decide to press P on purpose (about a second).
SHORTCUT_GUARD_S = 0.6
#: the letters that are shortcuts on a game screen (B: the presenter clicker's "blank screen")
SHORTCUT_KEYS = {pygame.K_c: "clues", pygame.K_i: "items", pygame.K_h: "hint", pygame.K_p: "pause", pygame.K_b: "blank"}


def input_clock() -> float:
    """The clock of the shortcut guard: one function, so a test can move time on instead of sleeping."""
    return time.monotonic()


def fit_title(canvas, app, text: str, width: int, roles=("title", "heading", "body"), max_lines: int = 1,
              max_height: int | None = None):
    """The largest role whose wrapped text fits in ``max_lines`` (and ``max_height``): never cuts text off."""
    for role in roles:
        layout = canvas.layout(text, "bold", app.size(role), width)
        if len(layout.lines) <= max_lines and (max_height is None or layout.height <= max_height):
            return layout
    return canvas.layout(text, "bold", app.size(roles[-1]), width)


class GameScreen(Screen):
    """A screen during play: top bar, toolbar and the game's shortcut keys."""

    #: which toolbar buttons this screen offers
    tools = ("clues", "items", "hint", "pause", "help")
    #: show a "Terug (Esc)" button
    back_button = True
    #: show the game clock in the top bar
    show_clock = True
    #: what was under the clock when it was last drawn (:meth:`redraw_clock` puts it back first)
    _clock_under = None
    #: free stretches of the toolbar and the top bar, for messages (set while laying out and drawing)
    _toolbar_gap: pygame.Rect | None = None
    _top_gap: pygame.Rect | None = None
    #: letter shortcuts are off until this instant of :func:`input_clock`
    _shortcuts_from = 0.0
    #: the widget keys of the last layout: when they change, the screen turned into another view
    _view_keys: frozenset | None = None

    @property
    def game(self):
        return self.app.game

    def title(self) -> str:
        return self.game.scenario.title

    # ------------------------------------------------------------ layout

    @property
    def back_key(self) -> str | None:
        return "tb_back" if self.back_button else None

    def enter(self) -> None:
        self.hold_shortcuts()
        super().enter()

    def layout(self) -> None:
        content = self.build(CONTENT)
        widgets = content + self.toolbar()
        keys = frozenset(w.key for w in widgets)
        if self._view_keys is not None and keys != self._view_keys:
            self.hold_shortcuts()             # e.g. the question became the success panel under the typing hands
        self._view_keys = keys
        self.set_widgets(widgets, default=self.default_focus())

    def build(self, area: pygame.Rect) -> list:
        """Create and place this screen's own widgets inside ``area``."""
        return []

    def default_focus(self) -> str | None:
        return None

    def toolbar(self) -> list:
        tr, game = self.app.tr, self.game
        state = game.session.state
        specs = []
        if "clues" in self.tools:
            new = len(game.unseen_clues)
            specs.append(("tb_clues", tr("ui.toolbar.clues"), self.open_clues, tr("ui.badge.new_count", count=new) if new else None))
        if "items" in self.tools:
            new = len(game.unseen_items & set(state.inventory))
            specs.append(("tb_items", tr("ui.toolbar.items"), self.open_items, tr("ui.badge.new_count", count=new) if new else None))
        if "hint" in self.tools:
            specs.append(("tb_hint", tr("ui.toolbar.hint"), self.open_hint, None))
        if "pause" in self.tools:
            specs.append(("tb_pause", tr("ui.toolbar.pause"), self.open_pause, None))
        if "help" in self.tools:
            specs.append(("tb_help", tr("ui.toolbar.help"), self.open_help, None))
        buttons = [Button(text, action, key=key, badge=badge) for key, text, action, badge in specs]
        if self.back_button:
            buttons.append(Button(tr("ui.toolbar.back"), self.back, key="tb_back"))
        placed = self.place_row(buttons, TOOLBAR, right_align_last=self.back_button)
        tools = placed[:-1] if self.back_button else placed
        left = (max(b.rect.right for b in tools) if tools else TOOLBAR.left) + 32
        right = (placed[-1].rect.left if self.back_button else TOOLBAR.right) - 32
        self._toolbar_gap = pygame.Rect(left, TOOLBAR.top + 6, right - left, TOOLBAR.height - 12) if right > left else None
        return placed

    def place_row(self, buttons: list, area: pygame.Rect, right_align_last: bool = False, gap: int = 16) -> list:
        """Buttons side by side, as wide as their labels; smaller text if the row is too full."""
        canvas = self.app.canvas
        for role in ("button", "small"):
            for b in buttons:
                b.role = role
            widths = [canvas.measure(b.text, b._style(), self.app.size(role)) + 56 + b._lead_width(self.app)
                      for b in buttons]
            if sum(widths) + gap * (len(buttons) - 1) <= area.width:
                break
        scale = min(1.0, (area.width - gap * (len(buttons) - 1)) / max(1, sum(widths)))
        x = area.left
        for i, (button, width) in enumerate(zip(buttons, widths)):
            button.role = role
            width = int(width * scale)
            if right_align_last and i == len(buttons) - 1:
                x = area.right - width
            button.rect = pygame.Rect(x, area.top + 10, width, area.height - 20)
            x += width + gap
        return buttons

    # ------------------------------------------------------------ keys and actions

    def handle(self, event) -> bool:
        if event.type == pygame.TEXTINPUT:
            self.hold_shortcuts()             # typing in a field: the burst goes on
        return super().handle(event)

    def hold_shortcuts(self) -> None:
        """Letter shortcuts off for :data:`SHORTCUT_GUARD_S` from now (screen changed, letter typed)."""
        self._shortcuts_from = input_clock() + (0.0 if self.app.scripted else SHORTCUT_GUARD_S)

    def shortcuts_held(self) -> bool:
        return input_clock() < self._shortcuts_from

    def on_key(self, event) -> bool:
        if event.key == pygame.K_ESCAPE:
            if self.back_button:
                self.back()
                return True
            return False
        if event.key in ENTER_KEYS:
            return self.main_action()
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            return self.page(1 if event.key == pygame.K_PAGEDOWN else -1)
        if event.key in (pygame.K_RIGHT, pygame.K_LEFT):
            # only when the focus found nothing in that direction: a clicker's "next" / "previous"
            return self.page(1 if event.key == pygame.K_RIGHT else -1)
        if self.focus.typing or event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
            return False
        text = getattr(event, "unicode", "")
        if event.key not in SHORTCUT_KEYS and not (len(text) == 1 and text.isalpha()):
            return False
        held = self.shortcuts_held()
        self.hold_shortcuts()                 # a letter is typing: the burst goes on
        own = self.own_shortcuts().get(event.key)
        tool = SHORTCUT_KEYS.get(event.key)
        if own is not None:
            if not held:
                own()
            return True                       # a held shortcut is swallowed, not passed on
        if tool is None or held:
            return tool is not None
        if tool == "blank":
            (self.open_pause if "pause" in self.tools else self.open_blank)()
            return True
        actions = {"clues": self.open_clues, "items": self.open_items, "hint": self.open_hint,
                   "pause": self.open_pause}
        if tool in self.tools:
            actions[tool]()
            return True
        return False

    def own_shortcuts(self) -> dict:
        """This screen's own letter keys ({pygame key: action}), held back by the same guard as C, I, H, P."""
        return {}

    def main_action(self) -> bool:
        """Enter that no focused control took: the action whose label says "(Enter)"; False: none."""
        return False

    def page(self, direction: int) -> bool:
        """PageDown/PageUp (the presenter clicker): turn the page, read on, or go to the next control.

        First the page of the main text; after its last page "next" does what
        the screen's reading leads to (:meth:`advance`: "Verder"); otherwise the
        focus moves on, so a clicker reaches every control and F5 presses it.
        """
        pager = self.pager()
        if pager is not None and pager.page(direction):
            return True
        if direction > 0 and self.advance():
            return True
        return self.focus.step_for_clicker(direction)

    def pager(self) -> TextBox | None:
        return None

    def advance(self) -> bool:
        """What the clicker's "next" does after the last page (e.g. "Verder")."""
        return False

    def back(self) -> None:
        if len(self.app.stack.screens) > 1:
            self.app.stack.pop()

    def open_clues(self) -> None:
        self.game.show_clue_book()

    def open_items(self) -> None:
        self.game.show_inventory()

    def open_hint(self) -> None:
        from escapebox.ui.screens.hint import HintScreen
        self.app.stack.push(HintScreen(self.app, self.hint_puzzles()))

    def hint_puzzles(self) -> list[str]:
        """The puzzles a hint could be about here (a puzzle screen names its own)."""
        session = self.game.session
        return [p for p in session.available_puzzles() if session.scenario.puzzles[p].hints]

    def open_pause(self) -> None:
        from escapebox.ui.screens.pause import PauseScreen
        self.app.stack.push(PauseScreen(self.app))

    def open_blank(self) -> None:
        """B where the game has no pause (the debrief, the ending): a blank screen, as a presenter expects."""
        from escapebox.ui.screens.pause import BlankScreen
        self.app.stack.push(BlankScreen(self.app))

    def open_help(self) -> None:
        from escapebox.ui.screens.help import HelpScreen
        self.app.stack.push(HelpScreen(self.app))

    # ------------------------------------------------------------ drawing

    def draw(self, canvas) -> None:
        self.draw_top_bar(canvas)
        c = self.app.theme.colours
        canvas.fill(pygame.Rect(0, TOOLBAR.top - 6, LOGICAL_W, LOGICAL_H - TOOLBAR.top + 6), c.panel_alt)
        self.draw_content(canvas)
        self.focus.draw(canvas, self.app)
        if canvas is self.app.canvas:      # not a warm-up's scratch drawing (escapebox/ui/warmup.py)
            self._drawn_as = self._looks()

    #: what the screen's picture depended on when it was last drawn on the window (:meth:`_looks`)
    _drawn_as: tuple | None = None
    #: the clock as last painted on the window: (digits, kind, label, box)
    _clock_painted: tuple | None = None

    def _looks(self) -> tuple:
        """What a game screen's picture depends on besides its own widgets: the game, its state, the settings.

        Every change of the game's state is an event in its log, so the log's
        length stands for the state; the clock is compared on its own.
        """
        app = self.app
        return (app.game, len(app.game.session.state.events), app.settings, app.theme, app.tr)

    def unchanged_since_drawn(self) -> bool:
        if self._drawn_as is None or self.animating or self.wake_ms() is not None or self._drawn_as != self._looks():
            return False
        if self.app.settings.timer_visible and self.show_clock:
            return self._clock_painted == self._clock_face(self.app.canvas)
        return True

    def draw_content(self, canvas) -> None:
        """Anything the screen draws besides its widgets (pictures, labels)."""

    def draw_top_bar(self, canvas) -> None:
        app, c = self.app, self.app.theme.colours
        canvas.fill(pygame.Rect(0, 0, LOGICAL_W, TOP_H), c.panel)
        canvas.fill(pygame.Rect(0, TOP_H - 3, LOGICAL_W, 3), c.border)
        right = LOGICAL_W - MARGIN
        if app.settings.timer_visible and self.show_clock:
            right = self._draw_clock(canvas) - 40
        group = self.game.session.state.group
        if group:
            width = canvas.measure(group, "regular", app.size("small"))
            canvas.text(group, (right, TOP_H // 2), "regular", app.size("small"), c.muted, "midright")
            right -= width + 40
        layout = fit_title(canvas, app, self.title(), right - MARGIN, max_lines=2, roles=("title", "heading", "body", "small"),
                           max_height=TOP_H - 6)
        top = (TOP_H - layout.height) // 2
        canvas.paragraph(layout, pygame.Rect(MARGIN, top, right - MARGIN, layout.height), c.text)
        title_right = MARGIN + max(canvas.measure(line, "bold", layout.size) for line in layout.lines)
        self._top_gap = pygame.Rect(title_right + 40, 14, right - title_right - 80, TOP_H - 28)

    def _draw_clock(self, canvas) -> int:
        """The clock with a word that says what it shows (never colour alone); returns its left edge.

        What was under it is kept, so :meth:`redraw_clock` can change the
        digits every second without drawing the whole screen again.
        """
        face = self._clock_face(canvas)
        self.clock_box, self._clock_under = face[-1], canvas.copy_area(face[-1])
        self._paint_clock(canvas, *face)
        return face[-1].left

    def redraw_clock(self, canvas) -> pygame.Rect | None:
        """Draw only the clock over what was under it; None when the whole screen must be drawn.

        Once a second the clock is all that changes; redrawing every screen
        for it cost up to 13 ms at 1920×1080 on a slow laptop with a dialog
        open (docs/performance.md).  A clock whose box changes size (another
        word beside it) moves the title, so that needs the whole screen.
        """
        if not (self.app.settings.timer_visible and self.show_clock) or self._clock_under is None:
            return None
        face = self._clock_face(canvas)
        if face[-1] != self.clock_box:
            return None
        canvas.put_area(self._clock_under, self.clock_box)
        self._paint_clock(canvas, *face)
        return self.clock_box

    def _clock_face(self, canvas) -> tuple:
        app, tr = self.app, self.app.tr
        text, kind = self.game.timer_text()
        view = self.game.session.timer()
        label = {"overtime": tr("ui.clock.overtime"), "paused": tr("ui.clock.paused")}.get(
            kind, tr("ui.clock.left") if view.remaining is not None else tr("ui.clock.played"))
        size, small = app.size("timer"), app.size("small")
        digits_w = max(canvas.measure(text, "bold", size), canvas.measure("00:00", "bold", size))
        label_w = canvas.measure(label, "regular", small)
        box = pygame.Rect(0, 12, label_w + digits_w + 64, TOP_H - 24)
        box.right = LOGICAL_W - MARGIN
        return text, kind, label, box

    def _paint_clock(self, canvas, text: str, kind: str, label: str, box: pygame.Rect) -> None:
        app, c = self.app, self.app.theme.colours
        if canvas is app.canvas:
            self._clock_painted = (text, kind, label, box)
        colour = {"overtime": c.danger, "low": c.danger}.get(kind, c.text)
        canvas.fill(box, c.panel_alt, 12)
        if kind in ("overtime", "low"):
            canvas.frame(box, c.danger, 4, 12)
        canvas.text(label, (box.left + 20, box.centery), "regular", app.size("small"), c.muted, "midleft")
        canvas.text(text, (box.right - 20, box.centery), "bold", app.size("timer"), colour, "midright")

    @property
    def toast_areas(self) -> list[pygame.Rect]:
        """Where messages may go, best first: free stretches of the toolbar and the top bar (never over content)."""
        areas = (self._toolbar_gap, self._top_gap)
        return [a for a in areas if a is not None and a.width >= 420]

