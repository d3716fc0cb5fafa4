"""Put the pieces together for ``escapebox play``: settings, window, first screen, loop."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
    branch: int = 0
    fast: bool = False
    screenshot_dir: Path | None = None
    language: str = "nl"
    data_dir: Path | None = None


def settings_for(options: PlayOptions) -> Settings:
    settings = Settings(language=options.language)
    if options.beamer:
        settings = settings.beamer()
    if options.fullscreen:
        settings = settings.with_(fullscreen=True)
    if options.text_size:
        settings = settings.with_(text_size=options.text_size)
    return settings.with_(theme="high_contrast" if options.high_contrast else settings.theme,
                          reduced_motion=options.reduced_motion, sound=options.sound,
                          timer_visible=options.timer_visible)


def _import_screens() -> None:
    """Import every screen module up front, so the first visit of a screen is not slowed by imports."""
    import importlib
    import pkgutil

    from escapebox.ui import screens
    from escapebox.ui.screens import puzzles
    for package in (screens, puzzles):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")


def build_app(options: PlayOptions, tr: Translator | None = None):
    """The app with its first screen on the stack (shared by ``play`` and the tests)."""
    _import_screens()
    from escapebox.ui.app import App
    from escapebox.ui.autoplay import AutoPilot
    from escapebox.ui.launch import Launcher

    tr = tr or Translator(options.language)
    app = App(settings_for(options), tr, fast=options.fast, screenshot_dir=options.screenshot_dir, size=options.window)
    app.launcher = Launcher(app, save=options.save and not options.autoplay, data_dir=options.data_dir,
                            picker=options.loaded is None)
    if options.loaded is None:
        from escapebox.ui.screens.picker import PickerScreen
        app.stack.push(PickerScreen(app))
    else:
        saved = app.launcher.resumable(options.loaded) if options.resume else None
        if saved is not None:
            app.launcher.resume(options.loaded, saved["id"])
        else:
            from escapebox.ui.screens.intro import IntroScreen
            app.stack.push(IntroScreen(app, options.loaded))
            if options.resume:
                app.toast(tr("ui.toast.nothing_to_resume"), "info", 6)
    if options.autoplay:
        app.autopilot = AutoPilot(app, options.branch)
    return app


async def play(options: PlayOptions, tr: Translator | None = None) -> tuple[int, str]:
    app = build_app(options, tr)
    try:
        code = await app.run()
    finally:
        app.launcher.close()
        app.close()
    summary = app.summary
    if app.autopilot is not None:
        pilot = app.autopilot
        if not summary:
            summary = pilot.summary()
        if code == 0 and not (pilot.finished() and not pilot.problems):
            code = 1
    return code, summary
