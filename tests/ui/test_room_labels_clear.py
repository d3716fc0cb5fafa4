"""Room labels never lie on another place nor on each other, at every window and text size (issue #16).

Seen at --beamer in hele-team-leert: "Naar de cliënt" sat over the flip-over, so a click meant for
the flip-over went to the door.  Every bundled room with a picture, at 1280x720 and 1920x1080, at
each of the four text sizes.
"""

import pytest

from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.room import RoomScreen
from escapebox.ui.settings import TEXT_STEPS
from escapebox.ui.widgets.hotspot import Hotspot

from ui_helpers import SCENARIOS, start_game

BUNDLED = sorted(p.name for p in SCENARIOS.iterdir() if (p / "scenario.yaml").exists())
SIZES = [(1280, 720), (1920, 1080)]


def room_spots(app, pilot, room_id) -> list[Hotspot]:
    screen = RoomScreen(app, room_id)
    app.stack.reset(screen)
    pilot.run()
    return [w for w in screen.focus.widgets if isinstance(w, Hotspot)]


@pytest.mark.parametrize("text_size", list(TEXT_STEPS))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", BUNDLED)
def test_no_label_covers_another_place_or_label(make_app, name, size, text_size):
    loaded = load_scenario(SCENARIOS / name)
    app, pilot = make_app(loaded, size=size, text_size=text_size, timer_visible=False)
    start_game(pilot)
    problems = []
    for rid, room in loaded.scenario.rooms.items():
        if not room.image:
            continue
        spots = room_spots(app, pilot, rid)
        for spot in spots:
            for other in spots:
                if other is spot:
                    continue
                # only a place that holds this one whole cannot be kept clear (a key on a cupboard)
                if spot.label_rect.colliderect(other.rect) and not other.rect.contains(spot.rect):
                    problems.append(f"{rid}: label '{spot.label}' lies on the place '{other.label}'")
                if spot.label_rect.colliderect(other.label_rect):
                    problems.append(f"{rid}: label '{spot.label}' lies on the label '{other.label}'")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("text_size", list(TEXT_STEPS))
def test_a_label_without_a_line_is_clearly_nearer_to_its_own_place(make_app, text_size):
    """hele-team-leert's 'Opdrachtkaart' was 33 px from its card and 35 px from 'Kaartjes': it read as theirs."""
    from escapebox.ui import labels

    loaded = load_scenario(SCENARIOS / "hele-team-leert")
    app, pilot = make_app(loaded, size=(1920, 1080), text_size=text_size, timer_visible=False)
    start_game(pilot)
    for rid, room in loaded.scenario.rooms.items():
        if not room.image:
            continue
        spots = room_spots(app, pilot, rid)
        for spot in (s for s in spots if s.leader is None):
            own = labels.reach(spot.label_rect.center, spot.rect)
            near = [o.label for o in spots if o is not spot
                    and labels.reach(spot.label_rect.center, o.rect) < own + labels.ATTACH]
            assert not near, f"{rid}: '{spot.label}' is about as near to {near} and has no line"
