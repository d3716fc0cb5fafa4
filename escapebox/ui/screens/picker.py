"""Choose a scenario: the bundled ones and the trainer's own, as cards.

Each card shows the title, the summary, the number of players, the
duration and the language, with a note when the scenario is not in the
interface's language (``--lang en`` on a Dutch scenario).  A scenario that does not load shows its first problem instead of
crashing the picker, so a trainer sees what to fix.

Below the cards: "Scenario openen…" (a scenario from anywhere on the computer,
:mod:`escapebox.ui.screens.open_scenario`) and "Meedoen met een leerfestival"
(:mod:`escapebox.ui.screens.festival_join`); once joined, the line beside them
says which festival.  An edition's picker is headed with the edition's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

from escapebox.problems import EscapeboxError
from escapebox.pack.open import open_scenario
from escapebox import paths
from escapebox.ui.canvas import LOGICAL_H, LOGICAL_W
from escapebox.ui.screen import Screen
from escapebox.ui.screens.intro import language_name, language_note
from escapebox.ui.widgets import Button, draw_focus_ring

MARGIN = 80
#: where the cards begin; lower when the heading and its subtitle take more room (large text)
TOP = 200
GAP = 24
#: room between the last row of cards and the buttons below them, for the "more below" line
MORE_H = 56
#: room a message keeps from the heading, a card or a button: a focus ring reaches 9 px outside its
#: control (``draw_focus_ring``: the theme's 6 px ring, 3 px off the edge)
TOAST_CLEAR = 16
#: a free stretch narrower than this holds too few words a line for a message (as on game screens)
TOAST_MIN_W = 420


@dataclass
class Entry:
    path: Path
    bundled: bool
    loaded: object | None = None
    problem: str | None = None


def find_entries(tr, extra: list[Path] | None = None) -> list[Entry]:
    entries = []
    for path, bundled in paths.scenario_sources(extra):
        entry = Entry(path, bundled)
        try:
            entry.loaded = open_scenario(path)
        except EscapeboxError as exc:
            entry.problem = exc.problems[0].render(tr) if exc.problems else str(exc)
        except (OSError, ValueError) as exc:
            entry.problem = str(exc)
        entries.append(entry)
    return entries


class ScenarioCard(Button):
    """Title, summary and facts of one scenario."""

    def __init__(self, entry: Entry, on_activate, tr):
        scenario = entry.loaded.scenario if entry.loaded else None
        title = scenario.title if scenario else entry.path.name
        super().__init__(title, on_activate, key=f"scenario:{entry.path.name}", align="left", role="heading")
        self.entry = entry
        if scenario:
            facts = tr("ui.picker.facts", players=scenario.players.replace(" ", ""), minutes=scenario.duration)
            facts += " · " + language_name(tr, scenario)
            if not entry.bundled:
                facts += " · " + tr("ui.picker.own")
            self.summary = scenario.summary
            self.facts = facts
            self.note = language_note(tr, scenario)
        else:
            self.summary = tr("ui.picker.broken", problem=entry.problem or "?")
            self.facts = ""
            self.note = None
            self.enabled = True

    def _style(self) -> str:
        return "bold"

    def preferred_height(self, canvas, ctx, width=None) -> int:
        if width is not None:
            self.rect.width = width
        inner = self.rect.width - 64
        title = canvas.layout(self.text, "bold", ctx.size("heading"), inner).height
        summary = canvas.layout(self.summary, "regular", ctx.size("small"), inner).height
        facts = canvas.text_renderer.line_height(ctx.size("small")) if self.facts else 0
        note = canvas.layout(self.note, "bold", ctx.size("small"), inner).height if self.note else 0
        return title + summary + facts + note + 64

    def draw(self, canvas, ctx, focused: bool) -> None:
        c = ctx.theme.colours
        canvas.fill(self.rect, c.panel_alt if self.hovered else c.panel, ctx.theme.radius)
        canvas.frame(self.rect, c.accent if focused else c.border, 3, ctx.theme.radius)
        inner = self.rect.inflate(-64, -48)
        title = canvas.layout(self.text, "bold", ctx.size("heading"), inner.width)
        canvas.paragraph(title, pygame.Rect(inner.left, inner.top, inner.width, title.height), c.text)
        y = inner.top + title.height
        summary = canvas.layout(self.summary, "regular", ctx.size("small"), inner.width)
        colour = c.danger if self.entry.problem else c.text
        canvas.paragraph(summary, pygame.Rect(inner.left, y, inner.width, summary.height), colour)
        y += summary.height
        if self.facts:
            canvas.text(self.facts, (inner.left, y), "bold", ctx.size("small"), c.muted)
            y += canvas.text_renderer.line_height(ctx.size("small"))
        if self.note:                     # in words, so it never depends on colour alone
            note = canvas.layout(self.note, "bold", ctx.size("small"), inner.width)
            canvas.paragraph(note, pygame.Rect(inner.left, y, inner.width, note.height), c.text)


class PickerScreen(Screen):
    name = "picker"

    def __init__(self, app, entries: list[Entry] | None = None):
        super().__init__(app)
        self.entries = entries if entries is not None else find_entries(app.tr)
        self.scroll = 0
        self.cards: list[ScenarioCard] = []
        self.bottom = LOGICAL_H - MARGIN
        self.top = TOP
        self._focus_path: Path | None = None
        self._followed: object = None     # the focused card the list last scrolled to

    def scenario_added(self, path: Path) -> None:
        """Look for scenarios again and put the focus on the card of the one just added."""
        self.entries = find_entries(self.app.tr)
        self._focus_path = path
        if self.app.stack.top is self:
            self.layout()

    def layout(self) -> None:
        tr = self.app.tr
        self.cards = [ScenarioCard(e, lambda e=e: self.choose(e), tr) for e in self.entries]
        self.quit_button = Button(tr("ui.picker.quit"), lambda: self.app.quit(0), key="quit")
        self.quit_button.rect = pygame.Rect(LOGICAL_W - MARGIN - 360, 50, 360, 100)
        from escapebox.ui.screens.settings import open_settings
        self.settings_button = Button(tr("settings.open"), lambda: open_settings(self.app), key="settings")
        self.settings_button.rect = pygame.Rect(LOGICAL_W - MARGIN - 360 - 24 - 420, 50, 420, 100)
        self.tools = self._tools()
        self.top = max(TOP, self._head_bottom() + GAP + 10)      # 10: the focus ring around a card
        self._place()
        self.set_widgets(self.cards + self.tools + [self.settings_button, self.quit_button])
        self._focus_added()

    def _tools(self) -> list[Button]:
        """The buttons under the cards, on one row at the foot of the screen."""
        tr, app = self.app.tr, self.app
        tools = [Button(tr("opening.picker.open"), self._open, key="open")]
        if app.services.festival is not None:     # a bare App (a test's) has no festival link
            tools.append(Button(tr("opening.picker.festival"), self._join, key="festival"))
        widths = [app.canvas.measure(b.text, "regular", app.size("body")) + 96 for b in tools]
        height = max(b.preferred_height(app.canvas, app, w) for b, w in zip(tools, widths))
        x, y = MARGIN, LOGICAL_H - 40 - height
        for button, width in zip(tools, widths):
            button.rect = pygame.Rect(x, y, width, height)
            x += width + GAP
        self.bottom = y - MORE_H
        return tools

    def _focus_added(self) -> None:
        path, self._focus_path = self._focus_path, None
        card = next((c for c in self.cards if path is not None and c.entry.path == path), None)
        if card is not None:
            self.focus.focus(card)

    def _open(self) -> None:
        from escapebox.ui.screens.open_scenario import OpenScenarioScreen
        self.app.stack.push(OpenScenarioScreen(self.app))

    def _join(self) -> None:
        from escapebox.ui.screens.festival_join import FestivalJoinScreen
        self.app.stack.push(FestivalJoinScreen(self.app))

    def heading(self) -> str:
        """The edition's name in an organisation's own edition, else "Escapebox"."""
        return paths.edition().name or self.app.tr("ui.picker.title")

    def _head_width(self) -> int:
        return self.settings_button.rect.left - GAP - MARGIN

    def _head_bottom(self) -> int:
        canvas, app = self.app.canvas, self.app
        _heading, size = self._fitted_heading(canvas, self._head_width())
        subtitle = canvas.layout(app.tr("ui.picker.subtitle"), "regular", app.size("small"), self._head_width())
        return 40 + app.text.line_height(size) + subtitle.height

    def _fitted_heading(self, canvas, width: int) -> tuple[str, int]:
        """The heading beside the buttons: an edition's long name ("Escapebox Zorggroep De Meander")
        steps down from the title size to the heading size, and only then loses its end."""
        text = self.heading()
        for role in ("title", "heading"):
            size = self.app.size(role)
            if canvas.measure(text, "bold", size) <= width:
                return text, size
        while len(text) > 1 and canvas.measure(text + "…", "bold", size) > width:
            text = text[:-1]
        return text.rstrip() + "…", size

    def festival_line(self) -> str | None:
        link = self.app.services.festival
        if link is None or not link.joined:
            return None
        if link.name:
            return self.app.tr("opening.picker.joined_named", name=link.name, code=link.code)
        return self.app.tr("opening.picker.joined", code=link.code)

    def _place(self) -> None:
        width = (LOGICAL_W - 2 * MARGIN - GAP) // 2
        heights = [card.preferred_height(self.app.canvas, self.app, width) for card in self.cards]
        rows = [max(heights[i:i + 2]) for i in range(0, len(heights), 2)]
        total = sum(rows) + GAP * max(0, len(rows) - 1)
        self.scroll = max(0, min(self.scroll, total - (self.bottom - self.top)))
        y = self.top - self.scroll
        for r, height in enumerate(rows):
            for col in range(2):
                n = r * 2 + col
                if n < len(self.cards):
                    card = self.cards[n]
                    card.rect = pygame.Rect(MARGIN + col * (width + GAP), y, width, height)
                    card.clipped = card.rect.top < self.top - 10 or card.rect.bottom > self.bottom + 10
            y += height + GAP
        self.more_below = total - self.scroll > self.bottom - self.top
        self.more_above = self.scroll > 0

    @property
    def toast_areas(self) -> list[pygame.Rect]:
        """Where messages may go, best first: beside the buttons under the cards, beside the heading,
        under the last card when the list ends above the buttons.

        Never the band along the top edge: the heading and the settings and quit buttons stand there,
        and a message over them hid "Escapebox" and half of "Instellingen" (1280x720 and the beamer).
        """
        line = self.app.text.line_height(self.app.size("small"))
        areas = [self._beside_tools(), self._beside_heading(), self._under_cards()]
        return [a for a in areas if a is not None and a.width >= TOAST_MIN_W and a.height >= line + 20]

    def _beside_tools(self) -> pygame.Rect | None:
        """Right of "Scenario openen…" and the festival button, unless the joined festival's line stands there."""
        if self.festival_line() is not None:
            return None
        row = self.tools[-1].rect
        left = row.right + GAP
        return pygame.Rect(left, row.top, LOGICAL_W - MARGIN - left, LOGICAL_H - 8 - row.top)

    def _beside_heading(self) -> pygame.Rect:
        """Right of the heading's last letter, up to the settings button, above the subtitle."""
        canvas = self.app.canvas
        heading, size = self._fitted_heading(canvas, self._head_width())
        left = MARGIN + canvas.measure(heading, "bold", size) + GAP
        right = self.settings_button.rect.left - TOAST_CLEAR
        return pygame.Rect(left, 8, right - left, 40 + self.app.text.line_height(size) - 8)

    def _under_cards(self) -> pygame.Rect | None:
        """Under the last row of cards, when the whole list is shown and ends above the buttons."""
        if not self.cards or self.more_below or self.more_above:
            return None
        top = max(card.rect.bottom for card in self.cards) + TOAST_CLEAR
        bottom = self.tools[0].rect.top - TOAST_CLEAR
        return pygame.Rect(MARGIN, top, LOGICAL_W - 2 * MARGIN, bottom - top)

    def choose(self, entry: Entry) -> None:
        if entry.loaded is None:
            self.app.toast(entry.problem or "?", "danger", 8)
            return
        from escapebox.ui.screens.intro import IntroScreen
        self.app.stack.push(IntroScreen(self.app, entry.loaded))

    def update(self, dt: float) -> bool:
        focused = self.focus.focused
        # follow the focus only when it moved (keys, the clicker, a new card): the wheel moves the
        # list and leaves the focus where it was, and following then pulled the list straight back
        if focused in self.cards and focused is not self._followed:
            if focused.rect.top < self.top:
                self.scroll -= self.top - focused.rect.top
                self._place()
            elif focused.rect.bottom > self.bottom:
                self.scroll += focused.rect.bottom - self.bottom
                self._place()
        self._followed = focused
        return super().update(dt)

    def _focus_into_view(self, down: bool) -> None:
        """After the wheel: a focused card scrolled out of view hands the focus to the first card in view.

        So Enter or the keys go on from what the group sees. A mouse-only group could not reach the
        cards below at all while ``update`` pulled the list back to the focused card after every notch
        (play-test, zij-instromer from the picker by mouse).
        """
        focused = self.focus.focused
        if focused not in self.cards or not focused.clipped:
            return
        visible = [card for card in self.cards if not card.clipped]
        if visible:
            self.focus.focus(visible[0] if down else visible[-1])

    def handle(self, event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            self.scroll -= event.y * 80
            self._place()
            self._focus_into_view(event.y < 0)
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            return self._page(1 if event.key == pygame.K_PAGEDOWN else -1)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.quit(0)
            return True
        return super().handle(event)

    def _page(self, direction: int) -> bool:
        """PageDown: the next row not (wholly) shown comes to the top, its first card focused;
        PageUp: the row above comes to the bottom. A row as tall as the list at the beamer's text
        size must still come into view, so the list moves by rows, not by a fixed page."""
        if direction > 0:
            target = next((c for c in self.cards if c.clipped and c.rect.top >= self.top), None)
        else:
            target = next((c for c in reversed(self.cards) if c.clipped and c.rect.top < self.top), None)
        if target is None:
            # nothing left to scroll: a presenter clicker's keys step to the next control, so it
            # also reaches "Scenario openen…", the festival, the settings (F5 presses)
            return self.focus.step_for_clicker(direction)
        row = [c for c in self.cards if c.rect.top == target.rect.top]
        self.scroll += target.rect.top - self.top if direction > 0 else target.rect.bottom - self.bottom
        self._place()
        self.focus.focus(row[0])
        return True

    def draw(self, canvas) -> None:
        c, app = self.app.theme.colours, self.app
        width = self._head_width()
        heading, size = self._fitted_heading(canvas, width)
        canvas.text(heading, (MARGIN, 40), "bold", size, c.text)
        subtitle = canvas.layout(app.tr("ui.picker.subtitle"), "regular", app.size("small"), width)
        canvas.paragraph(subtitle, pygame.Rect(MARGIN, 40 + app.text.line_height(size), width, subtitle.height),
                         c.muted)
        if not self.cards:
            layout = canvas.layout(app.tr("ui.picker.none", folder=str(paths.user_scenario_dirs()[0])),
                                   "regular", app.size("body"), LOGICAL_W - 2 * MARGIN)
            canvas.paragraph(layout, pygame.Rect(MARGIN, self.top, LOGICAL_W - 2 * MARGIN, 600), c.text)
        focused = self.focus.focused
        # a card half in view is drawn too, cut at the list's edges: between two wheel notches a tall
        # row at the largest text is rarely whole, and the list must not look empty meanwhile
        shown = pygame.Rect(0, self.top, LOGICAL_W, self.bottom - self.top)
        with canvas.clip(shown):
            for card in self.cards:
                if card.clipped and card.rect.colliderect(shown):
                    card.draw(canvas, app, card is focused)
        with canvas.clip(pygame.Rect(0, self.top - 30, LOGICAL_W, self.bottom - self.top + 60)):
            for card in self.cards:
                if not card.clipped:
                    card.draw(canvas, app, card is focused)
            if focused in self.cards and not focused.clipped:
                draw_focus_ring(canvas, app, focused.rect)
        for button in self.tools + [self.settings_button, self.quit_button]:
            button.draw(canvas, app, focused is button)
            if focused is button:
                draw_focus_ring(canvas, app, focused.rect)
        self._draw_festival_line(canvas)
        if self.more_below:
            canvas.text(app.tr("ui.picker.more"), (LOGICAL_W // 2, self.bottom + 8), "italic", app.size("small"),
                        c.muted, "midtop")

    def _draw_festival_line(self, canvas) -> None:
        line = self.festival_line()
        if line is None:
            return
        app, last = self.app, self.tools[-1].rect
        left = last.right + GAP
        layout = canvas.layout(line, "bold", app.size("small"), LOGICAL_W - MARGIN - left)
        canvas.paragraph(layout, pygame.Rect(left, last.centery - layout.height // 2, LOGICAL_W - MARGIN - left,
                                             layout.height), app.theme.colours.text)

    def autoplay(self, command) -> list | None:
        return None
