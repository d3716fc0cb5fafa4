"""The title screen of a scenario: what it is about, how to play, and how answers are kept.

Shows the summary, learning goals, duration and players, a short "how to
play", and the privacy sentence.  Offers to continue a saved game of the
same scenario when there is one.
"""

from __future__ import annotations

import pygame

from escapebox.privacy import privacy_notice

from escapebox.ui.canvas import LOGICAL_W
from escapebox.ui.screen import Screen
from escapebox.ui.screens.base import fit_title
from escapebox.ui.screens.settings import open_settings
from escapebox.ui.widgets import Button, TextBox

MARGIN = 80
GAP = 32
SIDE_W = 640
LOGO_W, LOGO_H = 360, 90   # an organisation's logo (theme), top right


class IntroScreen(Screen):
    name = "intro"

    def __init__(self, app, loaded):
        super().__init__(app)
        self.loaded = loaded
        launcher = app.services.launcher
        self.saved = launcher.resumable(loaded) if launcher is not None else None
        app.use_scenario(loaded)  # its house style and language, unless the player chose otherwise

    @property
    def scenario(self):
        return self.loaded.scenario

    def body_text(self) -> str:
        tr, s = self.app.tr, self.scenario
        parts = [s.summary]
        if s.goals:
            parts.append(tr("ui.intro.goals") + "\n" + "\n".join(f"• {g}" for g in s.goals.values()))
        parts.append(tr("ui.intro.how_heading") + "\n" + tr("ui.intro.how"))
        return "\n\n".join(parts)

    def facts(self) -> list[str]:
        tr, s = self.app.tr, self.scenario
        lines = [tr("ui.intro.duration", minutes=s.duration), tr("ui.intro.players", players=s.players.replace(" ", ""))]
        if s.timer.minutes:
            lines.append(tr("ui.intro.timer", minutes=s.timer.minutes))
        else:
            lines.append(tr("ui.intro.no_timer"))
        if s.audience:
            lines.append(tr("ui.intro.audience", audience=s.audience))
        if s.level:
            lines.append(tr("ui.intro.level", level=s.level))
        return lines

    def layout(self) -> None:
        tr, canvas, app = self.app.tr, self.app.canvas, self.app
        logo_w = LOGO_W + GAP if app.theme.logo else 0
        self.title_layout = fit_title(canvas, app, self.scenario.title, LOGICAL_W - 2 * MARGIN - logo_w,
                                      roles=("display", "title", "heading"), max_lines=1)
        top = 50 + self.title_layout.height + 24
        body_w = LOGICAL_W - 2 * MARGIN - SIDE_W - GAP
        buttons = [Button(tr("ui.intro.start"), self.start, key="start", kind="primary")]
        if self.saved:
            group = self.saved.get("group_name") or "?"
            buttons.append(Button(tr("ui.intro.resume", group=group), self.resume, key="resume"))
        buttons.append(Button(tr("settings.open"), lambda: open_settings(self.app), key="settings"))
        if len(self.app.stack.screens) > 1:
            buttons.append(Button(tr("ui.intro.back"), self.back, key="back"))
        side_x = LOGICAL_W - MARGIN - SIDE_W
        y = 1040
        for button in reversed(buttons):
            height = button.preferred_height(canvas, app, SIDE_W)
            y -= height
            button.rect = pygame.Rect(side_x, y, SIDE_W, height)
            y -= 20
        self.body = TextBox(self.body_text(), pygame.Rect(MARGIN, top, body_w, 1040 - top), key="body", panel=True)
        facts = "\n".join(self.facts())
        privacy = privacy_notice(tr)
        # The privacy sentence must be readable at a glance, so it gets its full height first
        # (just above the buttons); the facts take what is left and page if they must.
        self.privacy_box = TextBox(privacy, pygame.Rect(side_x, top, SIDE_W, 10), key="privacy", panel=True,
                                   role="small")
        privacy_h = min(self.privacy_box.measure(canvas, app), (y - top) * 2 // 3)
        self.privacy_box.rect = pygame.Rect(side_x, y - privacy_h, SIDE_W, privacy_h)
        self.facts_box = TextBox(facts, pygame.Rect(side_x, top, SIDE_W, 10), key="facts", panel=True, style="bold")
        room = self.privacy_box.rect.top - GAP - top
        self.facts_box.rect.height = min(self.facts_box.measure(canvas, app), room)
        self.set_widgets([self.body, self.facts_box, self.privacy_box] + buttons, default="start")

    def start(self) -> None:
        from escapebox.ui.screens.group_name import GroupNameScreen
        self.app.stack.push(GroupNameScreen(self.app, self.loaded))

    def resume(self) -> None:
        self.app.services.launcher.resume(self.loaded, self.saved["id"])

    def back(self) -> None:
        self.app.use_scenario(None)
        self.app.stack.pop()

    def handle(self, event) -> bool:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_PAGEDOWN:
                if not self.body.page(1):
                    self.start()
                return True
            if event.key == pygame.K_PAGEUP:
                self.body.page(-1)
                return True
            if event.key == pygame.K_ESCAPE and len(self.app.stack.screens) > 1:
                self.back()
                return True
        return super().handle(event)

    def draw(self, canvas) -> None:
        c = self.app.theme.colours
        canvas.paragraph(self.title_layout, pygame.Rect(MARGIN, 50, LOGICAL_W - 2 * MARGIN, self.title_layout.height), c.text)
        logo = self.app.theme.logo
        natural = canvas.images.natural_size(logo) if logo else None
        if natural:                                   # right-aligned, at most LOGO_W × LOGO_H
            width = min(LOGO_W, round(LOGO_H * natural[0] / natural[1]))
            canvas.image(logo, pygame.Rect(LOGICAL_W - MARGIN - width, 40, width, LOGO_H))
        super().draw(canvas)

    def autoplay(self, command) -> list | None:
        return self.keys_to("start")
