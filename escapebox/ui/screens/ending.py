"""The ending: what the group's choices led to, the time against the clock, then on to the debrief.

The ending's text is the variant the group's dilemma choices call for
(``endings.<id>.variants``, escapebox/scenario/branches.py).  Under it, an
outcome panel: each choice the group made, the time used against the clock
(or without one), the hints, and one line that hands over to the
nabespreking, so the game does not just stop.  The numbers come from
:func:`escapebox.debrief.build_debrief`, like the debrief's own tiles.
"""

from __future__ import annotations

import pygame

from escapebox.debrief import build_debrief
from escapebox.report.parts import count
from escapebox.ui.clock_text import clock_text
from escapebox.ui.screens.base import GameScreen
from escapebox.ui.widgets import Button, TextBox

GAP = 24
#: the picture's share of the width beside the text, tried in turn until story and outcome fit without
#: paging: 0.45 was the old fixed 700 of 1232 logical px at 1280×720; a bundled variant of 6 to 8 full-width
#: lines needs the smaller share.  The last share stays when nothing fits (the story then pages): with 0.0
#: there, --beamer at large text showed no picture at all, though the ending is the one scene of the case
IMAGE_SHARES = (0.45, 0.3, 0.22)
#: when story and outcome do not both fit, the story keeps at least this share of the height: at the
#: largest text size in 1280×720 that is the bundled variants' 6 to 8 lines on one page of 2 at most
STORY_SHARE = 0.6


class EndingScreen(GameScreen):
    name = "ending"
    tools = ("help",)
    back_button = False
    show_clock = False

    @property
    def ending(self):
        """The ending reached, as the group's dilemma choices have it (``variants``)."""
        return self.game.session.shown_ending()

    def title(self) -> str:
        return self.ending.title

    def outcome_text(self) -> str:
        """The choices, the time and the hints, one line each, and the hand-over to the debrief."""
        tr, session = self.app.tr, self.game.session
        debrief = build_debrief(session.scenario, session.state.events)
        lines = [tr("ui.ending.choice", title=c.title, choice=c.on_screen) for c in debrief.choices]
        t = debrief.time
        if t.available is None:
            time = tr("ui.ending.time_plain", used=clock_text(t.used))
        elif t.overtime:
            time = tr("ui.ending.time_over", used=clock_text(t.used), available=clock_text(t.available),
                      over=clock_text(t.overtime))
        else:
            time = tr("ui.ending.time", used=clock_text(t.used), available=clock_text(t.available))
        hints = count(tr, "ui.ending.hints", debrief.hints) if debrief.hints else tr("ui.ending.no_hints")
        return "\n".join(lines + [f"{time} · {hints}", tr("ui.ending.next")])

    def build(self, area: pygame.Rect) -> list:
        canvas = self.app.canvas
        go = Button(self.app.tr("ui.ending.to_debrief"), self.to_debrief, key="debrief", kind="primary")
        go_h = go.preferred_height(canvas, self.app, 640)
        go.rect = pygame.Rect(area.right - 640, area.bottom - go_h, 640, go_h)
        full = pygame.Rect(area.left, area.top, area.width, area.height - go_h - GAP)
        ending = self.ending
        has_picture = bool(ending.image) and \
            self.app.images.natural_size(self.game.loaded.folder / ending.image) is not None
        # the outcome in small print only once no picture share lets it fit at reading size: after a
        # talk of two turns it paged at the beamer, time and hints alone on its second page
        self._fit(full, ending.text, IMAGE_SHARES if has_picture else (0.0,))
        return [self.text_box, self.outcome_box, go]

    def _fit(self, full: pygame.Rect, story_text: str, shares: tuple) -> None:
        for outcome_role in ("body", "small"):
            for share in shares:
                if self._place(full, share, story_text, outcome_role):
                    return

    def _place(self, full: pygame.Rect, share: float, story_text: str, outcome_role: str = "body") -> bool:
        """Picture (``share`` of the width), story and outcome; True when the texts fit without paging."""
        body, self.image_rect = full, None
        if share:
            width = int(full.width * share)
            self.image_rect = pygame.Rect(full.left, full.top, width, full.height)
            body = pygame.Rect(full.left + width + GAP, full.top, full.width - width - GAP, full.height)
        self.text_box = TextBox(story_text, pygame.Rect(body), key="ending_text", panel=True, role="heading")
        self.outcome_box = TextBox(self.outcome_text(), pygame.Rect(body), key="ending_outcome", panel=True,
                                   role=outcome_role)
        story_h = self._story_height(body.height)
        self.text_box.rect = pygame.Rect(body.left, body.top, body.width, story_h)
        self.outcome_box.rect = pygame.Rect(body.left, body.top + story_h + GAP, body.width,
                                            body.height - story_h - GAP)
        canvas = self.app.canvas
        return (self.text_box.measure(canvas, self.app) <= story_h
                and self.outcome_box.measure(canvas, self.app) <= body.height - story_h - GAP)

    def _story_height(self, height: int) -> int:
        """Both whole when they fit; else the story first (it is what the group came for), up to
        :data:`STORY_SHARE` of the height, and the outcome pages in the rest."""
        canvas = self.app.canvas
        outcome = self.outcome_box.measure(canvas, self.app)
        story = self.text_box.measure(canvas, self.app)
        if story + GAP + outcome > height:     # beamer or large text: the story at reading size, not heading size
            self.text_box.role = "body"
            story = self.text_box.measure(canvas, self.app)
        if story + GAP + outcome <= height:
            return height - GAP - outcome      # the outcome exactly its lines, the story the room that is left
        return max(min(story, int(height * STORY_SHARE)), height - GAP - outcome)

    def default_focus(self) -> str | None:
        return "debrief"

    def to_debrief(self) -> None:
        from escapebox.ui.screens.debrief import DebriefScreen
        self.app.stack.replace(DebriefScreen(self.app))

    def pager(self):
        return self.text_box

    def advance(self) -> bool:
        self.to_debrief()
        return True

    def main_action(self) -> bool:
        """Enter, also with the focus on the text being read: "Naar de nabespreking (Enter)"."""
        self.to_debrief()
        return True

    def draw_content(self, canvas) -> None:
        if self.image_rect is not None:
            canvas.image(self.game.loaded.folder / self.ending.image, self.image_rect)

    def autoplay(self, command) -> list | None:
        return self.keys_to("debrief")
