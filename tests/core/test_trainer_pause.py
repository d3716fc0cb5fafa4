"""A pause the trainer set is lifted by the trainer: the group's Resume is refused (issue #17).

The rule lives in the core, so it holds for every screen, the clicker and a
replayed save alike; logs written before the rule still replay.
"""

import pytest

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.core.replay import Corrupt, Pause, Resume, checked_replay
from escapebox.core.state import GameState

from tests.core.helpers import fixture_scenario, new_session


def refused(events):
    return [e.reason for e in events if isinstance(e, E.CommandRefused)]


def test_the_group_cannot_lift_the_trainers_pause_but_the_trainer_can():
    session, clock = new_session()
    [paused] = session.apply(Pause(held=True))
    assert paused.by_facilitator and paused.held and session.state.pause_held
    assert refused(session.apply(C.Resume())) == ["rules.trainer_paused"]
    clock.advance(60)
    assert session.state.paused and session.timer().elapsed == 0
    [resumed] = session.apply(Resume())
    assert resumed.by_facilitator and not session.state.paused and not session.state.pause_held


def test_the_groups_own_pause_is_theirs_to_lift():
    session, _ = new_session()
    [paused] = session.apply(C.Pause())
    assert not paused.held and not session.state.pause_held
    assert refused(session.apply(C.Resume())) == []
    # a group's command cannot claim to hold the pause
    [paused] = session.apply(C.Pause(held=True))
    assert not paused.held and refused(session.apply(C.Resume())) == []


def test_a_held_pause_is_the_fold_of_the_log():
    session, _ = new_session()
    session.apply(Pause(held=True))
    state = checked_replay(fixture_scenario().index, list(session.state.events))
    assert state.paused and state.pause_held
    assert E.event_from_dict(session.state.events[-1].to_dict()).held


def test_an_old_log_where_the_group_lifted_the_trainers_pause_still_replays():
    """Before the rule, a trainer's Paused had no ``held``: the group's Resumed after it was allowed."""
    session, _ = new_session()
    start = list(session.state.events)
    old = {**E.Paused(by_facilitator=True, at=1.0).to_dict()}
    old.pop("held")
    log = start + [E.event_from_dict(old), E.Resumed(by_facilitator=False, at=2.0)]
    state = checked_replay(fixture_scenario().index, log)
    assert not state.paused


def test_a_save_where_the_group_lifted_a_held_pause_is_refused():
    session, _ = new_session()
    log = list(session.state.events) + [E.Paused(by_facilitator=True, held=True, at=1.0),
                                       E.Resumed(by_facilitator=False, at=2.0)]
    with pytest.raises(Corrupt) as caught:
        checked_replay(fixture_scenario().index, log, GameState(fixture_scenario().scenario))
    assert caught.value.reason == "rules.trainer_paused"
