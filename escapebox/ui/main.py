"""Put the pieces together for ``escapebox play``: settings, window, first screen, loop."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from escapebox.i18n import Translator
from escapebox.ui.settings import Settings


@dataclass
class PlayOptions:
    loaded: object | None = None
    beamer: bool = False
    fullscreen: bool = False
    window: tuple[int, int] = (1280, 720)
    text_size: str | None = None
    high_contrast: bool = False
    reduced_motion: bool = False
    sound: bool = True
    timer_visible: bool = True
    resume: bool = False
    save: bool = True
    autoplay: bool = False
    #: how the auto-player gives input: "keys" (keyboard only) or "mouse" (clicks and drags only)
    autoplay_input: str = "keys"
    #: ``--autoplay --save``: keep the auto-player's session (marked as autoplayed) to demo the reports
    autoplay_save: bool = False
    branch: int = 0
    fast: bool = False
    #: the keys come from a program (the auto-player, a test's pilot), not from hands: no typing
    #: burst to guard against, so letter shortcuts are never held back (screens/base.py)
    scripted: bool = False
    screenshot_dir: Path | None = None
    language: str | None = None   # None: saved setting, else the scenario's language
    data_dir: Path | None = None
    dyslexia: bool = False
    theme_file: Path | None = None  # ``--theme FILE``: beats the scenario's house style
    #: ``--dev``: reload on save, problems on screen, F9 reveals; nothing is saved
    dev: bool = False
    #: ``--room``: with ``--dev``, start the game in this room
    room: str | None = None
    #: ``--dev`` with a file that did not load: (file, problems); the game opens on those messages
    dev_broken: tuple | None = None
    console: bool = False
    #: ``--festival CODE`` with the hub's broker (``--broker HOST:PORT`` or found by zeroconf)
    festival: str | None = None
    broker: tuple[str, int] | None = None
    #: the picture the last start of this file drew first, already on screen (escapebox/ui/firstframe.py)
    first_frame: object | None = None
    #: a first start: the file's unchecked head for the intro, and the check to run after the first
    #: frame, which returns the checked scenario (escapebox/ui/firststart.py)
    provisional: object | None = None
    check: Callable[[], object] | None = None


def settings_for(options: PlayOptions, saved: Settings | None = None) -> Settings:
    """The saved settings with this run's command-line flags on top (flags are not saved)."""
    settings = saved or Settings()
    if options.language:
        settings = settings.with_(language=options.language)
    if options.theme_file:
        settings = settings.with_(theme_file=str(options.theme_file))
    if options.beamer:
        settings = settings.beamer()
    if options.fullscreen:
        settings = settings.with_(fullscreen=True)
    if options.text_size:
        settings = settings.with_(text_size=options.text_size)
    return settings.with_(high_contrast=settings.high_contrast or options.high_contrast,
                          reduced_motion=settings.reduced_motion or options.reduced_motion,
                          sound=settings.sound and options.sound,
                          timer_visible=settings.timer_visible and options.timer_visible,
                          dyslexia=settings.dyslexia or options.dyslexia)


def _import_screens() -> None:
    """Import every screen module in idle time after the first frame (not before it: start-up, see
    docs/performance.md), so the first visit of a screen is not slowed by imports."""
    import importlib
    import pkgutil

    from escapebox.ui import screens
    from escapebox.ui.screens import puzzles
    for package in (screens, puzzles):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")


def _freeze_heap() -> None:
    """Put everything built so far (scenario, modules, fonts) out of the garbage collector's walk.

    A full collection over a big scenario paused one frame for 10–40 ms at a
    random moment, e.g. while entering a room (docs/performance.md).  Runs
    in idle time, after the first frame.
    """
    import gc
    gc.collect()
    gc.freeze()


def build_app(options: PlayOptions, tr: Translator | None = None):
    """The app with its first screen on the stack (shared by ``play`` and the tests)."""
    from escapebox.ui.app import App
    from escapebox.ui.launch import Launcher
    from escapebox.ui.services import Services
    from escapebox.ui.settings import effective_language, load_settings, settings_path
    settings_file = settings_path(options.data_dir)
    saved, settings_problem = load_settings(settings_file)
    settings = settings_for(options, saved)
    if tr is None or tr.lang != effective_language(settings):
        tr = Translator(effective_language(settings))
    app = App(settings, tr, fast=options.fast, scripted=options.scripted or options.autoplay,
              screenshot_dir=options.screenshot_dir, size=options.window)
    app.idle_tasks += [_import_screens, _freeze_heap]
    app.first_frame = options.first_frame
    if settings_problem:
        app.toast(tr("settings.file_broken", file=str(settings_file), reason=settings_problem), "danger", 10)
    if options.loaded is not None or options.provisional is not None:
        app.use_scenario(options.loaded or options.provisional)
    dev = None
    if options.dev and (options.loaded is not None or options.dev_broken is not None):
        from escapebox.ui.dev import DevMode
        dev = DevMode(app, options.loaded, room=options.room, broken=options.dev_broken)
    # every run has a festival link, so the picker's "Meedoen met een leerfestival" can join later;
    # it sleeps until it joins. A festival publishes the saved log, so a festival's auto-player
    # saves too (docs/festival.md)
    from escapebox.ui.festival.link import FestivalLink
    festival = FestivalLink(app)
    if options.festival is not None and options.broker is not None:
        festival.join(*options.broker, options.festival)
    keep = not options.autoplay or options.autoplay_save or festival.joined   # ``--autoplay --save``: a demo
    launcher = Launcher(app, save=options.save and not options.dev and keep,
                        data_dir=options.data_dir, picker=options.loaded is None and options.provisional is None)
    app.services = Services(launcher=launcher, settings_file=settings_file, dev=dev, festival=festival)
    if options.provisional is not None:
        from escapebox.ui.firststart import FirstCheck
        from escapebox.ui.screens.intro import IntroScreen
        app.stack.push(IntroScreen(app, options.provisional))
        app.after_first_frame = FirstCheck(app, options.provisional, options.check)
    elif options.loaded is None:
        from escapebox.ui.screens.picker import PickerScreen
        app.stack.push(PickerScreen(app))
        if dev is not None:
            dev.show_start_problems()
    else:
        saved = launcher.resumable(options.loaded) if options.resume else None
        if saved is not None:
            launcher.resume(options.loaded, saved["id"])
        else:
            from escapebox.ui.screens.intro import IntroScreen
            app.stack.push(IntroScreen(app, options.loaded))
            if options.resume:
                app.toast(app.tr("ui.toast.nothing_to_resume"), "info", 6)
    if options.autoplay:
        from escapebox.ui.autoplay import AutoPilot     # the solver it needs is not imported for a normal start
        app.autopilot = AutoPilot(app, options.branch, options.autoplay_input)
    if options.console:
        from escapebox.ui.facilitator import open_console
        app.console = open_console(app)
    return app


async def play(options: PlayOptions, tr: Translator | None = None) -> tuple[int, str]:
    app = build_app(options, tr)
    try:
        code = await app.run()
    finally:
        if app.services.festival is not None:
            app.services.festival.close()
        app.services.launcher.close()
        app.close()
    summary = app.summary
    if app.autopilot is not None:
        pilot = app.autopilot
        if not summary:
            summary = pilot.summary()
        if code == 0 and not (pilot.finished() and not pilot.problems):
            code = 1
    return code, summary
