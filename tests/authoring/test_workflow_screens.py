"""The pictures in docs/authoring.md: validate in a terminal, the graph, the dev-mode overlay.

``python tests/authoring/test_workflow_screens.py [DIR]`` (re)writes
``authoring-validate.png``, ``authoring-graph.png`` and
``authoring-dev-overlay.png`` (DIR defaults to docs/img/) from real output:
``escapebox validate --strict`` on a copy of ``scenarios/minimaal`` with the
mistakes trainers make most (a typo in an id, a clue nobody can find), and
``escapebox play --dev`` on a copy with a typo in a lock.  The tests below
check that the pictures can be made and show what the doc says they show.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from escapebox.cli import main as cli_main  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
MINIMAAL = REPO / "scenarios" / "minimaal"
TERMINAL_BG, TERMINAL_FG, PROMPT_FG, ERROR_FG = (30, 30, 36), (225, 225, 225), (120, 200, 120), (250, 140, 120)


def copy_with(folder: Path, replacements: list[tuple[str, str]]) -> Path:
    """A copy of scenarios/minimaal named ``folder`` with some text replaced (each must occur)."""
    shutil.copytree(MINIMAAL, folder)
    file = folder / "scenario.yaml"
    text = file.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")
    return folder


VALIDATE_MISTAKES = [("reveals: [briefje]", "reveals: [brefje]"), ("    needs: [briefje]\n", "")]
DEV_MISTAKES = [("locked_by: kastje", "locked_by: kastej")]


def run_cli(argv: list[str], cwd: Path) -> tuple[int, str]:
    """Run ``escapebox ARGV`` in ``cwd``; returns the exit code and what a terminal would show."""
    out = io.StringIO()
    here = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = cli_main(argv)
    finally:
        os.chdir(here)
    return code, out.getvalue()


def _mono_font(size: int) -> pygame.font.Font:
    """A monospaced font if the system has one, else the game's own font (still readable)."""
    found = pygame.font.match_font("dejavusansmono,liberationmono,notosansmono,couriernew")
    if found:
        return pygame.font.Font(found, size)
    return pygame.font.Font(str(REPO / "assets" / "fonts" / "AtkinsonHyperlegible-Regular.ttf"), size)


def wrap(line: str, width: int) -> list[str]:
    return [line[i:i + width] for i in range(0, max(1, len(line)), width)] or [""]


def terminal_png(command: str, output: str, path: Path, columns: int = 100) -> pygame.Surface:
    """Draw a command and its output the way a terminal window shows them."""
    pygame.font.init()
    font = _mono_font(22)
    rows = [("$ " + command, PROMPT_FG)]
    for line in output.rstrip("\n").splitlines():
        colour = ERROR_FG if ": waarschuwing:" not in line and ".yaml:" in line and "fout" not in line else TERMINAL_FG
        rows += [(part, colour) for part in wrap(line, columns)]
    rows.append(("$ ", PROMPT_FG))
    char_w, line_h = font.size("M")[0], font.get_linesize() + 4
    surface = pygame.Surface((char_w * columns + 64, line_h * len(rows) + 92))
    surface.fill(TERMINAL_BG)
    pygame.draw.rect(surface, (60, 60, 70), (0, 0, surface.get_width(), 40))
    for n, colour in enumerate(((237, 106, 94), (245, 191, 79), (98, 197, 84))):
        pygame.draw.circle(surface, colour, (24 + n * 26, 20), 8)
    title = font.render("Opdrachtprompt", True, (200, 200, 200))
    surface.blit(title, title.get_rect(center=(surface.get_width() // 2, 20)))
    for n, (text, colour) in enumerate(rows):
        surface.blit(font.render(text, True, colour), (32, 62 + n * line_h))
    pygame.image.save(surface, str(path))
    return surface


def validate_png(path: Path) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        copy_with(Path(tmp) / "mijn-casus", VALIDATE_MISTAKES)
        _code, output = run_cli(["validate", "--strict", "mijn-casus"], Path(tmp))
    terminal_png("escapebox validate --strict mijn-casus", output, path)
    return output


def graph_png(path: Path) -> int:
    return cli_main(["graph", str(REPO / "scenarios" / "student-met-rugzak"), "-o", str(path)])


def dev_overlay_png(path: Path, data_dir: Path) -> tuple[object, list[str]]:
    """Play a copy in dev mode, save a typo in it, and photograph the game with the validator's message."""
    from escapebox.core import commands as C
    from escapebox.scenario.loader import load_scenario
    from escapebox.ui.main import PlayOptions, build_app
    from escapebox.ui.pilot import Pilot

    path = Path(path).resolve()                  # we change folder below
    with tempfile.TemporaryDirectory() as tmp:
        folder = copy_with(Path(tmp) / "mijn-casus", [])
        here = Path.cwd()
        os.chdir(tmp)                            # as a trainer types it: escapebox play mijn-casus --dev
        app = build_app(PlayOptions(loaded=load_scenario("mijn-casus"), window=(1920, 1080), sound=False, fast=True,
                                    dev=True, data_dir=data_dir))
        pilot = Pilot(app)
        try:
            pilot.run()
            pilot.press("return")
            pilot.type("Groep 3")
            pilot.press("return")
            app.game.apply(C.Inspect("prikbord"))
            file = folder / "scenario.yaml"
            text = file.read_text(encoding="utf-8")
            for old, new in DEV_MISTAKES:
                text = text.replace(old, new)
            file.write_text(text, encoding="utf-8")
            os.utime(file, ns=(file.stat().st_mtime_ns + 2_000_000_000,) * 2)
            app.services.dev.watcher.next_check = 0
            pilot.run()
            app.toasts.clear()
            pilot.screenshot(path)
            top = app.stack.top
            return top, (top.lines() if hasattr(top, "lines") else [])
        finally:
            os.chdir(here)
            app.services.launcher.close()
            app.close()


# ------------------------------------------------------------------ tests


def test_validate_picture_shows_the_real_messages(tmp_path):
    output = validate_png(tmp_path / "validate.png")
    assert "mijn-casus/scenario.yaml:36:" in output and "brefje" in output and "briefje" in output
    assert "(1 fout, " in output
    picture = pygame.image.load(str(tmp_path / "validate.png"))
    assert picture.get_width() > 1000 and picture.get_height() > 150


def test_graph_picture_is_made(tmp_path):
    assert graph_png(tmp_path / "graph.png") == 0
    assert pygame.image.load(str(tmp_path / "graph.png")).get_width() > 400


def test_dev_overlay_picture_shows_the_validator_message(tmp_path):
    from escapebox.ui.dev.overlay import ProblemsOverlay
    top, lines = dev_overlay_png(tmp_path / "dev.png", tmp_path / "data")
    assert isinstance(top, ProblemsOverlay)
    assert any("kastej" in line and line.startswith("mijn-casus/scenario.yaml:41:") for line in lines), lines
    assert pygame.image.load(str(tmp_path / "dev.png")).get_size() == (1920, 1080)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "img"
    target.mkdir(parents=True, exist_ok=True)
    print(validate_png(target / "authoring-validate.png"))
    graph_png(target / "authoring-graph.png")
    with tempfile.TemporaryDirectory() as data:
        dev_overlay_png(target / "authoring-dev-overlay.png", Path(data))
    for name in ("validate", "graph", "dev-overlay"):
        print(target / f"authoring-{name}.png")
