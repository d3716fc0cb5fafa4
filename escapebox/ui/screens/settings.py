"""The settings screen: text size, contrast, motion, sound, clock, spacing and language.

Reachable from the picker, the intro and the pause screen (and by keyboard
alone: Tab and Enter; Esc closes).  Every change applies at once — the
screens below lay out again — and is remembered per user in
``settings.toml``.  Only the one setting that changed is written over the
saved file, so a command-line flag for this run (``--no-sound``) is not
quietly made permanent.  On/off settings show a check box as well as
their state in words, never colour alone.
"""

from __future__ import annotations

import pygame

from escapebox.ui.screens.dialog import Dialog
from escapebox.ui.settings import LANGUAGE_CHOICES, TEXT_STEPS, effective_language, load_settings, save_settings
from escapebox.ui.widgets import Button

PAD = 48
GAP = 20
TOGGLES = ("high_contrast", "dyslexia", "reduced_motion", "sound", "timer_visible")


class SettingsScreen(Dialog):
    name = "settings"
    width = 1700

    def layout(self) -> None:
        tr, canvas, app = self.app.tr, self.app.canvas, self.app
        settings = app.settings
        size_name = tr(f"settings.size.{settings.text_size}")
        language = effective_language(settings, app.scenario_language)
        rows = [
            Button(tr("settings.text_size", value=size_name), lambda: self.cycle_text_size(1), key="text_size",
                   align="left"),
            Button(tr("settings.language", value=tr(f"settings.lang.{language}")), self.cycle_language,
                   key="language", align="left"),
        ]
        for name in TOGGLES:
            state = tr("settings.on") if getattr(settings, name) else tr("settings.off")
            rows.append(Button(f"{tr('settings.' + name)}: {state}", lambda n=name: self.toggle(n), key=name,
                               align="left", selected=getattr(settings, name)))
        close = Button(tr("settings.close"), self.close, key="close", kind="primary")
        self.rows = rows
        self._place(canvas, app, rows, close)
        self.set_widgets(rows + [close], default="text_size")

    def _place(self, canvas, app, rows: list, close: Button) -> None:
        """Two columns of settings, then the close button; the panel grows with the text size."""
        column_w = (self.width - 2 * PAD - GAP) // 2
        self.intro = canvas.layout(app.tr("settings.intro"), "regular", app.size("small"), self.width - 2 * PAD)
        header = app.text.line_height(app.size("heading")) + 12 + self.intro.height + 28
        heights = [b.preferred_height(canvas, app, column_w) for b in rows]
        pairs = [heights[i:i + 2] for i in range(0, len(heights), 2)]
        row_h = [max(pair) for pair in pairs]
        close_h = close.preferred_height(canvas, app, 480)
        total = PAD + header + sum(row_h) + GAP * len(row_h) + close_h + PAD
        panel = self.place_panel(total)
        y = panel.top + PAD + header
        for r, height in enumerate(row_h):
            for col in range(2):
                n = r * 2 + col
                if n < len(rows):
                    rows[n].rect = pygame.Rect(panel.left + PAD + col * (column_w + GAP), y, column_w, height)
            y += height + GAP
        close.rect = pygame.Rect(panel.right - PAD - 480, panel.bottom - PAD - close_h, 480, close_h)

    # ------------------------------------------------------------ changes

    def cycle_text_size(self, step: int) -> None:
        """small → normal → large → extra large → small: Enter or a click, one step at a time."""
        steps = list(TEXT_STEPS)
        current = steps.index(self.app.settings.text_size) if self.app.settings.text_size in steps else 1
        self.change(text_size=steps[(current + step) % len(steps)])

    def cycle_language(self) -> None:
        current = effective_language(self.app.settings, self.app.scenario_language)
        choices = list(LANGUAGE_CHOICES)
        self.change(language=choices[(choices.index(current) + 1) % len(choices)])

    def toggle(self, name: str) -> None:
        self.change(**{name: not getattr(self.app.settings, name)})

    def change(self, **changes) -> None:
        """Apply now; remember just this change on top of what was saved before."""
        app = self.app
        app.apply_settings(app.settings.with_(**changes))
        path = app.services.settings_file
        if path is None:
            return
        saved, _problem = load_settings(path)
        reason = save_settings(path, saved.with_(**changes))
        if reason:
            app.toast(app.tr("settings.saved_nowhere", reason=reason), "danger", 8)

    def draw_content(self, canvas) -> None:
        c, app = self.app.theme.colours, self.app
        left, top = self.panel.left + PAD, self.panel.top + PAD
        canvas.text(app.tr("settings.title"), (left, top), "bold", app.size("heading"), c.text)
        y = top + app.text.line_height(app.size("heading")) + 12
        canvas.paragraph(self.intro, pygame.Rect(left, y, self.width - 2 * PAD, self.intro.height), c.muted)

    def autoplay(self, command) -> list | None:
        return self.keys_to("close")


def open_settings(app) -> None:
    """The settings button on the picker, intro and pause screens."""
    if not isinstance(app.stack.top, SettingsScreen):
        app.stack.push(SettingsScreen(app))
