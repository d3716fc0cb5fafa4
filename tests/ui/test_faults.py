"""Faults during play: bad pictures and sounds, a disk that refuses, a scenario that vanishes,
window changes, no sound card.  In every case play goes on, the group is told once, and
nothing the group typed is thrown away.
"""

import os
import shutil

import pygame
import pytest

from escapebox.core import commands as C
from escapebox.scenario.loader import load_scenario
from escapebox.ui.audio import Audio
from escapebox.ui.images import ImageCache
from tests.bad_inputs import corpus

from ui_helpers import FIXTURE, start_game, tab_to
from tests.ui.doubles import BrokenStore


def picture_scenario(tmp_path, asset: str, data: bytes | None):
    folder = tmp_path / "scenario"
    if data is not None:
        corpus.write(folder, asset, data)
    corpus.write(folder, "scenario.yaml", corpus.media_scenario(asset))
    return load_scenario(folder)


def good_png() -> bytes:
    import io
    surface = pygame.Surface((40, 30))
    surface.fill((200, 40, 40))
    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "png")
    return buffer.getvalue()


def bad_pictures():
    cases = [(name, asset, data) for name, asset, data in corpus.media_cases()]
    cases.append(("missing", "images/a.png", None))
    cases.append(("png_data_cut", "images/a.png", "cut"))   # a real header, then the data stops
    return cases


@pytest.mark.parametrize("name,asset,data", bad_pictures(), ids=[c[0] for c in bad_pictures()])
def test_bad_picture_in_play_gives_text_and_one_warning(make_app, tmp_path, name, asset, data):
    if data == "cut":
        data = good_png()[:60]
    loaded = picture_scenario(tmp_path, asset, data)
    app, pilot = make_app(loaded)
    start_game(pilot)
    assert app.stack.top.name == "room"
    for _ in range(3):                            # layouts and frames again: still one warning
        app.stack.top.layout()
        pilot.run(frames=2)
    warnings = [t for t in app.toasts if "a." in t.text and t.kind == "danger"]
    assert len(warnings) == 1, [t.text for t in app.toasts]
    assert set(app.images.problems) == {loaded.folder / asset}
    app.draw()                                      # the room is drawn with cards instead of the picture


def test_good_picture_is_shown_without_warning(make_app, tmp_path):
    loaded = picture_scenario(tmp_path, "images/a.png", good_png())
    app, pilot = make_app(loaded)
    start_game(pilot)
    assert app.images.natural_size(loaded.folder / "images/a.png") == (40, 30)
    assert not app.images.problems and not [t for t in app.toasts if t.kind == "danger"]


def test_picture_symlinked_out_of_the_scenario_folder_is_refused(make_app, tmp_path):
    secret = tmp_path / "elders" / "geheim.png"
    corpus.write(secret.parent, secret.name, good_png())
    loaded = picture_scenario(tmp_path, "images/a.png", None)
    (loaded.folder / "images").mkdir()
    os.symlink(secret, loaded.folder / "images" / "a.png")
    app, pilot = make_app(loaded)
    start_game(pilot)
    problem = app.images.problems[loaded.folder / "images/a.png"]
    assert problem.code == "robust.media.outside"
    assert app.images.original(loaded.folder / "images/a.png") is None


def test_image_cache_without_an_allowed_folder_shows_nothing(tmp_path):
    corpus.write(tmp_path, "a.png", good_png())
    cache = ImageCache(None)
    assert cache.natural_size(tmp_path / "a.png") is None
    cache.allow(tmp_path)                             # a new game: earlier refusals are forgotten
    assert cache.natural_size(tmp_path / "a.png") == (40, 30)
    cache.allow(tmp_path / "ander-scenario")          # the next game: the old pictures are dropped
    assert cache.natural_size(tmp_path / "a.png") is None


@pytest.mark.parametrize("name,code,data", corpus.sound_cases(), ids=[c[0] for c in corpus.sound_cases()])
def test_bad_sound_is_silence_and_one_warning(tmp_path, name, code, data):
    corpus.write(tmp_path, "success.wav", data)
    reported = []
    audio = Audio(tmp_path, on_problem=lambda path, problem, kind: reported.append((path.name, problem.code, kind)))
    try:
        assert audio.available                       # the dummy driver is a working mixer
        assert reported == [("success.wav", code, "sound")]
        audio.play("success")                        # no sound, no exception
    finally:
        audio.close()


def test_no_audio_device(monkeypatch, tmp_path):
    def no_device(*args, **kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    audio = Audio(tmp_path)
    assert not audio.available
    audio.play("success")
    audio.close()


def go_to_text_reflection(pilot):
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    tab_to(pilot, "obj:kastje")
    pilot.press("return", "1", "2", "3", "4", "return", "return")
    assert pilot.screen.name == "reflection-text"



def test_reflection_draft_that_cannot_be_saved_is_kept_and_retried(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    go_to_text_reflection(pilot)
    store = game.session.store
    game.session.store = BrokenStore(store)
    pilot.type("wat we leerden")
    app.stack.top.last_save = 0
    pilot.run(frames=2)
    assert app.banner and "opslaan lukt niet" in app.banner
    assert list(game.session.unsaved_drafts.values()) == ["wat we leerden"]
    game.route()                                     # the screen is rebuilt: the text is still there
    assert pilot.screen.entry.text == "wat we leerden"
    game.session.store = store                       # the disk has room again
    pilot.type("!")
    app.stack.top.last_save = 0
    pilot.run(frames=2)
    assert game.session.unsaved_drafts == {}
    assert list(store.drafts(game.session.session_id).values()) == ["wat we leerden!"]
    assert app.banner is None


def app_with_data_dir(loaded, data_dir):
    from escapebox.ui.main import PlayOptions, build_app
    from escapebox.ui.pilot import Pilot
    app = build_app(PlayOptions(loaded=loaded, window=(1280, 720), sound=False, fast=True, data_dir=data_dir))
    pilot = Pilot(app)
    pilot.run()
    return app, pilot


@pytest.fixture
def closing():
    apps = []
    yield apps
    for app in apps:
        app.services.launcher.close()
        app.close()


def test_data_folder_that_cannot_be_made(closing, fixture_scenario, tmp_path):
    """The data folder's parent is a file (as good as read-only, even for root): play without saving."""
    blocker = tmp_path / "geen-map"
    blocker.write_text("x")
    app, pilot = app_with_data_dir(fixture_scenario, blocker / "data")
    closing.append(app)
    assert app.services.launcher.store is None and app.banner
    game = start_game(pilot)
    go_to_text_reflection(pilot)
    pilot.type("toch bewaard in het geheugen")
    app.stack.top.last_save = 0
    pilot.run(frames=2)
    game.route()
    assert pilot.screen.entry.text == "toch bewaard in het geheugen"


def data_folder_without_saves(tmp_path):
    """A data folder that is there but takes no saves, as when it is read only.

    A folder where the saves file belongs refuses every user, root (CI) too, where
    permission bits would not (and Escapebox sets its own folder to 0700 anyway).
    """
    from escapebox.core.store import DB_NAME
    data = tmp_path / "alleen-lezen"
    (data / DB_NAME).mkdir(parents=True)
    return data


def test_read_only_data_folder(closing, fixture_scenario, tmp_path):
    app, pilot = app_with_data_dir(fixture_scenario, data_folder_without_saves(tmp_path))
    closing.append(app)
    assert app.services.launcher.store is None
    assert app.banner == app.tr("ui.banner.save_failed")
    game = start_game(pilot)
    assert game.session.state.group == "Groep 3"


def test_the_no_saving_banner_stays_during_play(closing, fixture_scenario, tmp_path):
    app, pilot = app_with_data_dir(fixture_scenario, data_folder_without_saves(tmp_path))
    closing.append(app)
    start_game(pilot)
    assert app.banner == app.tr("ui.banner.save_failed")


def test_scenario_deleted_or_changed_during_play(make_app, tmp_path):
    folder = tmp_path / "kopie"
    shutil.copytree(FIXTURE, folder)
    loaded = load_scenario(folder)
    app, pilot = make_app(loaded)
    game = start_game(pilot)
    (folder / "scenario.yaml").write_text("kapot: [", encoding="utf-8")
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    shutil.rmtree(folder)                            # pictures and all
    tab_to(pilot, "obj:kastje")
    pilot.press("return", "1", "2", "3", "4", "return", "return")
    assert pilot.screen.name == "reflection-text"   # play went on from the loaded copy
    assert "briefje" in game.session.state.clues
    app.draw()


def test_window_resized_minimised_and_restored(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, size=(1280, 720))
    start_game(pilot)
    for size in ((800, 600), (1920, 1080), (640, 360)):
        pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
        pilot.run(frames=2)
        assert app.window.get_size() == size
    pygame.event.post(pygame.event.Event(pygame.WINDOWMINIMIZED))
    pilot.run(frames=2)
    pygame.event.post(pygame.event.Event(pygame.WINDOWRESTORED))
    pilot.run(frames=2)
    tab_to(pilot, "obj:bord")
    pilot.press("return")
    assert "briefje" in app.game.session.state.clues


def test_commands_keep_working_after_a_failed_checkpoint(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    game.session.store = BrokenStore(game.session.store)
    game.session.checkpoint()
    outcome = game.apply(C.Inspect("bord"))
    assert not outcome.refused
