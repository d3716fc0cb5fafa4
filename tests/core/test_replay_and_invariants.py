"""Random play, saves and resumes: the state is always the fold of the log.

A Hypothesis state machine sends random player and facilitator commands,
advances the clock, and now and then saves and resumes through SQLite.
Invariants: nothing raises, time never runs backwards, an opened lock
never closes, nothing the group typed disappears, and replaying the stored
log rebuilds exactly the state on screen.
"""

import tempfile

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from escapebox.core import commands as C
from escapebox.core.clock import ManualClock
from escapebox.core.resume import resume_session
from escapebox.core.session import GameSession
from escapebox.core.store import SessionStore

from tests.core.helpers import fixture_scenario

LOADED = fixture_scenario()
S = LOADED.scenario
OBJECTS = [o for room in S.rooms.values() for o in room.objects]
ANSWERS = st.one_of(
    st.text(max_size=12), st.sampled_from(["0412", "zorg", "4z", "7"]),
    st.lists(st.integers(-1, 4), max_size=4), st.lists(st.sampled_from(list(S.items)), max_size=3),
    st.tuples(st.floats(0, 100), st.floats(0, 100)).map(list),
)

commands = st.one_of(
    st.builds(C.EnterRoom, st.sampled_from(list(S.rooms) + ["x"])),
    st.builds(C.Inspect, st.sampled_from(OBJECTS)),
    st.builds(C.TakeItem, st.sampled_from(list(S.items))),
    st.builds(C.UseItem, st.sampled_from(list(S.items)), st.sampled_from(OBJECTS)),
    st.builds(C.CombineItems, st.lists(st.sampled_from(list(S.items)), max_size=3).map(tuple)),
    st.builds(C.TryAnswer, st.sampled_from(list(S.puzzles)), ANSWERS),
    st.builds(C.TakeHint, st.sampled_from(list(S.puzzles))),
    st.builds(C.AnswerReflection, st.sampled_from(list(S.reflections)), st.text(max_size=30)),
    st.builds(C.SkipReflection, st.sampled_from(list(S.reflections))),
    st.just(C.Pause()), st.just(C.Resume()),
    st.builds(C.AdjustTime, st.integers(-600, 600)),
    st.builds(C.PushHint, st.sampled_from(list(S.puzzles))),
    st.builds(C.SkipPuzzle, st.sampled_from(list(S.puzzles))),
    st.builds(C.RevealAnswer, st.sampled_from(list(S.puzzles))),
    st.builds(C.JumpToRoom, st.sampled_from(list(S.rooms))),
)


def snapshot(state):
    return (state.room, list(state.visited), list(state.inspected), list(state.clues), list(state.inventory),
            dict(state.opened), dict(state.choices), dict(state.hints),
            {k: list(v) for k, v in state.wrong.items()}, dict(state.reflections), list(state.pending),
            state.paused, state.ended, state.ending, state.time_up, round(state.counted, 6),
            state.penalties, state.adjustment)


class PlayMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.store = SessionStore(tempfile.mkdtemp())
        self.clock = ManualClock()
        self.session = GameSession.start(LOADED, self.clock, store=self.store, group="G")
        self.last_elapsed = 0.0
        self.opened = set()
        self.typed = {}

    @rule(command=commands)
    def apply(self, command):
        self.session.apply(command)
        if isinstance(command, C.AnswerReflection) and command.reflection in self.session.state.reflections:
            self.typed[command.reflection] = self.session.state.reflections[command.reflection]

    @rule(seconds=st.floats(0, 400))
    def wait(self, seconds):
        self.clock.advance(seconds)
        self.session.tick()
        self.session.checkpoint()

    @rule()
    def save_and_resume(self):
        self.clock = ManualClock()
        self.session, _ = resume_session(LOADED, self.store, self.session.session_id, self.clock)

    @invariant()
    def time_never_runs_backwards(self):
        elapsed = self.session.timer().elapsed
        assert elapsed >= self.last_elapsed - 1e-9
        self.last_elapsed = elapsed

    @invariant()
    def locks_never_close(self):
        now = set(self.session.state.opened)
        assert self.opened <= now
        self.opened = now

    @invariant()
    def typed_text_stays(self):
        for reflection, text in self.typed.items():
            assert self.session.state.reflections.get(reflection) == text

    @invariant()
    def replay_gives_the_same_state(self):
        stored = self.store.events(self.session.session_id)
        replayed = GameSession.replay(LOADED, stored, ManualClock())
        assert snapshot(replayed.state) == snapshot(self.session.state)


PlayMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=30, deadline=None,
                                         suppress_health_check=[HealthCheck.too_slow])
TestPlay = PlayMachine.TestCase
