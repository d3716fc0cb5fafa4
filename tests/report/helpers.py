"""A scripted game of the all-mechanics fixture with exact times, for debrief and report tests.

Every step says at which second it happens (ManualClock), so the expected
numbers in the tests can be worked out by hand from this script:

    0  start in hal (deurwoord's door is visible from here)
   10  look at prikbord (briefje), 15 take batterij
   30  look at kast (locked: kastcode seen)
   50  wrong "0421" (near miss, +10 s), 70 hint (+30 s), 90 "0412" opens; na_kast (does not pause)
  100  answer na_kast;  110 la, zaklamp, combine;  120 UV on muur
  130  deurwoord "zorg" opens;  140 into kamer, binnen asked (pauses) — 200 answered "4"
  210  pause — 270 resume
  280  look at tafel (keuze seen);  300 choose "Blijven", waarom_blijven (pauses) — 360 answered
  370  trainer pushes a volgorde hint, 380 trainer skips volgorde
  385  look at foto (paren seen), 390 trainer reveals paren, 400 paren solved
  405  trainer adds 2 minutes
  410  look at kluis (eind seen), 420 wrong "z4" (+10 s), 440 "4z": slot asked (pauses) — 500 skipped, ending klaar

Clock stood still 140–200, 210–270, 300–360 and 440–500: 240 s paused, 260 s counted.
"""

from escapebox.core import commands as C
from escapebox.core.clock import ManualClock
from escapebox.core.session import GameSession

from tests.core.helpers import fixture_scenario

REFLECTION_GOAL = "Omdat de cliënt ons nodig heeft."
REFLECTION_OTHER = "We bespraken de kast."

SCRIPT = [
    (10, C.Inspect("prikbord")), (15, C.TakeItem("batterij")), (30, C.Inspect("kast")),
    (50, C.TryAnswer("kastcode", "0421")), (70, C.TakeHint("kastcode")), (90, C.TryAnswer("kastcode", "0412")),
    (100, C.AnswerReflection("na_kast", REFLECTION_OTHER)),
    (110, C.Inspect("la")), (110, C.TakeItem("zaklamp")), (110, C.CombineItems(("batterij", "zaklamp"))),
    (120, C.UseItem("uvlamp", "muur")), (130, C.TryAnswer("deurwoord", "zorg")), (140, C.EnterRoom("kamer")),
    (200, C.AnswerReflection("binnen", "4")), (210, C.Pause()), (270, C.Resume()),
    (280, C.Inspect("tafel")), (300, C.TryAnswer("keuze", [0])),
    (360, C.AnswerReflection("waarom_blijven", REFLECTION_GOAL)),
    (370, C.PushHint("volgorde")), (380, C.SkipPuzzle("volgorde")),
    (385, C.Inspect("foto")), (390, C.RevealAnswer("paren")), (400, C.TryAnswer("paren", [0, 1])),
    (405, C.AdjustTime(120)), (410, C.Inspect("kluis")), (420, C.TryAnswer("eind", "z4")),
    (440, C.TryAnswer("eind", "4z")), (500, C.SkipReflection("slot")),
]


def play_script(store=None, group: str = "Groep 1", script=SCRIPT) -> GameSession:
    """Play ``script`` (``(second, command)`` pairs); fails loudly if the rules refuse a step."""
    clock = ManualClock()
    session = GameSession.start(fixture_scenario(), clock, store=store, group=group)
    for at, command in script:
        clock.advance(at - clock.now())
        refused = [e for e in session.apply(command) if e.type == "CommandRefused"]
        assert not refused, (at, command, refused)
    return session


def with_reflections(answers: dict[str, str], choice: int = 0) -> list:
    """The script with other reflection answers and dilemma option (option 1 leads to the garden)."""
    script = []
    for at, command in SCRIPT:
        if isinstance(command, C.AnswerReflection) and command.reflection in answers:
            command = C.AnswerReflection(command.reflection, answers[command.reflection])
        script.append((at, command))
    if choice == 1:
        cut = next(n for n, (_, c) in enumerate(script) if isinstance(c, C.TryAnswer) and c.puzzle == "keuze")
        script = script[:cut] + [(300, C.TryAnswer("keuze", [1])), (320, C.Inspect("hek")),
                                 (330, C.TryAnswer("hekcode", "7")), (360, C.AnswerReflection("slot", answers.get(
                                     "slot", "De tuin was rustiger.")))]
    return script
