"""Messages ("toasts") never cover a control or text, and do not follow the group from screen to screen.

Every game screen (the ones with the game's top bar and toolbar) of every bundled scenario, and the
group-name screen, is checked as the keys-only auto-player reaches it, at
1280x720 and at beamer size 1920x1080: with two long messages raised, the box they are drawn in
overlaps no widget, and in the frame drawn without them the pixels under that box are all of one
colour (so no title, question, picture or line of text lies under it).
"""
from __future__ import annotations

import asyncio

import pygame
import pytest

from escapebox.scenario.loader import load_scenario
from escapebox.ui.main import PlayOptions, build_app
from escapebox.ui.screens.base import GameScreen
from escapebox.ui.screens.group_name import GroupNameScreen
from ui_helpers import SCENARIOS
from ui_helpers import start_game

#: as long as the longest clue title of the bundled scenarios, and a second message besides it
NEWEST = "Nieuwe aanwijzing: Poster op het prikbord – wie doet wat in de BPV? (C)"
OLDER = "Opgeslagen: jullie antwoord staat klaar voor de nabespreking."
BUNDLED = sorted(p for p in SCENARIOS.iterdir() if (p / "scenario.yaml").is_file())


def under_toast(app):
    """The screen without messages, then with them: (box of the messages, colours under it before)."""
    app.toasts.clear()
    app.dirty = True
    app.draw()
    plain = app.window.copy()
    app.toast(OLDER, seconds=60)
    app.toast(NEWEST, seconds=60)
    app.draw()
    box = pygame.Rect(app._toast_rect)
    colours = set()
    if box.width and box.height:
        physical = app.canvas.px(box).clip(plain.get_rect())
        region = plain.subsurface(physical)
        data = pygame.image.tobytes(region, "RGB")
        colours = {data[i:i + 3] for i in range(0, len(data), 3)}
    app.toasts.clear()
    app.dirty = True
    return box, colours


def overlaps(app, box):
    return [f"{screen.name}:{w.key}" for screen in app.stack.visible() for w in screen.focus.widgets
            if w.rect is not None and w.rect.colliderect(box)]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["window", "beamer"])
@pytest.mark.parametrize("folder", BUNDLED, ids=lambda p: p.name)
def test_messages_cover_nothing_on_any_screen(folder, size, tmp_path):
    options = PlayOptions(loaded=load_scenario(folder), autoplay=True, fast=True, save=False, sound=False,
                          data_dir=tmp_path, window=size, beamer=size == (1920, 1080))
    app = build_app(options)
    pilot, step = app.autopilot, app.autopilot.step
    seen, problems, shown = set(), [], []

    def checked_step():
        top = app.stack.top
        if isinstance(top, (GameScreen, GroupNameScreen)) and id(top) not in seen and not pygame.event.peek():
            seen.add(id(top))
            box, colours = under_toast(app)
            if box.width:
                shown.append(top.name)
                widgets = overlaps(app, box)
                if widgets or len(colours) > 1:
                    problems.append((top.name, tuple(box), widgets, len(colours)))
        step()

    pilot.step = checked_step
    try:
        asyncio.run(app.run())
    finally:
        app.services.launcher.close()
        app.close()
    assert pilot.finished() and not pilot.problems, pilot.summary()
    assert not problems, problems
    assert len(shown) >= 5 and "group" in shown, shown    # seen on most screens, not dropped everywhere


def test_a_message_goes_when_the_group_leaves_the_screen_it_was_shown_on(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, size=(1280, 720))
    start_game(pilot)
    room = pilot.screen
    app.toast(NEWEST, seconds=60)
    pilot.run()
    assert [t.shown_on for t in app.toasts] == [room]
    pilot.press("c")                      # the clue book comes over the room: a screen of its own
    pilot.run()
    assert pilot.screen is not room and app.toasts == []


def test_a_message_raised_as_the_screen_changes_shows_once_on_the_next(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, size=(1280, 720))
    start_game(pilot)
    room = pilot.screen
    app.toast(NEWEST, seconds=60)         # raised, not drawn yet: the clue book opens in the same moment
    room.open_clues()
    pilot.run()
    book = pilot.screen
    assert book is not room and [t.shown_on for t in app.toasts] == [book]
    book.back()
    pilot.run()
    assert app.toasts == []


def test_a_message_with_no_room_on_its_screen_does_not_turn_up_on_the_next(make_app, fixture_scenario, monkeypatch):
    app, pilot = make_app(fixture_scenario, size=(1280, 720))
    start_game(pilot)
    room = pilot.screen
    monkeypatch.setattr(type(room), "toast_areas", property(lambda screen: []))      # a screen full to its edges
    app.toast(NEWEST, seconds=60)
    pilot.run()
    assert app._toast_rect.width == 0 and [t.shown_on for t in app.toasts] == [room]
    room.open_clues()
    pilot.run()
    assert app.toasts == []
