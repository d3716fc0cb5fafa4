"""A short monkey run on every commit: 2,000 seeded random events through the real App.

The long run (``python scripts/monkey.py --events 100000``) is reported in
docs/robustness.md; this one catches the regressions in seconds.  A crash
fails the test with the seed in its name, so it can be replayed.
"""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "monkey.py"


def load_monkey():
    spec = importlib.util.spec_from_file_location("escapebox_monkey", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", [11, 12])
def test_monkey_does_not_crash(seed, tmp_path):
    monkey = load_monkey()
    stats = monkey.run(seed, 1000, episode=250, data_dir=tmp_path / "data", log=lambda *a: None)
    assert stats["events"] == 1000
    assert stats["episodes"] >= 4                      # several scenarios (or the picker) were played
    assert stats["text"] > 0 and stats["widget"] > 0   # it really typed and clicked


def test_zero_width_and_nul_text_render(make_app):
    """Found by the monkey: a lone BOM or bidi mark made SDL_ttf raise 'Text has zero width'."""
    app, pilot = make_app()
    for text in ("\ufeff", "\u202e", "\u202c", "\x00", "a\x00b"):
        surface = app.text.render(text, "regular", 30, (0, 0, 0))
        assert surface.get_height() > 0


def test_stop_from_pause_goes_back_to_the_picker(make_app, fixture_scenario):
    """Found by the monkey (seed 2): the room screen was laid out again after its game was gone."""
    app, pilot = make_app()
    assert pilot.screen.name == "picker"
    app.services.launcher.start(fixture_scenario, "Groep 3")
    pilot.run()
    pilot.press("p")
    assert pilot.screen.name == "pause"
    pilot.click_widget("stop")
    assert pilot.screen.name == "picker" and app.game is None
