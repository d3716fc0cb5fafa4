"""Render the main screens to PNG: ``python tests/ui/docs_screenshots.py [DIR] [--beamer] [--all]``.

DIR defaults to docs/img/; files are named ``play-<screen>.png``.

Not a test: a helper to look at the screens and refresh the pictures in the docs.  Uses the bundled
``voorbeeld-compleet`` scenario; set-up steps use the core's plan, the shown step is played with keys.
Runs with any SDL video driver (``SDL_VIDEODRIVER=dummy`` or under ``xvfb-run``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("ESCAPEBOX_DATA_DIR", tempfile.mkdtemp(prefix="escapebox-shots-"))


from escapebox.core import commands as C  # noqa: E402
from escapebox.core.autoplayer import branch_plan, reflection_answer  # noqa: E402
from escapebox.scenario.loader import load_scenario  # noqa: E402
from escapebox.ui.main import PlayOptions, build_app  # noqa: E402
from escapebox.ui.pilot import Pilot  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def play_until(app, stop) -> None:
    game = app.game
    for planned in branch_plan(game.session, 0):
        while game.session.current_reflection():
            game.apply(reflection_answer(game.session, game.session.current_reflection()))
        if stop(planned.command, game.session):
            break
        game.apply(planned.command)
    game.route()
    app.toasts.clear()


def keys(pilot, screen_keys):
    pilot.perform(screen_keys or [])


MAIN = {"picker", "intro", "room", "cluebook", "puzzle-code-wrong", "puzzle-code-solved", "hint-dialog",
        "puzzle-order", "reflection-text", "ending", "debrief", "help"}


def main(out: Path, size=(1920, 1080), beamer=False, everything=False) -> None:
    out.mkdir(parents=True, exist_ok=True)
    scenario = load_scenario(REPO / "scenarios" / "voorbeeld-compleet")

    def shot(app, pilot, name):
        if not everything and name not in MAIN:
            return
        app.toasts.clear()
        pilot.run()
        path = out / f"play-{name}{'-beamer' if beamer else ''}.png"
        pilot.screenshot(path)
        print(path)

    app = build_app(PlayOptions(loaded=None, window=size, beamer=beamer, sound=False, fast=True))
    pilot = Pilot(app)
    pilot.run()
    shot(app, pilot, "picker")
    app.services.launcher.close()
    app.close()

    app = build_app(PlayOptions(loaded=scenario, window=size, beamer=beamer, sound=False, fast=True))
    pilot = Pilot(app)
    pilot.run()
    shot(app, pilot, "intro")
    pilot.press("return")
    pilot.type("Groep 3")
    shot(app, pilot, "group-name")
    pilot.press("return")
    shot(app, pilot, "room")
    pilot.press("f1")
    shot(app, pilot, "help")
    pilot.press("escape")
    keys(pilot, app.stack.top.autoplay(C.Inspect("prikbord")))
    shot(app, pilot, "object")
    pilot.press("escape", "c")
    shot(app, pilot, "cluebook")
    pilot.press("escape")

    play_until(app, lambda c, s: isinstance(c, C.TryAnswer) and s.scenario.puzzles[c.puzzle].kind == "code")
    keys(pilot, app.stack.top.autoplay(C.TryAnswer("kluisje", None)))
    pilot.press("1", "2", "3", "4", "return", "4", "2")
    shot(app, pilot, "puzzle-code-wrong")
    pilot.press("h")
    shot(app, pilot, "hint-dialog")
    pilot.press("escape")
    code = next(p for p, q in scenario.scenario.puzzles.items() if q.kind == "code")
    pilot.press("backspace", "backspace", *scenario.scenario.puzzles[code].answer[0], "return")
    shot(app, pilot, "puzzle-code-solved")

    order = []
    for planned in branch_plan(app.game.session, 0):
        command = planned.command
        if isinstance(command, C.TryAnswer) and command.puzzle not in app.game.session.state.opened:
            kind = scenario.scenario.puzzles[command.puzzle].kind
            if kind not in order and kind != "code":
                order.append((kind, command.puzzle))
    for kind, puzzle in order:
        play_until(app, lambda c, s, p=puzzle: isinstance(c, C.TryAnswer) and c.puzzle == p)
        keys(pilot, app.stack.top.autoplay(C.TryAnswer(puzzle, None)))
        shot(app, pilot, f"puzzle-{kind}")

    app.stack.top.open_pause()
    shot(app, pilot, "pause")
    pilot.press("p")

    play_until(app, lambda c, s: False)
    # the group's own answers for the last reflections, then the ending and the debrief
    while app.game.session.current_reflection():
        top = app.stack.top
        shot(app, pilot, f"reflection-{top.kind}")
        keys(pilot, top.autoplay(reflection_answer(app.game.session, app.game.session.current_reflection())))
        pilot.run()
        if app.stack.top is top:
            keys(pilot, top.autoplay(reflection_answer(app.game.session, top.reflection_id)))
    shot(app, pilot, "ending")
    pilot.press("return")
    shot(app, pilot, "debrief")
    app.services.launcher.close()
    app.close()


if __name__ == "__main__":
    paths = [a for a in sys.argv[1:] if not a.startswith("--")]
    target = Path(paths[0]) if paths else REPO / "docs" / "img"
    main(target, beamer="--beamer" in sys.argv, everything="--all" in sys.argv)
