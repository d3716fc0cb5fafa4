"""A saved session is checked again by the rules it was played with before a report or a resume uses it
(escapebox/core/replay.py).  Two real plays broke that check (found playing student-met-rugzak by hand
and with ``--autoplay --save``, docs in tests/ui/playthroughs/README.md):

- the same wrong answer given twice to a puzzle whose answer is a list (a spot clicked and then
  confirmed with Enter, a match, an order): the live game logs the second one as a repeat, the
  replay compared the list from the screen with the tuple read back from the save and did not;
- an autoplayed session kept with ``--save``: its start says ``autoplayed``, the replayed start did not.

Either made ``escapebox report`` warn that the save "klopt niet" and ``--resume`` refuse the game.
"""

from escapebox.core import commands as C
from escapebox.core.clock import ManualClock
from escapebox.core.resume import rules_problem
from escapebox.core.session import GameSession
from escapebox.core.store import SessionStore

from tests.core.helpers import fixture_scenario
from tests.report.helpers import SCRIPT, play_script


def stored_problem(store: SessionStore, session_id: str):
    """What the report says about the save: the first step the rules refuse, or ``None``."""
    info = store.session(session_id)
    return rules_problem(fixture_scenario(), {**info, "id": session_id}, store.events(session_id))


def test_a_repeated_wrong_list_answer_replays(data_dir):
    up_to_the_photo = [step for step in SCRIPT if step[0] <= 385]
    wrong_pairs = [(386, C.TryAnswer("paren", [1, 0])), (387, C.TryAnswer("paren", [1, 0]))]
    store = SessionStore()
    session = play_script(store, "Groep 1", up_to_the_photo + wrong_pairs)
    repeats = [e.repeat for e in session.state.events if e.type == "WrongAnswer" and e.puzzle == "paren"]
    assert repeats == [False, True]
    assert stored_problem(store, session.session_id) is None


def test_an_autoplayed_session_replays(data_dir):
    store = SessionStore()
    session = GameSession.start(fixture_scenario(), ManualClock(), store=store, group="Demo", autoplayed=True)
    session.apply(C.Inspect("prikbord"))
    assert stored_problem(store, session.session_id) is None
