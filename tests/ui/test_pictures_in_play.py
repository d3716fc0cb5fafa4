"""Pictures that lie about their size, in play: refused before any decoder sees them, placeholder and
one message; and when a decoder or a conversion runs out of memory anyway, the same — never a crash.
"""

import json
import os
import subprocess
import sys

import pygame
import pytest

from escapebox.pack.open import open_scenario
from escapebox.pack.writer import build_pack, write_pack
from escapebox.scenario import picturebudget
from escapebox.scenario.loader import load_scenario
from escapebox.ui import images as images_module
from escapebox.ui.images import ImageCache
from tests.bad_inputs import corpus

from ui_helpers import REPO, start_game

LYING = corpus.lying_pictures()


def picture_game(tmp_path, asset: str, data: bytes):
    folder = tmp_path / "scenario"
    corpus.write(folder, asset, data)
    corpus.write(folder, "scenario.yaml", corpus.playable_scenario(asset))
    return load_scenario(folder)


def danger(app) -> list[str]:
    return [t.text for t in app.toasts if t.kind == "danger"]


@pytest.fixture
def decoded(monkeypatch):
    """Every path a decoder is asked to open (pygame.image.load and load_sized_svg)."""
    seen = []
    load, load_sized = pygame.image.load, pygame.image.load_sized_svg

    def spy_load(path, *args):
        seen.append(str(path))
        return load(path, *args)

    def spy_sized(path, size):
        seen.append(str(path))
        return load_sized(path, size)
    monkeypatch.setattr(pygame.image, "load", spy_load)
    monkeypatch.setattr(pygame.image, "load_sized_svg", spy_sized)
    return seen


def settle_in_first_room(app, pilot) -> None:
    """Start the game and let the first room lay out and draw its pictures a few times."""
    start_game(pilot)
    for _ in range(3):
        app.stack.top.layout()
        pilot.run(frames=2)
    app.draw()


@pytest.mark.parametrize("name,asset,code,data", LYING, ids=[c[0] for c in LYING])
def test_a_pack_with_a_lying_picture_is_refused_at_play(make_app, tmp_path, decoded, name, asset, code, data):
    """Packed (the pack writer does not validate when called directly) and played: never decoded."""
    pack = tmp_path / "x.escapebox"
    write_pack(build_pack(picture_game(tmp_path, asset, data)), pack)
    loaded = open_scenario(pack)
    app, pilot = make_app(loaded)
    settle_in_first_room(app, pilot)
    path = loaded.folder / asset
    assert app.stack.top.name == "room"
    assert app.images.problems[path].code == code
    assert len(danger(app)) == 1 and path.name in danger(app)[0]
    assert str(path) not in decoded


class FakeSurface:
    """What pygame.image.load returns when the decode fits but the conversion does not."""

    def __init__(self, error):
        self.error = error

    def get_size(self):
        return (40, 30)

    def get_width(self):
        return 40

    def get_height(self):
        return 30

    def convert_alpha(self):
        raise self.error


def out_of_memory(kind: str):
    return MemoryError() if kind == "MemoryError" else pygame.error("Out of memory")


@pytest.mark.parametrize("stage", ["decode", "convert", "scale", "svg"])
@pytest.mark.parametrize("kind", ["MemoryError", "pygame.error"])
def test_memory_running_out_anywhere_gives_the_placeholder_and_one_message(make_app, tmp_path, monkeypatch,
                                                                           stage, kind):
    asset = "images/a.svg" if stage == "svg" else "images/a.png"
    data = corpus.svg('viewBox="0 0 40 30"') if stage == "svg" else corpus.png(40, 30)
    loaded = picture_game(tmp_path, asset, data)
    path = str(loaded.folder / asset)
    load, load_sized, smoothscale = pygame.image.load, pygame.image.load_sized_svg, pygame.transform.smoothscale

    def fake_load(file, *args):
        if str(file) != path:
            return load(file, *args)
        if stage == "decode":
            raise out_of_memory(kind)
        if stage == "convert":
            return FakeSurface(out_of_memory(kind))
        return load(file, *args)

    def fake_sized(file, size):
        if str(file) == path and stage == "svg":
            raise out_of_memory(kind)
        return load_sized(file, size)

    def fake_scale(surface, size, *args):
        if stage == "scale" and surface.get_size() == (40, 30):
            raise out_of_memory(kind)
        return smoothscale(surface, size, *args)
    monkeypatch.setattr(pygame.image, "load", fake_load)
    monkeypatch.setattr(pygame.image, "load_sized_svg", fake_sized)
    monkeypatch.setattr(pygame.transform, "smoothscale", fake_scale)

    app, pilot = make_app(loaded)
    settle_in_first_room(app, pilot)
    assert app.stack.top.name == "room"
    assert app.images.problems[loaded.folder / asset].code == "media.no_memory"
    assert len(danger(app)) == 1 and "geheugen" in danger(app)[0], danger(app)


CAPPED = r"""
import json, os, resource, sys
from pathlib import Path
os.environ["SDL_VIDEODRIVER"] = os.environ["SDL_AUDIODRIVER"] = "dummy"
repo, folder = Path(sys.argv[1]), Path(sys.argv[2])
sys.path[:0] = [str(repo), str(repo / "tests" / "ui")]
from tests.bad_inputs import corpus
from escapebox.scenario.loader import load_scenario
from escapebox.scenario.mediacheck import MediaInfo
import escapebox.ui.images as images
from escapebox.ui.main import PlayOptions, build_app
from escapebox.ui.pilot import Pilot
from ui_helpers import start_game
import pygame

corpus.write(folder, "images/a.gif", corpus.gif([(12000, 12000)]))     # 144 MB to decode, 576 MB as 32 bits
corpus.write(folder, "scenario.yaml", corpus.playable_scenario("images/a.gif"))
loaded = load_scenario(folder)
images.inspect_image = lambda path: MediaInfo("gif", 16, 16)          # a picture the header check misjudged
app = build_app(PlayOptions(loaded=loaded, window=(1280, 720), save=False, fast=True, sound=False,
                            data_dir=folder / "data"))
pilot = Pilot(app)
pilot.run()
status = {l.split(":")[0]: l.split()[1] for l in open("/proc/self/status") if l.startswith(("VmSize", "VmHWM"))}
cap = int(status["VmSize"]) * 1024 + 400 * 2 ** 20
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
start_game(pilot)
for _ in range(3):
    app.stack.top.layout()
    pilot.run(frames=2)
app.draw()
path = loaded.folder / "images/a.gif"
problem = app.images.problems.get(path)
try:                                                   # what the cap does to the decoder on its own
    surface = pygame.image.load(str(path))
    decoded = True
    surface.convert_alpha()
    converted = True
except pygame.error:
    decoded, converted = locals().get("decoded", False), False
print(json.dumps({"screen": app.stack.top.name, "problem": problem.code if problem else None,
                  "toasts": [t.text for t in app.toasts if t.kind == "danger"],
                  "decoded": decoded, "converted": converted}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc are Linux")
def test_with_memory_capped_the_game_shows_the_placeholder_instead_of_crashing(tmp_path):
    """The real decoder under a real cap: the GIF decodes (8 bits a pixel), its conversion for the window
    does not fit — where the game crashed before (``convert_alpha`` sat outside the guarded block)."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "ESCAPEBOX_DATA_DIR": str(tmp_path / "data"), "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    result = subprocess.run([sys.executable, "-c", CAPPED, str(REPO), str(tmp_path / "scenario")],
                            capture_output=True, text=True, timeout=120, env=env, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["decoded"] and not report["converted"], report      # the cap hits the conversion
    assert report["screen"] == "room" and report["problem"] == "media.no_memory", report
    assert len(report["toasts"]) == 1 and "a.gif" in report["toasts"][0]


# ----- the room budget in play (scaled down: the same code, a budget of 3000 pixels) ------------
BUDGET_SCENARIO = corpus.GOOD_HEAD + """rooms:
  hal:
    name: Hal
    text: Hier.
    image: hal.png
    image_alt: Hal.
    objects:
      a: {name: A, text: A., image: a.png, image_alt: A.}
      b: {name: B, text: B., image: b.png, image_alt: B., locked_by: slot}
    exits:
      - {to: gang, label: Gang}
  gang:
    name: Gang
    text: Daar.
    image: gang.png
    image_alt: Gang.
puzzles:
  slot: {kind: word, title: Slot, question: Wat?, answer: open, hints: [Denk.], leads_to: uit}
endings:
  uit: {title: Uit, text: Klaar.}
"""


@pytest.fixture
def small_budget(monkeypatch, tmp_path):
    monkeypatch.setattr(picturebudget, "ROOM_PIXELS", 3000)
    monkeypatch.setattr(images_module, "ROOM_PIXELS", 3000)
    corpus.write(tmp_path, "scenario.yaml", BUDGET_SCENARIO.encode())
    for name in ("hal", "a", "b", "gang"):
        corpus.write(tmp_path, f"{name}.png", corpus.png(40, 30))          # 1200 pixels each
    return load_scenario(tmp_path)


def test_a_picture_over_the_room_budget_is_not_decoded(small_budget, decoded):
    reported = []
    cache = ImageCache(None, on_problem=lambda path, problem: reported.append((path.name, problem.code)))
    cache.allow(small_budget.folder, small_budget)
    folder = small_budget.folder
    assert cache.natural_size(folder / "hal.png") == (40, 30)
    assert cache.natural_size(folder / "a.png") == (40, 30)
    assert cache.natural_size(folder / "b.png") is None                 # 3600 > 3000 in the hal
    assert reported == [("b.png", "media.room_budget")]
    assert cache.problems[folder / "b.png"].params == {"room": "Hal", "pixels": "1", "limit": "1"}
    assert str(folder / "b.png") not in decoded
    assert cache.natural_size(folder / "gang.png") == (40, 30)          # another room: fits
    assert cache.kept_pixels <= 3000                                    # the hal's oldest went


def test_decoded_originals_stay_under_the_budget(small_budget):
    cache = ImageCache(None)
    cache.allow(small_budget.folder, small_budget)
    for _ in range(3):
        for name in ("hal", "a", "gang"):
            assert cache.original(small_budget.folder / f"{name}.png") is not None
            assert cache.kept_pixels <= 3000


def test_the_budget_message_in_play(make_app, small_budget):
    app, pilot = make_app(small_budget)
    start_game(pilot)
    assert app.images.original(small_budget.folder / "b.png") is None
    pilot.run(frames=2)
    assert len(danger(app)) == 1 and "de kamer 'Hal' toont samen" in danger(app)[0], danger(app)
