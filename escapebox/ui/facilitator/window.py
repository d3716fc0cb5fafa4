"""``escapebox play --console``: the trainer's console in a second window next to the players'.

pygame-ce 2.5 has ``pygame.Window``: we draw into ``window.get_surface()``
and ``window.flip()``.  Events carry ``event.window``; the app hands the
console every event of its window (:meth:`ConsoleWindow.owns`).  The
console has its own canvas and text renderer, because its size (and so
its scale) differs from the players' window; theme, language and text
size are the app's.  If no second window can be opened, the overlay
(Ctrl+Shift+F) is the way in and a message says so.
"""

from __future__ import annotations

import logging

import pygame

from escapebox.ui.canvas import Canvas
from escapebox.ui.facilitator.panel import ConsolePanel
from escapebox.ui.images import ImageCache
from escapebox.ui.text import TextRenderer
from escapebox.ui.widgets import FocusGroup

log = logging.getLogger(__name__)

CONSOLE_SIZE = (1120, 630)
MOUSE = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION)
RESIZE = (pygame.WINDOWSIZECHANGED, pygame.WINDOWRESIZED, pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED)
#: the letters a Dutch or English console shows, loaded into its fonts before the game starts (see :meth:`warm_fonts`)
GLYPHS = ("ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 .,:;!?'\"()[]-+/%&*#@=<>·—–…"
          " ëéèêïíöóüúáàç ‘’“”€×")
#: the panel's text: labels and the header in these styles at the small size, the info panel at the body size
CONSOLE_FONTS = (("regular", "small"), ("bold", "small"), ("regular", "body"), ("bold", "body"))


class ConsoleContext:
    """The app as widgets see it, but with the console's canvas and mouse."""

    def __init__(self, app, canvas: Canvas):
        self._app = app
        self.canvas = canvas

    def __getattr__(self, name):
        return getattr(self._app, name)

    def mouse_pos(self) -> tuple[int, int]:
        return self.canvas.to_logical(pygame.mouse.get_pos())


class ConsoleWindow:
    def __init__(self, app, window):
        self.app = app
        self.window = window
        assets = app.assets
        text = TextRenderer(app.fonts, app.theme.line_spacing)
        images = ImageCache(assets / "icons" if assets else None)
        self.canvas = Canvas(window.get_surface(), text, images)
        self.ctx = ConsoleContext(app, self.canvas)
        self.focus = FocusGroup()
        self.focus.ctx = self.ctx
        self.panel = ConsolePanel(app, hide_solutions=False, report=self.report)
        self.message: tuple[str, str] | None = None
        self._signature = None
        self._ended = False
        self._shown: tuple | None = None      # what the console window shows now (see :meth:`draw`)

    # ------------------------------------------------------------ events

    def owns(self, event) -> bool:
        window = getattr(event, "window", None)
        return window is not None and getattr(window, "id", None) == self.window.id

    def handle(self, event) -> None:
        if event.type == pygame.WINDOWCLOSE:
            self.close()
            return
        if event.type in RESIZE:
            scale = self.canvas.scale
            self.canvas.resize(self.window.get_surface())
            self._shown = None
            if self.canvas.scale != scale and self.warm_fonts not in self.app.idle_tasks:
                self.app.idle_tasks.append(self.warm_fonts)
            return
        if self.app.game is None:
            return
        if event.type in MOUSE:
            event = pygame.event.Event(event.type, {**event.dict, "pos": self.canvas.to_logical(event.pos)})
        self.focus.handle(event, self.ctx)
        self._shown = None
        self.app.invalidate()

    def report(self, text: str, kind: str) -> None:
        self.message = (text, kind)

    # ------------------------------------------------------------ drawing

    def warm_fonts(self) -> None:
        """Load the glyphs of the console's fonts while the group reads the intro or types its name.

        The console draws at its own scale (0.58 at 1120×630), so its fonts are not the players' ones;
        a font measures and renders each letter slowly the first time: a line of 30 letters took
        0.5–0.7 ms to measure and 0.3–0.5 ms to render on a new font, 5 µs and 18 µs after that
        (pygame-ce 2.5.8, Atkinson Hyperlegible).  Without this the console's first frame with a game,
        drawn in the same turn as the first room, took 5.5–5.9 ms instead of 0.8 (the whole turn 10.5 ms,
        benchmarks/frames.py --console).
        """
        renderer = self.canvas.text_renderer
        for style, role in CONSOLE_FONTS:
            px = max(6, round(self.app.size(role) * renderer.scale))
            for size in (px, px - 1):             # one smaller where a line would run wide (TextRenderer._fitting_px)
                font = self.app.fonts.get(style, size)
                font.size(GLYPHS)
                font.render(GLYPHS, True, self.app.theme.colours.text)

    def draw(self) -> None:
        """Redrawn with the players' screen (every clock second and after every change) when it shows something new.

        The players' window draws after every key press there; the console's
        picture (1.2 ms at 1920×1080 on the development machine) is kept when
        nothing it shows changed: its layout, clock line, message, window, theme
        and settings (an event in the console window itself always draws it).
        """
        shown = self._shows()
        if shown == self._shown:
            return
        self._draw()
        self._shown = self._shows()

    def _shows(self) -> tuple:
        app = self.app
        live = (self.panel.signature(), self.panel._clock_line()) if app.game is not None else None
        return (live, self.message, self._signature, self.window.get_surface().get_size(), app.theme, app.settings)

    def _draw(self) -> None:
        c = self.app.theme.colours
        self.canvas.clear(c.background, c.letterbox)
        if self.app.game is None:
            self._draw_waiting(c)
        else:
            if self.panel.signature() != self._signature:
                self._forget_live_message()
                self.focus.set(self.panel.build(self.ctx), self.ctx)
                self._signature = self.panel.signature()
            self.panel.draw(self.canvas, self.ctx)
            self.focus.draw(self.canvas, self.ctx)
            self._draw_message(c)
        self.window.flip()

    def _forget_live_message(self) -> None:
        """At the end of the game a message about the game in play ("Het spel staat op pauze") goes."""
        ended = self.app.game.session.state.ended
        if ended and not self._ended:
            self.message = None
        self._ended = ended

    def _draw_waiting(self, c) -> None:
        self.canvas.text(self.app.tr("facilitator.console.waiting"), (960, 540), "bold", self.app.size("heading"),
                         c.muted, "center")

    def _draw_message(self, c) -> None:
        if not self.message:
            return
        text, kind = self.message
        colour = {"success": c.success, "danger": c.danger}.get(kind, c.accent)
        layout = self.canvas.layout(text, "bold", self.app.size("small"), 900)
        rect = pygame.Rect(0, 0, 960, layout.height + 24)
        rect.topright = (1880, 14)
        self.canvas.fill(rect, colour, 12)
        fg = c.accent_text if self.app.theme.name == "default" else c.background
        self.canvas.paragraph(layout, rect.inflate(-40, -24), fg, align="center")

    def close(self) -> None:
        """Closing the console leaves the game running; Ctrl+Shift+F still opens the overlay."""
        if self.app.console is self:
            self.app.console = None
        try:
            self.window.destroy()
        except pygame.error:
            pass


def open_console(app) -> ConsoleWindow | None:
    """A second window beside the players' window; None (and a message) when that is impossible."""
    try:
        window = pygame.Window(app.tr("facilitator.console.window_title"), CONSOLE_SIZE, resizable=True)
    except (pygame.error, AttributeError) as exc:
        log.warning("Escapebox: no console window: %s", exc)
        app.toast(app.tr("facilitator.console.fallback"), "info", 10)
        return None
    console = ConsoleWindow(app, window)
    app.idle_tasks.append(console.warm_fonts)
    return console

