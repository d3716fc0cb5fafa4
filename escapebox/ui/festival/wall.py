"""The trainer's wall (``escapebox festival``): every group on one screen, and the trainer's controls.

One row per group (:mod:`escapebox.festival.wall` decides what a row says and
the order: groups that need help first), each a widget that Tab, the arrow
keys or a click selects.  The controls below act on the selected group, or
on all groups after "Aan: alle groepen" (A).  Every state is written, not
only coloured: "VAST 6 min", "offline", "terug", "pauze", "klaar".

The rows are redrawn whenever the hub has news (``hub.version``; the hub's
thread posts :data:`HUB_NEWS` to wake the loop) and at least every second,
because the clocks run on the wall's own clock between status messages.
"""

from __future__ import annotations

import math
import time

import pygame

from escapebox.festival import protocol as P
from escapebox.festival.wall import STUCK_MINUTES, Row, rows
from escapebox.ui.clock_text import clock_text
from escapebox.ui.screen import Screen
from escapebox.ui.widgets import Button, TextField
from escapebox.ui.widgets.base import Widget
from escapebox.ui.widgets.button import PAD_X

#: how often the idle loop looks at the hub even without a HUB_NEWS event (a lost wake-up costs
#: at most this; the issue's budget for a group's commit to show on the wall is 250 ms at p95)
WAKE_MS = 200
MARGIN = 40
HEAD_H = 150
FIVE_MINUTES = 300
#: the message field: room for about 40 characters at the beamer's text size
MESSAGE_W = 640
#: the table's columns: catalogue key of the heading, left edge and width in logical units
COLUMNS = (("group", 40, 280), ("scenario", 320, 260), ("room", 580, 260), ("locks", 840, 130),
           ("time", 970, 130), ("hints", 1100, 110), ("idle", 1210, 140), ("choices", 1350, 220),
           ("state", 1570, 310))


#: posted by the hub's network thread so the sleeping loop draws news at once, not at its next wake-up
HUB_NEWS = pygame.event.custom_type()


def _wake_loop(session: str, numbers: list[int]) -> None:
    try:
        pygame.event.post(pygame.event.Event(HUB_NEWS))
    except pygame.error:          # the window is closing: nothing to wake
        pass


def fit(canvas, text: str, style: str, size: int, width: int) -> str:
    """The text, shortened with an ellipsis until it fits ``width``."""
    return _fit(canvas, text, style, size, width)


def _fit(canvas, text: str, style: str, size: int, width: int) -> str:
    if canvas.measure(text, style, size) <= width:
        return text
    while text and canvas.measure(text + "…", style, size) > width:
        text = text[:-1]
    return text + "…"


class GroupRow(Widget):
    """One group's row: selecting it makes it the target of the controls."""

    def __init__(self, screen: "WallScreen", row: Row, rect):
        super().__init__(rect, f"group:{row.session}", on_activate=lambda: screen.select(row.session))
        self.screen, self.row = screen, row
        #: the cells' texts, made once: a row is drawn twice a frame (escapebox/ui/partial.py) and made anew
        #: with every layout, which every change of what it shows brings
        self._cells: list[str] | None = None

    def handle(self, event, ctx) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_SPACE, pygame.K_KP_ENTER):
            self.activate()
            return True
        return False

    def focus_changed(self, focused: bool, ctx) -> None:
        if focused:            # the arrow keys and Tab move the focus: the selection goes with it
            self.screen.follow(self.row.session)

    def draw(self, canvas, ctx, focused: bool) -> None:
        c, r = ctx.theme.colours, self.row
        selected = self.screen.selected == r.session
        alarm = r.stuck or r.connection == "offline" or r.overtime
        canvas.fill(self.rect, c.panel_alt if selected else c.panel, 8)
        canvas.frame(self.rect, c.danger if alarm else (c.accent if selected else c.border), 4 if alarm else 2, 8)
        size = ctx.size("small")
        top, height = self.rect.top - 3, self.rect.height + 6
        if self._cells is None:
            self._cells = self.screen.cells(r)
        for (column, left, width), text in zip(COLUMNS, self._cells):
            if canvas.misses((left, top, width, height)):     # a cell the partial redraw leaves as it was
                continue
            style = "bold" if column in ("group", "state") or (column == "time" and r.overtime) else "regular"
            colour = c.danger if column == "state" and alarm else c.text
            canvas.text(self.screen.fitted(canvas, text, style, size, width - 16), (left + 8, self.rect.centery), style, size,
                        colour, "midleft")


class WallScreen(Screen):
    name = "festival-wall"
    redraws_changes = True

    def __init__(self, app, hub, code: str, address: str, clock=time.monotonic):
        super().__init__(app)
        self.hub, self.code, self.address, self.clock = hub, code, address, clock
        self.stuck_minutes = STUCK_MINUTES
        self.selected: str | None = None
        self.to_all = False
        self.confirm_end = False
        self.first = 0             # the first row shown (PageDown/PageUp when there are more groups)
        self.feedback = ""
        self.controls_top = 1080 - MARGIN
        self._seen = (-1, -1)
        self.rows: list[Row] = []
        self._fitted: dict[tuple, str] = {}
        self._fitted_for: tuple | None = None
        hub.listeners.append(_wake_loop)
        self.message = TextField("", key="message", placeholder=app.tr("festival.wall.message_placeholder"),
                                 max_length=P.MAX_TEXT, on_submit=lambda _text=None: self.send_message())

    # ----- what is shown ----------------------------------------------------------------------------------
    def fitted(self, canvas, text: str, style: str, size: int, width: int) -> str:
        """:func:`fit`, remembered: the wall draws about 100 cells twice a second (escapebox/ui/partial.py's
        dry pass and the redraw), nearly all as a second before; measuring them was a fifth of a frame."""
        app = self.app
        fonts = (app.theme, app.settings, canvas.text_renderer)
        if fonts != self._fitted_for or len(self._fitted) > 4000:
            self._fitted_for, self._fitted = fonts, {}
        key = (text, style, size, width)
        shown = self._fitted.get(key)
        if shown is None:
            shown = self._fitted[key] = fit(canvas, text, style, size, width)
        return shown


    def refresh(self) -> None:
        self.rows = rows(self.hub.tracks(), self.clock(), self.stuck_minutes)
        if self.selected not in {r.session for r in self.rows}:
            self.selected = self.rows[0].session if self.rows else None

    def update(self, dt: float) -> bool:
        seen = (self.hub.version, int(self.clock()))
        if seen != self._seen:
            self._seen = seen
            self.layout()
            self.app.invalidate()
            # a new second changes the rows' clocks and little else: only what differs is drawn
            # (escapebox/ui/partial.py; 11.7 ms a second at 3840×2160 when the whole wall was drawn)
            self.app.canvas.may_redraw_changes = True
        return super().update(dt)

    def wake_ms(self) -> int | None:
        return WAKE_MS

    def row_height(self) -> int:
        return math.ceil(self.app.size("small") * 1.6)

    def table_area(self) -> pygame.Rect:
        top = HEAD_H + self.row_height() + 8
        return pygame.Rect(MARGIN, top, 1920 - 2 * MARGIN, self.controls_top - 70 - top)

    def button_height(self) -> int:
        return math.ceil(self.app.size("small") * 2.1)

    def visible_count(self) -> int:
        return max(1, self.table_area().height // (self.row_height() + 6))

    def cells(self, r: Row) -> list[str]:
        tr = self.app.tr
        time_left = "–" if r.remaining is None else (
            ("+" + clock_text(-r.remaining)) if r.remaining < 0 else clock_text(r.remaining))
        idle = "–" if r.idle is None else tr("festival.wall.minutes", minutes=int(r.idle // 60))
        choices = f"{len(r.choices)}: {r.choices[-1]}" if r.choices else "–"
        return [r.group, r.scenario, r.room, f"{r.opened}/{r.locks}", time_left, str(r.hints), idle, choices,
                self.state_text(r)]

    def state_text(self, r: Row) -> str:
        tr = self.app.tr
        if r.ended:
            return tr("festival.wall.state.ended")
        if r.stuck:
            return tr("festival.wall.state.stuck", minutes=int(r.stuck_for // 60))
        if r.connection in ("offline", "back", "waiting"):
            return tr(f"festival.wall.state.{r.connection}")
        if r.overtime:
            return tr("festival.wall.state.overtime")
        return tr("festival.wall.state.paused") if r.paused else tr("festival.wall.state.playing")

    # ----- widgets ------------------------------------------------------------------------------------------
    def layout(self) -> None:
        self.refresh()
        controls = self._controls()
        area, row_h = self.table_area(), self.row_height()
        self.first = min(self.first, max(0, len(self.rows) - self.visible_count()))
        widgets: list = []
        for n, r in enumerate(self.rows[self.first:self.first + self.visible_count()]):
            widgets.append(GroupRow(self, r, pygame.Rect(area.left, area.top + n * (row_h + 6), area.width, row_h)))
        self.set_widgets(widgets + controls, default=f"group:{self.selected}" if self.selected else "target")

    def _controls(self) -> list:
        """The buttons and the message field, flowed in lines from the left as wide as their labels;
        sets :attr:`controls_top` (at the beamer's text size they take a line more)."""
        tr = self.app.tr
        target = self.target_row()
        to_label = tr("festival.wall.to_all") if self.to_all or target is None else \
            tr("festival.wall.to_group", group=target.group)
        specs = [(to_label, self.toggle_all, "target"),
                 (tr("festival.wall.pause"), lambda: self.send("pause"), "pause"),
                 (tr("festival.wall.resume"), lambda: self.send("resume"), "resume"),
                 (tr("festival.wall.plus"), lambda: self.send("time", seconds=FIVE_MINUTES), "plus"),
                 (tr("festival.wall.minus"), lambda: self.send("time", seconds=-FIVE_MINUTES), "minus"),
                 (tr("festival.wall.hint"), self.send_hint, "hint"),
                 (tr("festival.wall.end_sure" if self.confirm_end else "festival.wall.end"), self.end, "end"),
                 None,      # the message field
                 (tr("festival.wall.send_message"), self.send_message, "send"),
                 (tr("festival.wall.stuck_less"), lambda: self.adjust_stuck(-1), "stuck_less"),
                 (tr("festival.wall.stuck_more"), lambda: self.adjust_stuck(1), "stuck_more")]
        size, h, gap = self.app.size("small"), self.button_height(), 16
        placed, x, line = [], MARGIN, 0
        for spec in specs:
            if spec is None:
                widget, width = self.message, MESSAGE_W
            else:
                label, action, key = spec
                kind = "danger" if key == "end" and self.confirm_end else "normal"
                widget = Button(label, action, key=key, kind=kind, role="small")
                width = self.app.canvas.measure(label, "bold", size) + 2 * PAD_X + 8
            if x + width > 1920 - MARGIN and x > MARGIN:
                x, line = MARGIN, line + 1
            placed.append((widget, x, line, width))
            x += width + gap
        self.controls_top = 1080 - MARGIN - (line + 1) * (h + gap) + gap
        for widget, x, line, width in placed:
            widget.rect = pygame.Rect(x, self.controls_top + line * (h + gap), width, h)
        return [widget for widget, *_ in placed]

    # ----- the controls ---------------------------------------------------------------------------------------
    def select(self, session: str) -> None:
        self.selected, self.to_all, self.confirm_end = session, False, False
        self.layout()

    def follow(self, session: str) -> None:
        """The focus came to a group's row: it is the target now (laid out again on the next frame,
        not while the focus group is busy moving)."""
        if session != self.selected or self.to_all:
            self.selected, self.to_all, self.confirm_end = session, False, False
            self._seen = (-1, -1)

    def target_row(self) -> Row | None:
        return next((r for r in self.rows if r.session == self.selected), None)

    def toggle_all(self) -> None:
        self.to_all = not self.to_all
        self.confirm_end = False
        self.layout()

    def send(self, action: str, **fields) -> None:
        target = None if self.to_all else self.target_row()
        if target is None and not self.to_all:
            self.feedback = self.app.tr("festival.wall.nobody")
        else:
            self.hub.send(action, None if target is None else target.session, **fields)
            who = self.app.tr("festival.wall.everyone") if target is None else target.group
            self.feedback = self.app.tr(f"festival.wall.sent.{action}", who=who)
        self.confirm_end = False
        self.layout()
        self.app.invalidate()

    def send_hint(self) -> None:
        target = None if self.to_all else self.target_row()
        hint = target.next_hint if target is not None else None
        self.send("hint", puzzle=hint.puzzle if hint else None)

    def send_message(self) -> None:
        text = self.message.text.strip()
        if not text:
            self.feedback = self.app.tr("festival.wall.empty_message")
            self.app.invalidate()
            return
        self.send("message", text=text[:P.MAX_TEXT])
        self.message.set_text("")

    def end(self) -> None:
        if not self.confirm_end:
            self.confirm_end = True
            self.layout()
            self.app.invalidate()
            return
        self.send("end")

    def adjust_stuck(self, minutes: int) -> None:
        self.stuck_minutes = max(1, min(60, self.stuck_minutes + minutes))
        self.layout()
        self.app.invalidate()

    def on_key(self, event) -> bool:
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            step = self.visible_count() * (1 if event.key == pygame.K_PAGEDOWN else -1)
            self.first = max(0, self.first + step)
            self.layout()
            return True
        focused = self.focus.focused
        if focused is not None and focused.takes_text:
            return False          # a letter typed into the message is text, not a command
        shortcut = {pygame.K_a: self.toggle_all, pygame.K_p: lambda: self.send("pause"),
                    pygame.K_r: lambda: self.send("resume"), pygame.K_h: self.send_hint, pygame.K_e: self.end,
                    pygame.K_PLUS: lambda: self.send("time", seconds=FIVE_MINUTES),
                    pygame.K_KP_PLUS: lambda: self.send("time", seconds=FIVE_MINUTES),
                    pygame.K_MINUS: lambda: self.send("time", seconds=-FIVE_MINUTES),
                    pygame.K_KP_MINUS: lambda: self.send("time", seconds=-FIVE_MINUTES),
                    pygame.K_LEFTBRACKET: lambda: self.adjust_stuck(-1),
                    pygame.K_RIGHTBRACKET: lambda: self.adjust_stuck(1),
                    pygame.K_m: lambda: self.focus.focus_key("message")}.get(event.key)
        if shortcut is None:
            return False
        shortcut()
        return True

    # ----- drawing ------------------------------------------------------------------------------------------------
    def draw(self, canvas) -> None:
        app, c, tr = self.app, self.app.theme.colours, self.app.tr
        if app.theme.background_image is not None:     # App.draw has just cleared the canvas; only hide the picture
            canvas.clear(c.background, c.letterbox)
        join = tr("festival.wall.join", code=self.code, address=self.address)
        joined = canvas.text(join, (1920 - MARGIN, 24), "bold", app.size("heading"), c.accent, "topright")
        # the code and the address are what groups must read from afar: the title gives way to them
        room = joined.left - MARGIN - 40
        title = tr("festival.wall.title", name=self.hub.name or self.code)
        size = app.size("title") if canvas.measure(title, "bold", app.size("title")) <= room else app.size("heading")
        canvas.text(fit(canvas, title, "bold", size, room), (MARGIN, 24), "bold", size, c.text)
        summary = tr("festival.wall.summary", groups=len(self.rows),
                     help=sum(1 for r in self.rows if r.stuck or r.connection == "offline"),
                     minutes=self.stuck_minutes)
        if not self.hub.connected:       # the wall keeps trying; the trainer must know the groups cannot reach it
            summary = tr("festival.wall.no_broker", address=self.address)
        canvas.text(summary, (1920 - MARGIN, 90), "bold" if not self.hub.connected else "regular",
                    app.size("small"), c.danger if not self.hub.connected else c.muted, "topright")
        self._draw_headings(canvas)
        if not self.rows:
            canvas.text(tr("festival.wall.no_groups", code=self.code), (960, 420), "bold", app.size("heading"),
                        c.muted, "center")
        super().draw(canvas)
        self._draw_footer(canvas)

    def _draw_headings(self, canvas) -> None:
        c, size = self.app.theme.colours, self.app.size("small")
        y = HEAD_H + self.row_height() // 2
        for column, left, width in COLUMNS:
            label = fit(canvas, self.app.tr(f"festival.wall.column.{column}"), "bold", size, width - 16)
            canvas.text(label, (left + 8, y), "bold", size, c.muted, "midleft")

    def _draw_footer(self, canvas) -> None:
        app, c, tr = self.app, self.app.theme.colours, self.app.tr
        size = app.size("small")
        y = self.controls_top - 36
        target = self.target_row()
        line = ""
        if target is not None and not self.to_all:
            hint = target.next_hint
            line = tr("festival.wall.next_hint", group=target.group, puzzle=hint.title, number=hint.number,
                      of=hint.of) if hint else tr("festival.wall.no_next_hint", group=target.group)
        hidden = len(self.rows) - self.first - self.visible_count()
        if hidden > 0:
            line += "   " + tr("festival.wall.more", count=hidden)
        canvas.text(fit(canvas, line, "regular", size, 1100), (MARGIN, y), "regular", size, c.text, "midleft")
        if self.feedback:
            canvas.text(fit(canvas, self.feedback, "bold", size, 700), (1920 - MARGIN, y), "bold", size, c.accent,
                        "midright")

    def autoplay(self, command) -> list | None:
        return None       # the trainer's wall is never played by the auto-player


def wall_app(hub, code: str, address: str, *, beamer: bool = False, window=(1280, 720), language: str | None = None,
             fullscreen: bool | None = None):
    """An App with the wall on its stack (``escapebox festival``; the tests build it the same way).

    ``beamer`` is the play command's beamer preset (large text, full screen); ``fullscreen`` overrides
    the full screen (a screenshot of the beamer's text at 1920×1080 in a window)."""
    from escapebox.i18n import Translator
    from escapebox.ui.app import App
    from escapebox.ui.main import PlayOptions, settings_for
    from escapebox.ui.settings import effective_language, load_settings, settings_path
    options = PlayOptions(beamer=beamer, window=window, language=language, sound=False)
    saved, _problem = load_settings(settings_path(None))
    settings = settings_for(options, saved)
    if fullscreen is not None:
        settings = settings.with_(fullscreen=fullscreen)
    app = App(settings, Translator(effective_language(settings)), size=window)
    pygame.display.set_caption(app.tr("festival.wall.window_title"))
    app.stack.push(WallScreen(app, hub, code, address))
    app.idle_tasks.append(_import_key_check)
    return app


def _import_key_check() -> None:
    """Import what the first key press needs while the wall waits: ``App._global_key`` imports the trainer
    overlay's key check on the first key, and that took 40-60 ms of the first letter typed into the message
    field at 3840×2160 (cProfile; the frame benchmark's typing p99 was that one letter, 28-42 ms)."""
    import escapebox.ui.facilitator.overlay  # noqa: F401
