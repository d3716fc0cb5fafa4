"""The debrief (nabespreking) at the end: pages for a beamer, turned with a presenter clicker.

All numbers come from :func:`escapebox.debrief.build_debrief`, the same
model the HTML/Markdown reports read, so what the group sees on the wall
and what the trainer prints agree.  Sections: how it went (time, hints,
wrong answers), per puzzle, the route and dilemma choices, the
reflections per learning goal, the discussion questions.

A section that does not fit is continued on the next page, so nothing is
ever cut off.  PageDown/PageUp (the clicker), the arrow keys, Space and a
mouse click (left: next, right: back) turn the pages; "2/5" shows where
we are.  The last page does not close the screen: a clicker press too
many must not end the conversation.  There the focus moves to "Afsluiten",
so the clicker's F5 (or Enter) closes it on purpose; B blanks the wall.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from escapebox.debrief import OTHER_GOAL, build_debrief, page_breaks, start_kinds
from escapebox.report.parts import count
from escapebox.ui.clock_text import clock_text
from escapebox.ui.screens.base import GameScreen
from escapebox.ui.widgets import Button

GAP = 24
PAD = 16
TILE_H = 170
#: the most of the panel a section's heading takes at heading size before it is set at body size
HEADING_SHARE = 1 / 3
NEXT_KEYS = {pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_DOWN, pygame.K_SPACE}
PREVIOUS_KEYS = {pygame.K_PAGEUP, pygame.K_LEFT, pygame.K_UP}


@dataclass
class Page:
    heading: str
    layout: object          #: the section's wrapped body text
    first_line: int
    lines: int
    tiles: bool = False     #: the first page shows the four big numbers above the text


class DebriefScreen(GameScreen):
    name = "debrief"
    tools = ("help",)
    back_button = False
    show_clock = False

    def __init__(self, app):
        super().__init__(app)
        session = app.game.session
        self.debrief = build_debrief(session.scenario, session.state.events)
        self.pages: list[Page] = []
        self.index = 0

    def title(self) -> str:
        return self.app.tr("facilitator.debrief.title", scenario=self.game.scenario.title)

    # ------------------------------------------------------------ the texts

    def sections(self) -> list[tuple[str, str]]:
        """(heading, body) for every section, in the order of the conversation."""
        tr = self.app.tr
        sections = [(tr("facilitator.debrief.overview"), self.overview_text()),
                    (tr("facilitator.debrief.puzzles"), self.puzzles_text()),
                    (tr("facilitator.debrief.path"), self.path_text())]
        sections += self.reflection_sections()
        sections.append((tr("facilitator.debrief.questions"), self.questions_text()))
        return sections

    def tiles(self) -> list[tuple[str, str]]:
        tr, d = self.app.tr, self.debrief
        t = d.time
        time_label = (tr("facilitator.debrief.tile_time", available=clock_text(t.available)) if t.available
                      else tr("facilitator.debrief.tile_time_plain"))
        prompted = len(d.reflections) + len(d.skipped_reflections)
        # the label follows the count: "1 foute antwoorden" under a tile (played by hand)
        hints = tr("facilitator.debrief.tile_hints_one" if d.hints == 1 else "facilitator.debrief.tile_hints")
        wrong = tr("facilitator.debrief.tile_wrong_one" if d.wrong_answers == 1 else "facilitator.debrief.tile_wrong")
        return [(clock_text(t.used), time_label), (str(d.hints), hints), (str(d.wrong_answers), wrong),
                (f"{len(d.reflections)}/{prompted}", tr("facilitator.debrief.tile_reflections"))]

    def overview_text(self) -> str:
        tr, d = self.app.tr, self.debrief
        t = d.time
        lines = [self.ending_line()]
        if t.available:
            lines.append(tr("facilitator.debrief.time_line", used=clock_text(t.used), available=clock_text(t.available)))
            lines.append(tr("facilitator.debrief.overtime_line", overtime=clock_text(t.overtime)) if t.overtime
                         else tr("facilitator.debrief.in_time_line", left=clock_text(max(0, t.available - t.used))))
        else:
            lines.append(tr("facilitator.debrief.time_line_plain", used=clock_text(t.used)))
        if t.penalties:
            lines.append(tr("facilitator.debrief.penalty_line", penalty=int(t.penalties)))
        if t.adjusted:
            lines.append(tr("facilitator.debrief.adjusted_line", minutes=f"{t.adjusted / 60:+g}"))
        if t.paused >= 1:
            lines.append(tr("facilitator.debrief.paused_line", paused=clock_text(t.paused)))
        return "\n".join(lines)

    def ending_line(self) -> str:
        tr, d = self.app.tr, self.debrief
        if d.end_reason == "escaped":
            return tr("facilitator.debrief.ended_escaped", ending=d.ending.title if d.ending else "")
        key = {"time": "ended_time", "facilitator": "ended_facilitator", "group": "ended_group"}.get(
            d.end_reason, "ended_playing")
        return tr(f"facilitator.debrief.{key}")

    def puzzles_text(self) -> str:
        tr = self.app.tr
        lines = []
        for p in self.debrief.puzzles:
            if p.status == "skipped":
                status = tr("facilitator.debrief.status_skipped")
            elif p.status in ("solved", "chosen"):   # a dilemma is chosen, never solved
                key = f"facilitator.debrief.status_{p.status}"
                status = tr(f"{key}_in", time=clock_text(p.seconds)) if p.seconds is not None else tr(key)
            else:
                status = tr("facilitator.debrief.status_open")
            parts = [status]
            if p.all_hints:     # "(0 van de spelleider)" only said what nobody did: named when the trainer helped
                key = "facilitator.debrief.puzzle_hints" if p.pushed_hints else "facilitator.debrief.puzzle_hints_group"
                parts.append(count(tr, key, p.all_hints, pushed=p.pushed_hints))
            if p.revealed:
                parts.append(tr("facilitator.debrief.puzzle_revealed"))
            if p.wrong:
                parts.append(count(tr, "facilitator.debrief.puzzle_wrong", len(p.wrong)))
            lines.append(tr("facilitator.debrief.puzzle_line", title=p.title, status=" · ".join(parts)))
            # each wrong attempt on a line of its own, in the group's words (escapebox/scenario/mistakes.py)
            lines += [tr("facilitator.debrief.wrong_try", text=w.text) for w in p.wrong]
        return "\n".join(lines) or tr("facilitator.debrief.no_puzzles")

    def path_text(self) -> str:
        tr, d = self.app.tr, self.debrief
        steps = [v.name + (" " + tr("facilitator.debrief.by_facilitator") if v.by_facilitator else "") for v in d.path]
        lines = [tr("facilitator.debrief.path_line", rooms=" » ".join(steps)), ""]
        if d.choices:
            lines.append(tr("facilitator.debrief.choices"))
            lines += [tr("facilitator.debrief.choice_line", title=c.title, choice=c.on_screen) for c in d.choices]
            if d.ending and d.ending.variant:   # the ending told what the choice led to: name it here too
                lines.append(tr("facilitator.debrief.led_to", ending=d.ending.title))
        else:
            lines.append(tr("facilitator.debrief.no_choices"))
        return "\n".join(lines)

    def reflection_sections(self) -> list[tuple[str, str]]:
        """One section per learning goal with its answers; goal-less answers last."""
        tr, d = self.app.tr, self.debrief
        sections = []
        for group in d.by_goal:
            if group.goal is OTHER_GOAL:
                heading = tr("facilitator.debrief.other_goal")
            elif len(group.texts) > 1:     # one reflection, shown once, under every goal it serves
                heading = tr("facilitator.debrief.goals", goals=" + ".join(group.texts))
            else:
                heading = tr("facilitator.debrief.goal", goal=group.text)
            sections.append((heading, "\n".join(self.answer_text(a) for a in group.answers)))
        if not sections:
            sections.append((tr("facilitator.debrief.no_reflections"), tr("facilitator.debrief.none_answered")))
        if d.skipped_reflections:
            heading, body = sections[-1]
            prompts = "; ".join(r.prompt for r in d.skipped_reflections)
            sections[-1] = (heading, body + "\n\n" + tr("facilitator.debrief.skipped_reflections", prompts=prompts))
        return sections

    def answer_text(self, answer) -> str:
        tr = self.app.tr
        text = answer.answer or "—"
        if answer.scale is not None:
            text = tr("facilitator.debrief.scale_answer", answer=text, min=answer.scale.min, max=answer.scale.max)
        return tr("facilitator.debrief.reflection_line", prompt=answer.prompt, answer=text)

    def questions_text(self) -> str:
        d = self.debrief
        parts = [d.debrief_text] if d.debrief_text else []
        if d.questions:
            parts.append("\n".join(f"{n}. {q}" for n, q in enumerate(d.questions, 1)))
        return "\n\n".join(parts) or self.app.tr("facilitator.debrief.no_questions")

    # ------------------------------------------------------------ layout

    def build(self, area: pygame.Rect) -> list:
        tr, canvas, app = self.app.tr, self.app.canvas, self.app
        label = "facilitator.debrief.back_to_list" if self.game.on_finish else "facilitator.debrief.close"
        buttons = [Button(tr("facilitator.debrief.previous"), lambda: self.turn(-1), key="previous"),
                   Button(tr("facilitator.debrief.next"), lambda: self.turn(1), key="next", kind="primary"),
                   Button(tr(label), self.game.finish, key="close")]
        height = max(b.preferred_height(canvas, app, 520) for b in buttons)
        row = pygame.Rect(area.left, area.bottom - height, area.width, height)
        self.place_buttons(buttons, row)
        self.body_area = pygame.Rect(area.left, area.top, area.width, row.top - GAP - area.top)
        self.paginate()
        self.index = min(self.index, len(self.pages) - 1)
        self.indicator = pygame.Rect(buttons[0].rect.right, row.top, buttons[1].rect.left - buttons[0].rect.right,
                                     height)
        self._refresh_buttons()
        return buttons

    def place_buttons(self, buttons: list, row: pygame.Rect) -> None:
        """Previous · page indicator · Next on the left, Close on the right."""
        canvas, app = self.app.canvas, self.app
        widths = [canvas.measure(b.text, b._style(), app.size(b.role)) + 64 for b in buttons]
        previous, nxt, close = buttons
        previous.rect = pygame.Rect(row.left, row.top, widths[0], row.height)
        indicator_w = canvas.measure("88/88", "bold", app.size("heading")) + 64
        nxt.rect = pygame.Rect(previous.rect.right + indicator_w, row.top, widths[1], row.height)
        close.rect = pygame.Rect(row.right - widths[2], row.top, widths[2], row.height)

    def tile_height(self) -> int:
        number_h = self.app.text.line_height(self.app.size("display"))
        label_h = self.app.text.line_height(self.app.size("small")) * 2
        return max(TILE_H, number_h + label_h + 36)

    def paginate(self) -> None:
        """Split every section over as many pages as it needs at the current text size."""
        canvas, app = self.app.canvas, self.app
        self.pages = []
        for n, (heading, body) in enumerate(self.sections()):
            heading_h = self.heading_layout(heading, continued=True).height + GAP
            layout = canvas.layout(body, "regular", app.size("body"), self.body_area.width - 48)
            room = self.body_area.height - 2 * PAD - heading_h
            tiles_h = self.tile_height() + GAP if n == 0 else 0
            starts = start_kinds(layout.lines, self.paragraph_starts(body, layout))
            for first, lines in page_breaks(len(layout.lines), (room - tiles_h) // layout.line_height,
                                            room // layout.line_height, starts):
                self.pages.append(Page(heading, layout, first, lines, tiles=n == 0 and first == 0))

    def paragraph_starts(self, body: str, layout) -> list[int]:
        """The wrapped lines of ``layout`` that begin a paragraph of ``body`` (each line of the text wraps alone)."""
        starts, line = [], 0
        for paragraph in body.replace("\r\n", "\n").split("\n"):
            starts.append(line)
            line += len(self.app.canvas.layout(paragraph, layout.style, layout.size, self.body_area.width - 48).lines)
        return starts

    def heading_layout(self, heading: str, continued: bool = False):
        """The section's heading, with "(vervolg)" on a continuation page."""
        text = heading + "  " + self.app.tr("facilitator.debrief.more") if continued else heading
        return self.app.canvas.layout(text, "bold", self.heading_size(heading), self.body_area.width - 48)

    def heading_size(self, heading: str) -> int:
        """Heading size, or body size for a heading that would take more than :data:`HEADING_SHARE` of the
        panel: a reflection serving two goals is headed by both goals' sentences, at extra large text
        eight lines that left one line of text per page (student-met-rugzak at 1280×720)."""
        size = self.app.size("heading")
        text = heading + "  " + self.app.tr("facilitator.debrief.more")
        if self.app.canvas.layout(text, "bold", size, self.body_area.width - 48).height > \
                self.body_area.height * HEADING_SHARE:
            size = self.app.size("body")
        return size

    # ------------------------------------------------------------ paging

    def turn(self, direction: int) -> bool:
        target = max(0, min(len(self.pages) - 1, self.index + direction))
        if target == self.index:
            return False
        self.index = target
        self._refresh_buttons()
        self.app.invalidate()
        return True

    def _refresh_buttons(self) -> None:
        was = self.focus.focused
        for key, enabled in (("previous", self.index > 0), ("next", self.index < len(self.pages) - 1)):
            widget = self.focus.find(key)
            if widget is not None:
                widget.enabled = enabled
        if was is not None and self.focus.focused is None:
            # the button pressed to get here has nothing left to do: at the end, closing is what is left
            self.focus.focus_key("close" if was.key == "next" else "next")

    def handle(self, event) -> bool:
        if event.type == pygame.KEYDOWN and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            if event.key in NEXT_KEYS:
                self.turn(1)
                return True
            if event.key in PREVIOUS_KEYS:
                self.turn(-1)
                return True
        if event.type == pygame.MOUSEBUTTONUP and self.body_area.collidepoint(event.pos) and event.button in (1, 3):
            self.turn(1 if event.button == 1 else -1)
            return True
        if event.type == pygame.MOUSEWHEEL:
            self.turn(-1 if event.y > 0 else 1)
            return True
        return super().handle(event)

    def set_widgets(self, widgets: list, default: str | None = None) -> None:
        super().set_widgets(widgets, default)
        self._refresh_buttons()

    def default_focus(self) -> str | None:
        return "next"

    # ------------------------------------------------------------ drawing

    def draw_content(self, canvas) -> None:
        c, app = self.app.theme.colours, self.app
        page = self.pages[self.index]
        area = self.body_area
        canvas.fill(area, c.panel, app.theme.radius)
        canvas.frame(area, c.border, 2, app.theme.radius)
        y = area.top + PAD
        if page.tiles:
            y = self.draw_tiles(canvas, pygame.Rect(area.left + 24, y, area.width - 48, self.tile_height())) + GAP
        layout = self.heading_layout(page.heading, continued=bool(page.first_line))
        canvas.paragraph(layout, pygame.Rect(area.left + 24, y, area.width - 48, layout.height), c.text)
        y += layout.height + GAP
        rect = pygame.Rect(area.left + 24, y, area.width - 48, page.lines * page.layout.line_height)
        canvas.paragraph(page.layout, rect, c.text, first_line=page.first_line)
        canvas.text(app.tr("facilitator.debrief.page", page=self.index + 1, pages=len(self.pages)),
                    self.indicator.center, "bold", app.size("heading"), c.text, "center")

    def draw_tiles(self, canvas, row: pygame.Rect) -> int:
        c, app = self.app.theme.colours, self.app
        stats = self.tiles()
        width = (row.width - GAP * (len(stats) - 1)) // len(stats)
        for n, (value, label) in enumerate(stats):
            rect = pygame.Rect(row.left + n * (width + GAP), row.top, width, row.height)
            canvas.fill(rect, c.panel_alt, app.theme.radius)
            canvas.text(value, (rect.centerx, rect.top + 12), "bold", app.size("display"), c.text, "midtop")
            layout = canvas.layout(label, "regular", app.size("small"), rect.width - 32)
            canvas.paragraph(layout, pygame.Rect(rect.left + 16, rect.bottom - 12 - layout.height, rect.width - 32,
                                                 layout.height), c.muted, align="center")
        return row.bottom

    def autoplay(self, command) -> list | None:
        return self.keys_to("close")
