"""The window, the shared services every screen uses, and the main loop.

``App`` is the context object passed to every screen and widget (there are
no module-level singletons): theme, settings, translator, canvas, sounds,
clipboard, the screen stack and — once a game runs — the game bridge.
What only some runs have (the launcher, a settings file, dev mode) is the
declared, typed ``app.services`` (:mod:`escapebox.ui.services`).

The loop is one ``async def run()``: handle events, update, draw only when
something changed, and yield once per frame (:func:`next_frame`), so a host
with its own event loop can run it.  When nothing
animates it sleeps (looking for input once a frame) until the next clock second, so
an idle game on a battery-powered laptop uses almost no CPU.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import os
import time
import types
from pathlib import Path

import pygame

from escapebox.i18n import Translator
from escapebox import paths
from escapebox.ui.audio import Audio
from escapebox.ui.canvas import LOGICAL_H, LOGICAL_W, Canvas
from escapebox.ui.clipboard import Clipboard
from escapebox.ui.images import ImageCache
from escapebox.ui.screen import Screen, ScreenStack
from escapebox.ui.services import Services
from escapebox.ui.settings import Settings, effective_language
from escapebox.ui.text import FontBook, TextRenderer
from escapebox.themes.theme import choose_theme

log = logging.getLogger(__name__)

WINDOW_SIZE = (1280, 720)
#: where a message goes on a screen that names no free areas (``Screen.toast_areas`` not overridden):
#: the band along the top edge, as high as the game's top bar (``screens.base.TOP_H``, 120 logical px)
TOP_BAND = pygame.Rect(40, 8, LOGICAL_W - 80, 104)
FRAME_MS = 1000 // 60
#: after this long without input the loop looks for it a third as often: a group reading a room, or
#: the clock alone on a beamer, answers the next key within 50 ms instead of 17 (both well under
#: the ~100 ms a person notices; typing and dragging keep the 60 Hz pace), and the loop's wake-ups
#: are nearly all of an idle game's CPU (cProfile: 359 sleeps, 12 clock seconds of 0.3 ms, one
#: SQLite heartbeat). After 3 s at 30 Hz it used 0.46-0.60 % of a core, 0.8-0.9x a bare 60 Hz input
#: loop in the same process, so the 0.5 % budget depended on the machine's moment; after 3 s at
#: 20 Hz 0.44-0.54 %; after 1 s at 20 Hz see docs/performance.md (benchmarks/idle.py, 4 December)
IDLE_AFTER_S = 1.0
IDLE_FRAME_MS = 1000 // 20


#: collect the young generations while the loop would sleep once this many new objects wait, and all
#: generations once this many young collections have passed since the last full one: left to
#: Python's own thresholds (700 objects, 10 collections) the collections came in the middle of a
#: frame, 0.1-8.4 ms for a young one and 26 ms for a full one, 10 of 50 inside frames in a walk of
#: alle-soorten at 1920x1080 with the console (benchmarks/frames.py, 4 December); the thrown-away
#: screens of a screen change and of the warm-up are cycles, some holding 8 MB scratch surfaces
GARBAGE_YOUNG = 100
GARBAGE_FULL_AFTER = 5


def garbage_waiting() -> bool:
    return gc.isenabled() and gc.get_count()[0] >= GARBAGE_YOUNG


def collect_garbage() -> None:
    """Collect what a screen change or a warm-up left, before Python's thresholds do it inside a frame."""
    gc.collect(2 if gc.get_count()[2] >= GARBAGE_FULL_AFTER else 1)


@types.coroutine
def next_frame():
    """Give the host's event loop a turn, as ``asyncio.sleep(0)`` does, without importing asyncio.

    A bare ``yield`` is what ``asyncio.sleep(0)`` does inside; :func:`run_loop`
    drives it on the desktop, and asyncio still can (importing asyncio cost
    20 ms of start-up, docs/performance.md).
    """
    yield


def run_loop(coroutine):
    """Run a coroutine that only ever awaits :func:`next_frame` to its end, and return its result."""
    try:
        while True:
            coroutine.send(None)
    except StopIteration as done:
        return done.value


class Toast:
    def __init__(self, text: str, kind: str, until: float, owner=None):
        self.text, self.kind, self.until, self.owner = text, kind, until, owner
        #: the screen the message was first shown on (None: not shown yet); it goes when that screen is left
        self.shown_on = None


class App:
    def __init__(self, settings: Settings | None = None, tr: Translator | None = None, *,
                 fast: bool = False, scripted: bool = False, screenshot_dir: Path | None = None, size=WINDOW_SIZE):
        self.settings = settings or Settings()
        self.tr = tr or Translator(effective_language(self.settings))
        #: the house style and language of the scenario on screen (see :meth:`use_scenario`)
        self.scenario_theme = None
        self.scenario_language: str | None = None
        #: launcher, settings file, dev mode: set once by ``build_app`` (none in a bare App, e.g. in tests)
        self.services = Services()
        self.theme = choose_theme(self.settings)
        self.fast = fast
        #: input from a program, not from hands (see PlayOptions.scripted)
        self.scripted = scripted
        self.screenshot_dir = Path(screenshot_dir) if screenshot_dir else None
        self.window_size = tuple(size)
        self.running = True
        self.exit_code = 0
        self.summary = ""
        self.game = None
        self.autopilot = None
        #: the trainer's console window (``--console``), see escapebox.ui.facilitator
        self.console = None
        self.banner: str | None = None
        self.toasts: list[Toast] = []
        self.frame_times: list[float] = []
        #: small jobs (pre-rendering pictures) run one at a time when the loop would otherwise sleep
        self.idle_tasks: list = []
        self.dirty = True
        self._shot_pending = False
        self._shots = 0
        self._last_tick = time.monotonic()
        self._last_input = self._last_tick     # when the loop last found input (its idle pace)
        self._timer_second: int | None = None
        #: a new clock second is waiting to be drawn (see :meth:`draw_clock`)
        self._clock_due = False
        #: (screens, window size) of the last full frame, which the window still shows
        self._drawn: tuple | None = None
        self._toast_rect = pygame.Rect(0, 0, 0, 0)
        #: benchmarks/run.py: print the wall-clock time of the first presented frame, then quit
        self._first_frame_exit = os.environ.get("ESCAPEBOX_FIRST_FRAME_EXIT") == "1"
        #: the kept first frame shown before the game loaded; checked against this app's first frame
        self.first_frame = None
        #: a first start's check of its file (escapebox/ui/firststart.py): run right after the first
        #: frame; until then no input is read, so it waits in SDL's queue for the checked game
        self.after_first_frame = None
        self._first_reported = False
        self._start_pygame()
        self.stack = ScreenStack(on_change=self._screen_changed)

    # ------------------------------------------------------------ setup

    def _start_pygame(self) -> None:
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption(paths.edition().name or self.tr("ui.app.window_title"))
        self._set_icon()
        self.window = self._window_shown() or self._open_window(self.settings.fullscreen)
        pygame.key.stop_text_input()
        pygame.key.set_repeat(400, 40)
        assets = paths.assets_dir()
        self.assets = assets
        self.fonts = FontBook(assets / "fonts" if assets else None, self.theme.fonts)
        self.text = TextRenderer(self.fonts, self.theme.line_spacing)
        self._apply_spacing()
        self.images = ImageCache(assets / "icons" if assets else None, on_problem=self._media_problem)
        self.images.theme_roots = [p.parent.resolve() for p in (self.theme.logo, self.theme.background_image) if p]
        self.canvas = Canvas(self.window, self.text, self.images)
        self.clipboard = Clipboard()
        self.audio = Audio(assets / "sounds" if assets else None, enabled=self.settings.sound and not self.fast,
                           on_problem=self._media_problem, later=True)
        self.idle_tasks.append(self.audio.start)  # after the first frame (docs/performance.md)

    def _set_icon(self) -> None:
        """The house style's logo as the window's icon (an edition's, from ``escapebox bundle``)."""
        logo = self.theme.logo
        if logo is None:
            return
        try:  # 64 px: larger than any title bar or task bar shows it, so it is only ever scaled down
            icon = pygame.image.load_sized_svg(str(logo), (64, 64)) if logo.suffix == ".svg" else pygame.image.load(logo)
            pygame.display.set_icon(icon)
        except (pygame.error, OSError, ValueError) as exc:
            log.warning("Escapebox: window icon %s: %s", logo, exc)

    def _window_shown(self) -> pygame.Surface | None:
        """The window a kept first frame is in (escapebox/ui/firstframe.py), when it has this mode.

        Opening it again would blank it until this app's first frame: on X11 (Xvfb, screenshots)
        ``set_mode`` with the same size shows black until the next flip, a flash of about 40 ms.
        """
        current = pygame.display.get_surface()
        if current is None:
            return None
        fullscreen = bool(current.get_flags() & pygame.FULLSCREEN)
        if fullscreen != self.settings.fullscreen:
            return None
        if not fullscreen and (current.get_size() != self.window_size or not current.get_flags() & pygame.RESIZABLE):
            return None
        return current

    def _open_window(self, fullscreen: bool) -> pygame.Surface:
        if fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(self.window_size, pygame.RESIZABLE)

    def _note_first_frame(self) -> None:
        """This start's first frame, for the next start to show first (escapebox/ui/firstframe.py).

        Only a picture of screens that show nothing a group typed is kept (the cache folder holds
        no group's words, docs/reports.md), and none with a message on it; otherwise a picture kept
        before is forgotten, as it is no longer this start's first frame.
        """
        if self.toasts or self.banner or not all(s.keeps_first_frame for s in self.stack.visible()):
            self.first_frame.forget()
            self.first_frame = None
            return
        # a copy now (0.5 ms at 1280x720), compared and kept in idle time (tobytes and compare 3 ms)
        self.first_frame.drawn = (self.window.copy(), pygame.display.get_caption()[0], self.settings.fullscreen)
        self.idle_tasks.insert(0, self._settle_first_frame)

    def _settle_first_frame(self) -> None:
        """Keep this start's first frame for the next one, unless it is what was shown (ui/firstframe.py)."""
        if self.first_frame is not None:
            self.first_frame.settle()
            self.first_frame = None

    def close(self) -> None:
        self._settle_first_frame()       # a start that ends before its first idle moment keeps it too
        if self.console is not None:
            self.console.close()
        self.audio.close()
        pygame.key.stop_text_input()
        pygame.display.quit()
        # what _freeze_heap froze after the first frame (this app among it) goes back to the collector:
        # frozen, every closed app stayed in memory; the UI tests grew to 7 GB, three test files to
        # 1.1 GB against 0.32 GB released (measured with /usr/bin/time)
        gc.unfreeze()

    # ------------------------------------------------------------ services for screens

    def size(self, role: str) -> int:
        """Font size for a role at the player's text-size step."""
        return self.theme.size(role, self.settings.text_scale)

    @property
    def motion(self) -> bool:
        """Animations play unless reduced motion is on or we fast-forward (autoplay, tests)."""
        return not (self.settings.reduced_motion or self.fast)

    def mouse_pos(self) -> tuple[int, int]:
        return self.canvas.to_logical(pygame.mouse.get_pos())

    def invalidate(self) -> None:
        self.dirty = True

    def toast(self, text: str, kind: str = "info", seconds: float = 4.0, owner=None) -> None:
        """A short message for ``seconds``; with ``owner`` (a screen) it also goes when that screen leaves.

        The trainer's overlay owns what it reports ("Hint 1 is naar de groep
        gestuurd"): that is for the trainer, so it must not stay on the group's
        screen once the overlay closes.

        Every message also belongs to the screen it is first shown on, and goes
        when the group leaves that screen (:meth:`_expire_toasts`). A message
        raised just as the screen changes ("Nieuwe aanwijzing: …" after a solved
        puzzle, "Opgeslagen" as a reflection closes) is therefore shown once, on
        the screen the group comes to, and does not follow the group further.
        """
        self.toasts = [t for t in self.toasts if t.text != text][-2:]
        self.toasts.append(Toast(text, kind, time.monotonic() + seconds, owner))
        self.dirty = True

    def drop_toasts(self) -> None:
        """Every message goes now (the game ended: what they said belonged to the game in progress)."""
        if self.toasts:
            self.toasts = []
            self.dirty = True

    def _media_problem(self, path, problem, kind: str = "image") -> None:
        """A picture or sound that cannot be used: say so once; the screen shows its text instead."""
        reason = self.tr(problem.code, **problem.params)
        key = "robust.media.sound" if kind == "sound" else "robust.media.unusable"
        self.toast(self.tr(key, file=Path(path).name, reason=reason), "danger", 8)

    def play(self, sound: str) -> None:
        self.audio.play(sound)

    def apply_settings(self, settings: Settings) -> None:
        """Change text size, theme, spacing, sound or language while playing: every screen lays out again."""
        self.settings = settings
        self.theme = choose_theme(settings, self.scenario_theme)
        self.images.theme_roots = [p.parent.resolve() for p in (self.theme.logo, self.theme.background_image) if p]
        self.tr = Translator(effective_language(settings, self.scenario_language))
        pygame.display.set_caption(paths.edition().name or self.tr("ui.app.window_title"))
        if self.fonts.use(self.theme.fonts):
            self.text.clear()
        self._apply_spacing()
        self.audio.enabled = settings.sound and not self.fast
        for screen in self.stack.screens:
            screen.layout()
        self.dirty = True

    def use_scenario(self, loaded) -> None:
        """A scenario is on screen: its house style and (unless the player chose) its language."""
        from escapebox.themes import theme_for_scenario
        found = theme_for_scenario(loaded)[0] if loaded is not None else None
        self.scenario_theme = found.theme if found is not None else None
        self.scenario_language = loaded.scenario.language if loaded is not None else None
        self.apply_settings(self.settings)

    def _apply_spacing(self) -> None:
        """Dyslexia-friendly spacing (British Dyslexia Association style guide): about 6 % of the font
        size between letters, 25 % more between words and 1.6 × line height."""
        if self.settings.dyslexia:
            self.text.set_spacing(0.06, 0.25, max(self.theme.line_spacing, 1.6))
        else:
            self.text.set_spacing(0.0, 0.0, self.theme.line_spacing)

    def toggle_fullscreen(self) -> None:
        fullscreen = not self.settings.fullscreen
        self.settings = self.settings.with_(fullscreen=fullscreen)
        self.window = self._open_window(fullscreen)
        self.canvas.resize(self.window)
        self.dirty = True

    def quit(self, code: int = 0, summary: str = "") -> None:
        self.running = False
        self.exit_code = code
        if summary:
            self.summary = summary

    # ------------------------------------------------------------ the loop

    async def run(self) -> int:
        while self.running:
            self.frame()
            await next_frame()
        return self.exit_code

    def frame(self, block: bool = True) -> None:
        """One turn of the loop: events, game clock, animations, drawing, automation."""
        waiting = self.after_first_frame is not None
        for event in () if waiting else self._events(block):
            self.dispatch(event)
            if not self.running:
                return
        now = time.monotonic()
        dt, self._last_tick = now - self._last_tick, now
        animating = any(screen.update(dt) for screen in list(self.stack.visible()))
        if self.services.dev is not None:
            self.services.dev.poll()
        if self.services.festival is not None:
            self.services.festival.poll()
        if self.game is not None:
            self.game.tick()
        self._expire_toasts(now)
        self._check_timer()
        if self.dirty or animating:
            self.draw()
        elif self._clock_due:
            self.draw_clock()
        if self.autopilot is not None and not animating:
            self.autopilot.step()
        elif not animating and not pygame.event.peek():
            self.run_idle_task()
        if waiting and self._drawn is not None:
            self._run_first_check()

    def idle_work(self) -> bool:
        """Something for a moment the loop would otherwise sleep: an idle task, or garbage to collect."""
        return bool(self.idle_tasks) or garbage_waiting()

    def run_idle_task(self) -> bool:
        """Do the next job of :meth:`idle_work`; False when there was none."""
        if self.idle_tasks:
            self.idle_tasks.pop(0)()
            return True
        if garbage_waiting():
            collect_garbage()
            return True
        return False

    def _run_first_check(self) -> None:
        task, self.after_first_frame = self.after_first_frame, None
        task()
        if self._first_frame_exit and self.running and not self.dirty:
            self._report_first_frame()      # checked, and the intro on screen was already the checked one

    def _events(self, block: bool) -> list:
        events = pygame.event.get()
        if events or not block or self.dirty or self.autopilot is not None or self.idle_work():
            return events
        if any(s.animating for s in self.stack.visible()):
            pygame.time.wait(FRAME_MS)
            return pygame.event.get()
        return self._sleep_until_event(self._idle_timeout())

    def _sleep_until_event(self, timeout_ms: int) -> list:
        """Sleep a frame at a time until input arrives or the timeout passes.

        Not ``pygame.event.wait(timeout)``: pygame-ce polls every millisecond
        inside it, which alone costs about 2 % of a core on an idle game (see
        docs/performance.md).  Looking once per 60 Hz frame costs a tenth of that
        and answers a key press within one frame; once nobody has touched the game
        for IDLE_AFTER_S, once per 20 Hz frame (IDLE_FRAME_MS).
        """
        now = time.monotonic()
        deadline = now + timeout_ms / 1000
        step = (IDLE_FRAME_MS if now - self._last_input > IDLE_AFTER_S else FRAME_MS) / 1000
        while True:
            events = pygame.event.get()
            now = time.monotonic()
            if events:
                self._last_input = now
                return events
            if deadline - now <= 0:
                return events
            time.sleep(min(step, deadline - now))

    def _idle_timeout(self) -> int:
        """Milliseconds until the clock shows a new second or a message expires."""
        timeout = 1000
        if self.game is not None:
            timeout = self.game.ms_to_next_second()
        for toast in self.toasts:
            timeout = min(timeout, int((toast.until - time.monotonic()) * 1000) + 5)
        for screen in self.stack.visible():
            wake = screen.wake_ms()
            if wake is not None:
                timeout = min(timeout, wake)
        return max(10, min(1000, timeout))

    def _expire_toasts(self, now: float) -> None:
        """Messages go after their time, with the screen that owns them (the trainer's overlay),
        and when the screen they were shown on is no longer the one under the group's eyes."""
        screens = self.stack.screens
        visible = self.stack.visible()
        base = visible[0] if visible else None
        kept = [t for t in self.toasts if t.until > now and (t.owner is None or t.owner in screens)
                and (t.shown_on is None or t.shown_on is base)]
        if len(kept) != len(self.toasts):
            self.toasts = kept
            self.dirty = True

    def _check_timer(self) -> None:
        if self.game is None or not self.settings.timer_visible:
            return
        second = self.game.timer_second()
        if second != self._timer_second:
            self._timer_second = second
            self.clock_changed()

    def clock_changed(self) -> None:
        """A new second on the clock: the next turn of the loop redraws the clock (only)."""
        self._clock_due = True

    def dispatch(self, event) -> None:
        if self.console is not None and self.console.owns(event):
            self.console.handle(event)
            return
        if event.type == pygame.QUIT:
            if self.game is None or self.game.may_quit():   # steps still waiting for the disk: ask first
                self.quit(self.exit_code)
            self.dirty = True
            return
        if event.type == pygame.DROPFILE:             # a scenario dropped onto the window (escapebox/ui/drop.py)
            from escapebox.ui.drop import on_drop
            on_drop(self, event)
            self.dirty = True
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED, pygame.WINDOWRESTORED, pygame.WINDOWEXPOSED):
            self.window = pygame.display.get_surface()
            self.canvas.resize(self.window)
            self.dirty = True
            return
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
            event = pygame.event.Event(event.type, {**event.dict, "pos": self.canvas.to_logical(event.pos)})
        if event.type == pygame.KEYDOWN and self._global_key(event):
            self.dirty = True
            return
        top = self.stack.top
        if top is not None and top.handle(event):
            self.dirty = True
        elif event.type in (pygame.KEYDOWN, pygame.TEXTINPUT, pygame.MOUSEBUTTONUP):
            self.dirty = True

    def _global_key(self, event) -> bool:
        """F11 and F1 work on every screen; Ctrl+Shift+F opens the trainer's overlay during a game."""
        from escapebox.ui.facilitator.overlay import opens_overlay, toggle_overlay
        if opens_overlay(event):
            return toggle_overlay(self)
        if event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return True
        if self.services.dev is not None and self.services.dev.on_key(event):
            return True
        if event.key == pygame.K_F1:
            from escapebox.ui.screens.help import HelpScreen
            if isinstance(self.stack.top, HelpScreen):
                self.stack.pop()
            else:
                self.stack.push(HelpScreen(self))
            return True
        return False

    # ------------------------------------------------------------ drawing

    def draw(self) -> None:
        started = time.perf_counter()
        visible = self.stack.visible()
        # a dialog alone, or only what a typed letter changed (escapebox/ui/partial.py)
        areas = self.canvas.last_frame.paint(self, visible)
        self._draw_banner()
        self._draw_toasts()
        if areas is None:
            pygame.display.flip()
        elif areas:
            pygame.display.update(areas)
        self._drawn = (tuple(visible), self.window.get_size())
        self._clock_due = False
        self._presented(started)

    def draw_screens(self, visible: list) -> None:
        """The background and every visible screen, a dialog's screens below it dimmed."""
        colours = self.theme.colours
        self.canvas.clear(colours.background, colours.letterbox)
        if self.theme.background_image is not None:
            self.canvas.image(self.theme.background_image, (0, 0, LOGICAL_W, LOGICAL_H), fit="cover")
        for screen in visible:
            if not screen.opaque:
                self.canvas.dim(colours.dim)
            screen.draw(self.canvas)

    def draw_clock(self) -> None:
        """A new second and nothing else: draw the clock over the last frame, which the window still holds.

        Falls back to :meth:`draw` whenever anything else could be on that
        spot: another stack or window size, a message or banner, a dialog
        over the clock, or a clock that changed size.  The result is the
        same picture a full draw gives (tests/ui/test_clock_frames.py).
        """
        started = time.perf_counter()
        visible = self.stack.visible()
        if not self._clock_spot_is_free(visible):
            self.draw()
            return
        box = visible[0].redraw_clock(self.canvas)
        if box is None:
            self.draw()
            return
        if len(visible) == 2:
            self.canvas.dim(self.theme.colours.dim, box)
        pygame.display.update(self.canvas.px(box))
        self._clock_due = False
        self._presented(started)

    def _clock_spot_is_free(self, visible: list) -> bool:
        """The last frame shows these screens at this size, and only the bottom one draws over its clock."""
        if self._drawn != (tuple(visible), self.window.get_size()) or self.banner:
            return False
        clock = visible[0].clock_box if visible else None
        if clock is None or len(visible) > 2 or (self.toasts and self._toast_rect.colliderect(clock)):
            return False
        return len(visible) == 1 or not visible[-1].covers(clock)

    def _presented(self, started: float) -> None:
        """After each frame: the console, the start-up probe, frame statistics, a pending screenshot."""
        if self.console is not None:
            self.console.draw()
        if self._first_frame_exit:
            self._report_first_frame()
        if self.first_frame is not None and self.first_frame.drawn is None:
            self._note_first_frame()
        self.dirty = False
        self.frame_times.append(time.perf_counter() - started)
        if len(self.frame_times) > 5000:
            del self.frame_times[:1000]
        if self._shot_pending:
            self._shot_pending = False
            self._screenshot()

    def _report_first_frame(self) -> None:
        """The start-up benchmark measures from process start to this moment (see docs/performance.md).

        When a kept first frame was shown earlier (escapebox/ui/firstframe.py), that was the first
        frame; this one is when the game is ready.  A first start (escapebox/ui/firststart.py) is
        ready after the check that follows its first frame.
        """
        now = f"{time.time():.6f}"
        if not self._first_reported and (self.first_frame is None or not self.first_frame.was_shown):
            print(f"escapebox-first-frame {now}", flush=True)
        self._first_reported = True
        if self.after_first_frame is None:      # a first start is ready once its file is checked
            print(f"escapebox-ready {now}", flush=True)
            self._first_frame_exit = False
            self.quit(0)

    def _draw_banner(self) -> None:
        if not self.banner:
            return
        c = self.theme.colours
        size = self.size("small")
        layout = self.canvas.layout(self.banner, "bold", size, LOGICAL_W - 80)
        rect = pygame.Rect(0, 0, LOGICAL_W, layout.height + 20)
        self.canvas.fill(rect, c.danger)
        self.canvas.paragraph(layout, rect.inflate(-80, -20), c.status_text)

    def _toast_areas(self) -> list[pygame.Rect] | None:
        """Where messages may go now, best first; None: nowhere (the clicker's blank screen).

        The areas are those of the screen at the bottom of what shows (a dialog
        has none of its own: it sits over a game screen), less every area a
        screen above covers, so a message never hides a dialog's text. A screen
        that names no areas at all (the settings: no game top bar) gets the band
        along its top edge, where it shows only its heading: what those screens
        say (a file that cannot be read) must be seen. A game screen, the intro
        and the picker name their free stretches, and a message goes nowhere else.
        """
        top = self.stack.top
        if top is None or top.quiet:
            return None
        visible = self.stack.visible()
        above = visible[1:]
        named = visible[0].toast_areas
        if type(visible[0]).toast_areas is Screen.toast_areas:
            named = [TOP_BAND]
        return [a for a in named if not any(s.covers(a) for s in above)]

    def _place_toast(self, areas: list[pygame.Rect]):
        """(layout, rect) of the messages in a free area, or None when no area has room for a line.

        All messages go in the first area they fit; else the newest alone, in the
        first area it fits; else the newest cut to the lines the roomiest area
        holds, ending in "…". A message never goes outside the areas the screen
        names: over a title or a question it hides what the group is reading
        (a puzzle's question at 1280x720, a dilemma's title after "Opgeslagen").
        """
        size = self.size("small")
        for toasts in (self.toasts, self.toasts[-1:]):        # all messages, else only the newest
            text = "  ·  ".join(t.text for t in reversed(toasts))
            for area in areas:
                layout = self.canvas.layout(text, "bold", size, area.width - 48)
                if layout.height <= area.height - 8:
                    return layout, self._toast_box(area, layout)
        for area in sorted(areas, key=lambda a: a.height, reverse=True):
            layout = self._cut_to_fit(self.toasts[-1].text, size, area)
            if layout is not None:
                return layout, self._toast_box(area, layout)
        return None

    @staticmethod
    def _toast_box(area: pygame.Rect, layout) -> pygame.Rect:
        """The message's box: the area's width, as high as its lines and 20 px of padding, centred in the area."""
        rect = pygame.Rect(area.left, 0, area.width, min(area.height, layout.height + 20))
        rect.centery = area.centery
        return rect

    def _cut_to_fit(self, text: str, size: int, area: pygame.Rect):
        """The first lines of ``text`` that fit ``area``, the last one ending in "…"; None: not one line fits."""
        width = area.width - 48
        layout = self.canvas.layout(text, "bold", size, width)
        lines = max(0, (area.height - 8) // layout.line_height)
        if lines == 0 or width <= 0:
            return None
        kept = list(layout.lines[:lines])
        last = kept[-1]
        while last and self.canvas.measure(last + "…", "bold", size) > width:
            last = last[:-1].rstrip()
        kept[-1] = last + "…"
        return dataclasses.replace(layout, lines=tuple(kept))

    def _draw_toasts(self) -> None:
        """Messages go in a free part of the screen the screen names (toolbar, top bar), never over a control or text."""
        areas = self._toast_areas() if self.toasts else None
        if areas is not None:
            # the message belongs to this screen even where it found no room: it must not turn up
            # later on another screen, out of its context ("Dat kan hier niet" after going back)
            base = self.stack.visible()[0]
            for toast in self.toasts:
                toast.shown_on = toast.shown_on or base
        placed = self._place_toast(areas) if areas else None
        if placed is None:
            self._toast_rect = pygame.Rect(0, 0, 0, 0)
            return
        c = self.theme.colours
        layout, rect = placed
        self._toast_rect = rect
        colour = {"success": c.success, "danger": c.danger}.get(self.toasts[-1].kind, c.accent)
        self.canvas.fill(rect, colour, 16)
        text_colour = c.status_text
        inner = rect.inflate(-48, -(rect.height - layout.height))
        self.canvas.paragraph(layout, inner, text_colour, align="center")

    # ------------------------------------------------------------ screenshots

    def _screen_changed(self) -> None:
        self.dirty = True
        if self.screenshot_dir is not None:
            self._shot_pending = True

    def _screenshot(self) -> None:
        top = self.stack.top
        self._shots += 1
        name = f"{self._shots:03d}-{top.name if top else 'empty'}.png"
        try:
            self.screenshot_dir.mkdir(parents=True, exist_ok=True)
            pygame.image.save(self.window, str(self.screenshot_dir / name))
        except (pygame.error, OSError) as exc:
            log.warning("Escapebox: cannot save screenshot %s: %s", name, exc)

    def frame_stats(self) -> dict:
        times = sorted(self.frame_times)
        if not times:
            return {"frames": 0}
        return {"frames": len(times), "p50_ms": times[len(times) // 2] * 1000,
                "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))] * 1000, "max_ms": times[-1] * 1000}
