"""Render the same room in every bundled theme, in Dutch and English: ``python tests/ui/theme_screenshots.py [DIR]``.

DIR defaults to docs/img/; files are named ``theme-<theme>-<lang>.png`` (the README's "Huisstijl"
section shows them).  Not a test: a helper to look at the themes and refresh the pictures.
Runs with any SDL video driver (``SDL_VIDEODRIVER=dummy`` or under ``xvfb-run``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("ESCAPEBOX_DATA_DIR", tempfile.mkdtemp(prefix="escapebox-themes-"))

from escapebox.scenario.loader import load_scenario  # noqa: E402
from escapebox.themes.loader import builtin_file  # noqa: E402
from escapebox.ui.main import PlayOptions, build_app  # noqa: E402
from escapebox.ui.pilot import Pilot  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
THEMES = {"default": False, "high_contrast": True, "zorggroep-voorbeeld": False}


def shoot(out: Path, theme: str, lang: str) -> Path:
    options = PlayOptions(loaded=load_scenario(REPO / "scenarios" / "tutorial"), window=(1280, 720), language=lang,
                          fast=True, save=False, sound=False, high_contrast=THEMES[theme],
                          theme_file=None if THEMES[theme] else builtin_file(theme))
    app = build_app(options)
    pilot = Pilot(app)
    try:
        pilot.run()
        if app.theme.logo:                      # the organisation's logo is on the title screen
            pilot.screenshot(out / f"theme-{theme}-{lang}-intro.png")
        pilot.press("return")
        pilot.type("Groep 3")
        pilot.press("return")
        pilot.press("tab")                      # focus on the first object: the focus ring shows too
        app.toasts.clear()
        path = out / f"theme-{theme}-{lang}.png"
        pilot.screenshot(path)
        return path
    finally:
        app.close()


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else REPO / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    for theme in THEMES:
        for lang in ("nl", "en"):
            print(shoot(out, theme, lang))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
