"""Three groups of a leerfestival play "De student met een rugzak", each in its own way.

Used by a test (every group and every answer reaches the report) and to
make the screenshot in docs/img/:

    python -m tests.report.festival /tmp/festival.html

The walk through the rooms comes from the solver's plan for the group's
dilemma branch, so the script follows the scenario if it is edited; on top
of that each group makes its own mistakes, asks its own hints, gets its own
help from the trainer and writes its own (Dutch) reflections.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from escapebox.core import commands as C
from escapebox.core.autoplayer import branch_plan
from escapebox.core.clock import ManualClock
from escapebox.core.session import GameSession
from escapebox.paths import bundled_scenarios_dir
from escapebox.scenario.loader import load_scenario

SCENARIO = "student-met-rugzak"


@dataclass
class Group:
    name: str
    #: the solver's branch: the talk at "in-vertrouwen" goes [0, 0], [0, 1], [1, 0], [1, 1], [2], [3]
    branch: int
    pace: float                      #: 1.0 = average speed
    wrong: dict = field(default_factory=dict)      #: puzzle -> wrong answers tried first
    hints: dict = field(default_factory=dict)      #: puzzle -> hints asked
    trainer: dict = field(default_factory=dict)    #: puzzle -> "push", "reveal" or "skip"
    answers: dict = field(default_factory=dict)    #: reflection -> answer (None = skip)
    extra_time: int = 0                            #: seconds the trainer adds halfway


GROUPS = [
    Group("De Vlinders", branch=5, pace=0.8, wrong={"kluis-code": ["418"]}, hints={"signalen": 1},
          answers={
              "nacht-reflectie": "Ik zou nog dezelfde avond een kort privébericht sturen: 'Ik zag je bericht, "
                                 "fijn dat je het deelt. Zullen we morgen even praten?' Dat niemand reageerde "
                                 "vinden we pijnlijk: iedereen dacht dat een ander het zou doen.",
              "zelf-oplossen": "Besproken. Wij zouden haar vroege diensten zelf ruilen. Voorbeeld van Fatima: "
                               "een BOL-student die mantelzorger was; school werd pas na maanden gebeld.",
              "hoe-zeker": "4",
              "vertrouwen-regie": "3",
              "meenemen": "Ik vraag bij elke leerling vaker hoe het thuis gaat, niet alleen hoe het werk gaat.",
          }),
    Group("Team Zonnebloem", branch=2, pace=1.3, extra_time=300,
          wrong={"kluis-code": ["1804", "0411"], "wie-bellen": ["bpv-docent", "mentor"],
                 "aanbod": [[0, 1, 2, 3, 5]], "eindslot": ["mensa"]},
          hints={"kluis-code": 2, "team-app": 1, "wie-bellen": 1, "aanbod": 2},
          trainer={"gespreksstappen": "push", "eindslot": "reveal"},
          answers={
              "nacht-reflectie": "Niet 's nachts in de groepsapp reageren, wel de volgende ochtend Samira "
                                 "persoonlijk bellen. We schrokken ervan dat niemand iets deed.\n"
                                 "Bij ons in het team gebeurt dit ook.",
              "zelf-oplossen": "Besproken: de teammanager inschakelen voelt als 'klikken'. Dat willen we "
                               "anders leren zien.",
              "hoe-zeker": "2",
              "vertrouwen-nee": "'Samira, wat je vertelt is belangrijk. Juist daarom willen we Hanneke erbij "
                                "halen, zodat je rooster veilig is. Wil je erbij zijn als we het zeggen?'",
              "meenemen": "Eerder de praktijkopleider bellen, in plaats van alles zelf te willen oplossen.",
          }),
    Group("Groep 3 – Lindehof", branch=0, pace=1.0, wrong={"signalen": [[1, 0, 2, 3, 4]], "eindslot": ["alleen"]},
          hints={"signalen": 2, "gespreksstappen": 1}, trainer={"signalen": "skip"},
          answers={
              "nacht-reflectie": "Meteen een privébericht, niet in de groep, en de volgende dag de "
                                 "praktijkopleider inlichten. Het team voelt zich blijkbaar niet "
                                 "verantwoordelijk voor de leerling.",
              "zelf-oplossen": None,
              "hoe-zeker": "3",
              "vertrouwen-ja": "Zodra haar veiligheid of die van de baby in het geding is, bijvoorbeeld bij "
                               "tillen of nachtdiensten. En uiterlijk over twee weken.",
              "meenemen": "Ik wist niet dat er een moedercontract bestond. Dat ga ik uitzoeken voor onze afdeling.",
          }),
]

_SECONDS = {"EnterRoom": 20, "Inspect": 35, "TakeItem": 10, "UseItem": 25, "CombineItems": 30}


def scenario_path() -> Path:
    return bundled_scenarios_dir() / SCENARIO


def play(group: Group, store, loaded=None) -> GameSession:
    """Play one group to the ending through ``GameSession.apply``, as the screens would."""
    loaded = loaded or load_scenario(scenario_path())
    clock = ManualClock()
    session = GameSession.start(loaded, clock, store=store, group=group.name)
    halfway = len(loaded.scenario.puzzles) // 2
    for planned in branch_plan(session, group.branch):
        _reflect(session, clock, group)
        command = planned.command
        if isinstance(command, C.TryAnswer):
            if len(session.state.opened) == halfway and group.extra_time:
                session.apply(C.AdjustTime(group.extra_time))
                group = _without_extra_time(group)
            _look_at_lock(session, clock, group, command.puzzle)
            _struggle(session, clock, group, command.puzzle)
            if command.puzzle in session.state.opened:
                continue
            clock.advance(60 * session.scenario.puzzles[command.puzzle].minutes * 0.6 * group.pace)
        else:
            clock.advance(_SECONDS.get(type(command).__name__, 20) * group.pace)
        session.apply(command)
    _reflect(session, clock, group)
    return session


def _without_extra_time(group: Group) -> Group:
    return Group(**{**group.__dict__, "extra_time": 0})


def _look_at_lock(session, clock, group: Group, puzzle: str) -> None:
    """Click the locked object first, as a group does on the screen."""
    for oid in session.objects():
        if session.index.objects[oid].locked_by == puzzle and oid not in session.state.inspected:
            clock.advance(_SECONDS["Inspect"] * group.pace)
            session.apply(C.Inspect(oid))


def _struggle(session, clock, group: Group, puzzle: str) -> None:
    """Wrong tries, hints and the trainer's help before the right answer."""
    for wrong in group.wrong.get(puzzle, []):
        clock.advance(50 * group.pace)
        session.apply(C.TryAnswer(puzzle, wrong))
    for _ in range(group.hints.get(puzzle, 0)):
        clock.advance(40 * group.pace)
        session.apply(C.TakeHint(puzzle))
    action = group.trainer.get(puzzle)
    clock.advance(30)
    if action == "push":
        session.apply(C.PushHint(puzzle))
    elif action == "reveal":
        session.apply(C.RevealAnswer(puzzle))
    elif action == "skip":
        session.apply(C.SkipPuzzle(puzzle))


def _reflect(session, clock, group: Group) -> None:
    while session.current_reflection():
        rid = session.current_reflection()
        reflection = session.scenario.reflections[rid]
        clock.advance(60 * (reflection.minutes or 2) * group.pace)
        answer = group.answers.get(rid, "besproken")
        session.apply(C.SkipReflection(rid) if answer is None else C.AnswerReflection(rid, answer))


def main(argv: list[str]) -> int:
    """Play the three groups into a fresh store and write the HTML report to ``argv[0]``."""
    import os
    import tempfile

    from escapebox.cli import main as cli
    from escapebox.core.store import SessionStore
    os.environ["ESCAPEBOX_DATA_DIR"] = tempfile.mkdtemp(prefix="escapebox-festival-")
    store = SessionStore()
    loaded = load_scenario(scenario_path())
    ids = [play(group, store, loaded).session_id for group in GROUPS]
    store.close()
    return cli(["report", *ids, "-o", argv[0] if argv else "festival.html"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
