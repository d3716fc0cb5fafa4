"""A simple debrief: how the game went, the choices made, and the questions to talk about.

Kept in its own module on purpose: a fuller debrief (per learning goal,
with the reflections) can replace this screen without touching the rest.
The numbers come from the game state, which is the fold of the event log.
"""

from __future__ import annotations

import pygame

from escapebox.ui.game import clock_text
from escapebox.ui.screens.base import GameScreen
from escapebox.ui.widgets import Button, TextBox

GAP = 24
TILE_H = 170


class DebriefScreen(GameScreen):
    name = "debrief"
    tools = ("help",)
    back_button = False
    show_clock = False

    def title(self) -> str:
        return self.app.tr("ui.debrief.title", scenario=self.game.scenario.title)

    def stats(self) -> list[tuple[str, str]]:
        tr, state = self.app.tr, self.game.session.state
        view = self.game.session.timer()
        wrong = sum(len(v) for v in state.wrong.values())
        hints = sum(state.hints.values())
        return [
            (clock_text(view.used), tr("ui.debrief.time_used", penalty=int(view.penalties)) if view.penalties
             else tr("ui.debrief.time_used_plain")),
            (str(hints), tr("ui.debrief.hints")),
            (str(wrong), tr("ui.debrief.wrong")),
            (f"{len(state.reflections)}/{len(state.prompted)}", tr("ui.debrief.reflections")),
        ]

    def outcome_text(self) -> str:
        tr, state, scenario = self.app.tr, self.game.session.state, self.game.scenario
        if state.ending:
            lines = [tr("ui.debrief.ending", ending=scenario.endings[state.ending].title)]
        elif state.end_reason == "time":
            lines = [tr("ui.debrief.ended_time")]
        else:
            lines = [tr("ui.debrief.ended_stopped")]
        if state.choices:
            lines.append("")
            lines.append(tr("ui.debrief.choices"))
            for pid, option in state.choices.items():
                puzzle = scenario.puzzles[pid]
                lines.append(f"• {puzzle.title}: {puzzle.options[option].text}")
        wrong = [(scenario.puzzles[p].title, len(v)) for p, v in state.wrong.items() if v]
        if wrong:
            lines.append("")
            lines.append(tr("ui.debrief.wrong_per_puzzle"))
            lines += [f"• {title}: {count}×" for title, count in wrong]
        return "\n".join(lines)

    def discussion_text(self) -> str:
        tr, debrief = self.app.tr, self.game.scenario.debrief
        parts = []
        if debrief.text:
            parts.append(debrief.text)
        if debrief.questions:
            parts.append(tr("ui.debrief.questions"))
            parts.append("\n".join(f"{n}. {q}" for n, q in enumerate(debrief.questions, 1)))
        return "\n\n".join(parts) or tr("ui.debrief.no_questions")

    def build(self, area: pygame.Rect) -> list:
        canvas = self.app.canvas
        label = "ui.debrief.back_to_list" if self.game.on_finish else "ui.debrief.close"
        done = Button(self.app.tr(label), self.game.finish, key="close", kind="primary")
        done_h = done.preferred_height(canvas, self.app, 600)
        done.rect = pygame.Rect(area.right - 600, area.bottom - done_h, 600, done_h)
        self.tiles = []
        stats = self.stats()
        tile_w = (area.width - GAP * (len(stats) - 1)) // len(stats)
        number_h = self.app.text.line_height(self.app.size("display"))
        label_h = max(canvas.layout(label, "regular", self.app.size("small"), tile_w - 32).height for _, label in stats)
        tile_h = max(TILE_H, number_h + label_h + 36)
        for n, stat in enumerate(stats):
            self.tiles.append((pygame.Rect(area.left + n * (tile_w + GAP), area.top, tile_w, tile_h), stat))
        top = area.top + tile_h + GAP
        height = done.rect.top - GAP - top
        left_w = (area.width - GAP) * 2 // 5
        self.outcome_box = TextBox(self.outcome_text(), pygame.Rect(area.left, top, left_w, height), key="outcome",
                                   panel=True)
        self.talk_box = TextBox(self.discussion_text(), pygame.Rect(area.left + left_w + GAP, top,
                                area.width - left_w - GAP, height), key="discussion", panel=True)
        return [self.outcome_box, self.talk_box, done]

    def default_focus(self) -> str | None:
        return "close"

    def pager(self):
        return self.talk_box

    def draw_content(self, canvas) -> None:
        c, app = self.app.theme.colours, self.app
        for rect, (value, label) in self.tiles:
            canvas.fill(rect, c.panel, app.theme.radius)
            canvas.frame(rect, c.border, 2, app.theme.radius)
            canvas.text(value, (rect.centerx, rect.top + 12), "bold", app.size("display"), c.text, "midtop")
            layout = canvas.layout(label, "regular", app.size("small"), rect.width - 32)
            canvas.paragraph(layout, pygame.Rect(rect.left + 16, rect.bottom - 12 - layout.height, rect.width - 32,
                                                 layout.height), c.muted, align="center")

    def autoplay(self, command) -> list | None:
        return self.keys_to("close")
