"""Headless UI tests: SDL's dummy video and audio drivers, a pilot that presses keys and clicks.

``pytest --update-goldens`` rewrites the golden screenshots in tests/ui/golden/.
"""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest  # noqa: E402

from escapebox.scenario.loader import load_scenario  # noqa: E402

from ui_helpers import FIXTURE, SCENARIOS, start_game  # noqa: E402


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite the golden screenshots in tests/ui/golden/")


@pytest.fixture
def update_goldens(request):
    return request.config.getoption("--update-goldens")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    """Never touch the real user's saved sessions."""
    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def fixture_scenario():
    return load_scenario(FIXTURE)


@pytest.fixture
def own(tmp_path, monkeypatch):
    """The trainer's own scenarios in tmp_path (the data folder of this test), where a drop or an open adds one."""
    from escapebox import paths
    monkeypatch.setenv(paths.DATA_DIR_VARIABLE, str(tmp_path / "data"))
    return tmp_path / "data" / "scenarios"


@pytest.fixture
def good_pack(tmp_path):
    """A valid .escapebox pack of the bundled minimal scenario."""
    from escapebox.cli import main
    pack = tmp_path / "sleutel.escapebox"
    assert main(["pack", str(SCENARIOS / "minimaal"), "-o", str(pack)]) == 0
    return pack


@pytest.fixture
def make_app(tmp_path):
    """Build an app on its first screen; returns (app, pilot).  Closed after the test."""
    from escapebox.ui.main import PlayOptions, build_app
    from escapebox.ui.pilot import Pilot

    made = []

    def make(loaded=None, *, size=(1920, 1080), lang="nl", save=True, **options):
        fast = options.pop("fast", True)
        opts = PlayOptions(loaded=loaded, window=size, language=lang, save=save, fast=fast,
                           scripted=options.pop("scripted", fast),
                           sound=False, data_dir=tmp_path / "data", **options)
        app = build_app(opts)
        made.append(app)
        pilot = Pilot(app, hands=not opts.scripted)
        pilot.run()
        return app, pilot

    yield make
    for app in made:
        app.services.launcher.close()
        app.close()


@pytest.fixture
def game_app(make_app, fixture_scenario):
    """The fixture scenario, started past the intro and group name: (app, pilot)."""
    app, pilot = make_app(fixture_scenario)
    start_game(pilot)
    return app, pilot
