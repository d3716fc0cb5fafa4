"""A reflection moment: type an answer, pick a point on a scale, or talk it through as a group.

Typed text is kept as a draft while typing (``session.save_draft``): the
first key after a pause at once, then at most every ``SAVE_EVERY_S`` while
the typing goes on, and when leaving.  The loop is woken for it
(:meth:`wake_ms`), so a crash or a pulled plug loses at most the last
``SAVE_EVERY_S`` (0.2 s) of typing plus one write: measured with
``scripts/kill_test.py --game`` (docs/robustness.md).
Confirming sends ``AnswerReflection``; "Overslaan" sends ``SkipReflection``.
The discussion card shows a countdown of the scenario's ``minutes``; it
never forces the group on.

Keys (docs/rules.md, "Controls"): Ctrl+Enter confirms on every kind, from
anywhere on the screen.  In a text field Enter starts a new line, so the
text and discuss buttons say "(Ctrl+Enter)"; on a scale Space (F5, a digit
or a click) picks a value and Enter confirms, so that button says "(Enter)".
"""

from __future__ import annotations

import time

import pygame

from escapebox.core import commands as C
from escapebox.ui.clock_text import clock_text
from escapebox.ui.screens.base import GameScreen
from escapebox.ui.widgets import Button, TextArea, TextBox
from escapebox.ui.widgets.base import ENTER_KEYS

GAP = 24
SAVE_EVERY_S = 0.2
#: the confirm button's label per kind: it names the key that confirms (see the module docstring)
CONFIRM_LABEL = {"scale": "ui.reflection.confirm_scale", "discuss": "ui.reflection.confirm_discuss"}


class ReflectionScreen(GameScreen):
    name = "reflection"
    back_button = False
    tools = ("clues", "items", "help")

    def __init__(self, app, reflection_id: str):
        super().__init__(app)
        self.reflection_id = reflection_id
        self.reflection = app.game.scenario.reflections[reflection_id]
        self.kind = self.reflection.kind
        self.name = f"reflection-{self.kind}"
        self.text = app.game.session.draft(reflection_id) if self.kind in ("text", "discuss") else ""
        self.value: int | None = None
        self.unsaved = False
        self.last_save = 0.0
        self.started = time.monotonic()
        self.message: str | None = None
        #: the discuss countdown's last drawn second
        self._second: int | None = None

    def title(self) -> str:
        return self.app.tr(f"ui.reflection.title_{self.kind}")

    # ------------------------------------------------------------ layout

    def build(self, area: pygame.Rect) -> list:
        tr, canvas = self.app.tr, self.app.canvas
        prompt = TextBox(self.reflection.prompt, pygame.Rect(area.left, area.top, area.width, 10), key="prompt",
                         role="heading", style="bold")
        limit = area.height // 3 if self.kind != "discuss" else area.height // 2
        prompt.rect.height = min(prompt.measure(canvas, self.app), limit)
        self.prompt_box = prompt
        confirm = Button(tr(CONFIRM_LABEL.get(self.kind, "ui.reflection.confirm")), self.confirm, key="confirm",
                         kind="primary")
        skip = Button(tr("ui.reflection.skip"), self.skip, key="skip")
        button_h = max(confirm.preferred_height(canvas, self.app, 560), skip.preferred_height(canvas, self.app, 400))
        confirm.rect = pygame.Rect(area.right - 560, area.bottom - button_h, 560, button_h)
        skip.rect = pygame.Rect(confirm.rect.left - GAP - 400, confirm.rect.top, 400, button_h)
        self.message_rect = pygame.Rect(area.left, confirm.rect.top, skip.rect.left - GAP - area.left, button_h)
        middle = pygame.Rect(area.left, prompt.rect.bottom + GAP, area.width, confirm.rect.top - GAP - prompt.rect.bottom - GAP)
        # "Overslaan" comes before the answer in the focus order: after the answer the next control
        # is the confirm, and one PageDown too many goes on to the toolbar, never to skipping
        # (played by clicker: 5, "Bevestigen", then "Overslaan" one press further)
        return [prompt, skip] + getattr(self, f"_build_{self.kind}")(middle) + [confirm]

    def _build_text(self, area: pygame.Rect) -> list:
        self.entry = TextArea(self.text, area, key="answer", on_change=self._typed, placeholder=self.app.tr(
            "ui.reflection.placeholder"), on_submit=self.confirm, max_length=20000)
        return [self.entry]

    def _build_discuss(self, area: pygame.Rect) -> list:
        self.clock_rect = pygame.Rect(area.left, area.top, area.width, 150)
        notes = pygame.Rect(area.left, area.top + 150 + GAP + 40, area.width, area.height - 150 - GAP - 40)
        self.notes_label = (notes.left, notes.top - 44)
        self.entry = TextArea(self.text, notes, key="answer", on_change=self._typed,
                              placeholder=self.app.tr("ui.reflection.notes_placeholder"), on_submit=self.confirm,
                              max_length=20000)
        return [self.entry]

    def _build_scale(self, area: pygame.Rect) -> list:
        scale = self.reflection.scale_or_default
        values = list(range(scale.min, scale.max + 1))
        width = min(200, (area.width - GAP * (len(values) - 1)) // len(values))
        total = len(values) * width + (len(values) - 1) * GAP
        left = area.centerx - total // 2
        top = area.top + 60
        buttons = []
        for n, value in enumerate(values):
            button = Button(str(value), lambda v=value: self.choose(v), key=f"value:{value}", role="title",
                            selected=None, item=True)
            button.kind = "primary" if value == self.value else "normal"
            button.rect = pygame.Rect(left + n * (width + GAP), top, width, 150)
            buttons.append(button)
        self.scale_labels = (scale.low, scale.high, buttons[0].rect, buttons[-1].rect)
        return buttons

    def default_focus(self) -> str | None:
        if self.kind == "scale":
            return f"value:{self.reflection.scale_or_default.min}"
        return "answer" if self.kind == "text" else "confirm"

    # ------------------------------------------------------------ actions

    def _typed(self, text: str) -> None:
        self.text = text
        self.unsaved = True
        self.message = None

    def _save_draft(self) -> None:
        if self.unsaved:
            self.unsaved = False
            self.last_save = time.monotonic()
            self.app.game.session.save_draft(self.reflection_id, self.text)
            self.app.game._check_saving()

    def choose(self, value: int) -> None:
        """Pick a value; the focus goes to the confirm, so a clicker's next F5 confirms what it picked."""
        self.value = value
        self.message = None
        self.layout()
        self.focus.focus_key("confirm")

    def confirm(self) -> None:
        if self.kind == "scale":
            if self.value is None:
                self.message = self.app.tr("ui.reflection.pick_first")
                return
            answer = str(self.value)
        elif self.kind == "text":
            if not self.text.strip():
                self.message = self.app.tr("ui.reflection.type_first")
                return
            answer = self.text.strip()
        else:
            answer = self.text.strip() or self.app.tr("ui.reflection.discussed")
        self._save_draft()
        self._finish(C.AnswerReflection(self.reflection_id, answer))

    def skip(self) -> None:
        self._save_draft()
        self._finish(C.SkipReflection(self.reflection_id))

    def _finish(self, command) -> None:
        outcome = self.app.game.apply(command)
        if outcome.refused:
            self.message = self.app.game.message(outcome.refused)
            return
        if isinstance(command, C.AnswerReflection):
            # the group should see its answer is not lost: saved to disk, or (--no-save) kept for the debrief
            saved = self.app.game.session.store is not None
            self.app.toast(self.app.tr("ui.reflection.saved" if saved else "ui.reflection.kept"), "success")
        self.app.game.route()

    def update(self, dt: float) -> bool:
        if self.unsaved and time.monotonic() - self.last_save >= SAVE_EVERY_S:
            self._save_draft()
        if self.kind == "discuss":
            second = int(time.monotonic() - self.started)
            if second != self._second:
                self._second = second
                self.app.invalidate()
        return super().update(dt)

    def wake_ms(self) -> int | None:
        """Wake the loop for the draft that waits, and for the discuss countdown's next second."""
        wake = None
        if self.unsaved:
            wake = max(1, int((self.last_save + SAVE_EVERY_S - time.monotonic()) * 1000) + 1)
        if self.kind == "discuss":
            second = int((1.0 - (time.monotonic() - self.started) % 1.0) * 1000) + 5
            wake = second if wake is None else min(wake, second)
        return wake

    def exit(self) -> None:
        self._save_draft()
        super().exit()

    def handle(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in ENTER_KEYS and event.mod & pygame.KMOD_CTRL:
            self.confirm()                    # Ctrl+Enter: wherever the focus is (a text field does the same)
            return True
        if self._starts_notes(event):
            self.focus.focus_key("answer")
            # SDL starts text input only now that a field has the focus, so this key made no
            # TEXTINPUT of its own (seen by hand: the first letter was lost): it is the first one
            self.hold_shortcuts()
            self.entry.handle(pygame.event.Event(pygame.TEXTINPUT, text=event.unicode), self.app)
            return True
        return super().handle(event)

    def _starts_notes(self, event) -> bool:
        """A letter typed on the discussion card while the focus is on a button starts the notes.

        The card opens on "Klaar met bespreken", so a group that just talks confirms with one key.
        A group that starts typing its notes there lost them (found playing student-met-rugzak by
        hand): the letters went to the shortcuts (C opened the clue book) and the first space pressed
        "Klaar", saving "besproken".  Space, Enter and Tab keep working the focused button.
        """
        if self.kind != "discuss" or event.type != pygame.KEYDOWN or self.focus.focused is self.entry:
            return False
        if event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
            return False
        text = getattr(event, "unicode", "")
        return len(text) == 1 and text.isprintable() and not text.isspace()

    def main_action(self) -> bool:
        """Enter on a scale value (or with the focus on nothing): confirm, as the button says."""
        self.confirm()
        return True

    def on_key(self, event) -> bool:
        if self.kind == "scale" and event.unicode and event.unicode.isdigit():
            value = int(event.unicode)
            scale = self.reflection.scale_or_default
            if scale.min <= value <= scale.max:
                self.choose(value)
                return True
        return super().on_key(event)

    def pager(self):
        return self.prompt_box

    # ------------------------------------------------------------ drawing

    def draw_content(self, canvas) -> None:
        c, app = self.app.theme.colours, self.app
        if self.kind == "discuss":
            self._draw_countdown(canvas)
            canvas.text(app.tr("ui.reflection.notes_label"), self.notes_label, "regular", app.size("small"), c.muted)
        if self.kind == "scale":
            low, high, first, last = self.scale_labels
            size = app.size("small")
            if low:
                layout = canvas.layout(low, "regular", size, 420)
                canvas.paragraph(layout, pygame.Rect(first.left, first.bottom + 16, 420, layout.height), c.muted)
            if high:
                layout = canvas.layout(high, "regular", size, 420)
                canvas.paragraph(layout, pygame.Rect(last.right - 420, last.bottom + 16, 420, layout.height), c.muted,
                                 align="right")
        if self.message:
            layout = canvas.layout(self.message, "bold", app.size("body"), self.message_rect.width)
            canvas.paragraph(layout, self.message_rect, c.danger)

    def _draw_countdown(self, canvas) -> None:
        c, app = self.app.theme.colours, self.app
        minutes = self.reflection.minutes or 3
        left = minutes * 60 - (time.monotonic() - self.started)
        rect = self.clock_rect
        canvas.fill(rect, c.panel_alt, 12)
        label = app.tr("ui.reflection.discuss_time", minutes=minutes) if left > 0 else app.tr("ui.reflection.discuss_over")
        canvas.text(label, (rect.left + 32, rect.centery), "regular", app.size("body"), c.text, "midleft")
        canvas.text(clock_text(max(0, left) if left > 0 else 0), (rect.right - 32, rect.centery), "bold",
                    app.size("display"), c.danger if left <= 0 else c.text, "midright")
        done = 1 - max(0.0, left) / (minutes * 60)
        bar = pygame.Rect(rect.left, rect.bottom - 10, int(rect.width * done), 10)
        canvas.fill(bar, c.accent)

    # ------------------------------------------------------------ automation

    def autoplay(self, command) -> list | None:
        if not isinstance(command, C.AnswerReflection) or command.reflection != self.reflection_id:
            return self.keys_to("skip")
        if self.kind == "scale":
            if self.value != int(command.answer):
                return [("key", str(command.answer), f"value:{command.answer}")]
            return self.keys_to("confirm")
        if self.kind == "text" and not self.text.strip():
            keys = [] if self.focus.focused is self.entry else self.keys_to("answer", press="none")
            return keys + [("text", command.answer)]
        return self.keys_to("confirm")
