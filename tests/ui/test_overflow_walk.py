"""At the largest text size in a 1280×720 window nothing is cut off, on any screen of any scenario.

The autopilot plays every bundled scenario through the real screens; after
every frame we look at what the canvas noted (a line outside the canvas or
its clip, a paragraph cut short without paging) and at every button whose
label needs more room than it has.  The settings, help and pause screens,
which the autopilot does not open, are walked by hand, in both languages.
"""

import pytest

from escapebox.scenario.loader import load_scenario
from escapebox.ui.main import PlayOptions, build_app
from escapebox.ui.pilot import Pilot
from ui_helpers import FIXTURE, SCENARIOS

MAX_FRAMES = 20000


def bundled():
    return sorted(p for p in SCENARIOS.iterdir() if (p / "scenario.yaml").is_file()) + [FIXTURE]


def overflow_here(app) -> list:
    """What is cut off on the screens shown now, named by the top screen."""
    found = [(app.stack.top.name if app.stack.top else "?",) + tuple(note) for note in app.canvas.overflow_log]
    app.canvas.overflow_log.clear()
    for screen in app.stack.visible():
        for widget in screen.focus.widgets:
            if getattr(widget, "overflowing", False):
                found.append((screen.name, "button", getattr(widget, "text", widget.key), tuple(widget.rect)))
    return found


def big_app(tmp_path, loaded, lang="nl", **options):
    opts = PlayOptions(loaded=loaded, window=(1280, 720), text_size="extra_large", language=lang, fast=True,
                       save=False, sound=False, data_dir=tmp_path / "data", **options)
    app = build_app(opts)
    app.canvas.overflow_log = []
    return app


@pytest.mark.parametrize("folder", bundled(), ids=lambda p: p.name)
def test_every_autoplayed_screen_fits_at_the_largest_text_size(folder, tmp_path):
    app = big_app(tmp_path, load_scenario(folder), autoplay=True)
    problems, screens = [], set()
    try:
        for _ in range(MAX_FRAMES):
            if not app.running:
                break
            app.dirty = True                      # draw every frame, so every state is looked at
            app.frame(block=False)
            if app.stack.top is not None:
                screens.add(app.stack.top.name)
            problems += overflow_here(app)
    finally:
        app.close()
    assert not app.running, "the autopilot did not finish"
    assert {"intro", "room"} <= screens, screens
    assert not problems, sorted(set(problems))[:20]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_menu_screens_fit_at_the_largest_text_size(tmp_path, lang):
    """Settings (over the intro and over the pause screen), help and pause."""
    app = big_app(tmp_path, load_scenario(FIXTURE), lang=lang, dyslexia=True)
    pilot = Pilot(app)
    seen = []
    try:
        pilot.run()
        for step in (lambda: pilot.click_widget("settings"), lambda: pilot.press("escape"),
                     lambda: pilot.press("f1"), lambda: pilot.press("f1"),
                     lambda: pilot.click_widget("start"), lambda: (pilot.type("Groep 3"), pilot.press("return")),
                     lambda: pilot.press("p"),
                     lambda: pilot.click_widget("settings")):
            step()
            app.draw()
            seen.append(app.stack.top.name)
            problems = overflow_here(app)
            assert not problems, (seen, problems)
    finally:
        app.close()
    assert seen == ["settings", "intro", "help", "intro", "group", "room", "pause", "settings"]


def test_the_walk_notices_text_that_is_cut_off(tmp_path):
    """The check itself can fail: a paragraph squeezed into one line is reported."""
    app = big_app(tmp_path, load_scenario(FIXTURE))
    try:
        layout = app.canvas.layout("een lange zin " * 40, "regular", app.size("body"), 600)
        app.canvas.paragraph(layout, (0, 0, 600, layout.line_height), (0, 0, 0))
        app.canvas.text("voorbij de rand", (1900, 10), "regular", app.size("body"), (0, 0, 0))
        kinds = [note[1] for note in overflow_here(app)]
    finally:
        app.close()
    assert kinds == ["cut", "outside"]
