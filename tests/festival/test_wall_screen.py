"""The wall on screen: rows from a real hub, the trainer's keys and clicks reach the groups."""

from __future__ import annotations

import pytest

from escapebox.core.autoplayer import branch_plan
from tests.festival.conftest import CODE, wait_until

NAMES = ("tutorial", "student-met-rugzak", "zij-instromer", "hele-team-leert", "voorbeeld-compleet")


def festival(laptops, hub, count: int = len(NAMES), offline: bool = True):
    """Groups part-way through the bundled scenarios: the second stuck, the last gone offline."""
    made = []
    for n, name in enumerate(NAMES[:count]):
        laptop = laptops(name=name, group=f"Groep {n + 1}")
        laptop.publisher.start()
        for planned in branch_plan(laptop.session)[:n * 3]:
            laptop.clock.advance(15)
            laptop.session.apply(planned.command)
        if n == 1:
            laptop.clock.advance(7 * 60)           # seven minutes without progress
        laptop.status()
        made.append(laptop)
    sessions = [laptop.session.session_id for laptop in made]
    assert wait_until(lambda: all(hub.store.upto(s) == laptop.rows()[-1][0] for s, laptop in zip(sessions, made)))
    assert wait_until(lambda: all(hub.tracks()[s].status for s in sessions))
    if offline:
        made[-1].publisher.close()                    # the last laptop closes its lid
        assert wait_until(lambda: not hub.tracks()[sessions[-1]].online)
    return made


@pytest.fixture
def wall(hub):
    from escapebox.ui.festival.wall import wall_app
    from escapebox.ui.pilot import Pilot
    apps = []

    def make(size=(1280, 720)):
        app = wall_app(hub, CODE, "192.168.1.20:1883", window=size, language="nl")
        apps.append(app)
        pilot = Pilot(app)
        pilot.run()
        return app, pilot
    yield make
    for app in apps:
        app.close()


def test_groups_needing_help_come_first_with_their_state_in_words(hub, laptops, wall):
    made = festival(laptops, hub)
    app, pilot = wall()
    pilot.run(2)
    screen = app.stack.top
    states = {r.group: screen.state_text(r) for r in screen.rows}
    assert [r.group for r in screen.rows][:2] == ["Groep 2", "Groep 5"]
    assert states["Groep 2"] == "VAST 7 min" and states["Groep 5"] == "OFFLINE"
    assert len(screen.rows) == len(made)
    rows = [w for w in screen.focus.widgets if (w.key or "").startswith("group:")]
    assert len(rows) == len(made)


def test_the_trainer_pauses_one_group_by_keys_and_all_groups_by_clicks(hub, laptops, wall):
    made = festival(laptops, hub, count=2, offline=False)
    app, pilot = wall()
    pilot.run(2)
    screen = app.stack.top
    target = next(laptop for laptop in made if laptop.session.session_id == screen.selected)
    other = next(laptop for laptop in made if laptop is not target)
    pilot.press("p")
    assert wait_until(lambda: not target.publisher.commands.empty())
    assert target.publisher.commands.get_nowait()["action"] == "pause"
    assert other.publisher.commands.empty()
    pilot.click_widget("target")                       # "Aan: alle groepen"
    pilot.click_widget("plus")
    for laptop in made:
        assert wait_until(lambda laptop=laptop: not laptop.publisher.commands.empty())
        command = laptop.publisher.commands.get_nowait()
        assert (command["action"], command["seconds"]) == ("time", 300)


def test_the_stuck_limit_is_the_trainers(hub, laptops, wall):
    festival(laptops, hub, count=2, offline=False)
    app, pilot = wall()
    pilot.run(2)
    screen = app.stack.top
    assert any(r.stuck for r in screen.rows)
    for _ in range(3):
        pilot.press("]")
    pilot.run()
    assert screen.stuck_minutes == 8 and not any(r.stuck for r in screen.rows)


def test_the_end_asks_once_more(hub, laptops, wall):
    made = festival(laptops, hub, count=1, offline=False)
    app, pilot = wall()
    pilot.run(2)
    pilot.click_widget("end")
    pilot.run(5)
    assert made[0].publisher.commands.empty()
    pilot.click_widget("end")
    assert wait_until(lambda: not made[0].publisher.commands.empty())
    assert made[0].publisher.commands.get_nowait()["action"] == "end"


def test_a_broker_that_does_not_answer_is_said_on_the_wall(broker, hub, wall):
    app, pilot = wall()
    broker.stop()
    assert wait_until(lambda: not hub.connected)
    drawn = []
    original = app.canvas.text
    app.canvas.text = lambda text, *args, **kwargs: (drawn.append(text), original(text, *args, **kwargs))[1]
    app.draw()
    assert any("antwoordt niet" in text for text in drawn)
