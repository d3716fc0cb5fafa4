"""The debrief of one session: the facts a trainer needs to lead the nabespreking.

The learning happens in the conversation after the game, so the trainer
wants at a glance how long the group took, where it got stuck (hints, wrong
answers with what was typed), what the trainer had to step in for, which
way the group went and what it chose, and everything it wrote in the
reflections, grouped by learning goal.

:func:`build_debrief` builds a :class:`Debrief` from the scenario and the
event log alone — no pygame, no files, no clock — so the debrief screen,
the HTML/Markdown/CSV reports and the tests all read the same numbers.

Two kinds of time appear here, on purpose:

* moments (``at``, ``seen_at``, ``opened_at``) are seconds since the session
  started, pauses included, like the timeline the trainer reads;
* durations of puzzles (:attr:`PuzzleResult.seconds`) are *clock* seconds:
  time while the timer ran.  A long reflection or a coffee pause does not
  make a puzzle look hard.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from escapebox.core import events as E
from escapebox.i18n import Translator
from escapebox.scenario.branches import shown_ending
from escapebox.scenario.mistakes import describe_mistake
from escapebox.scenario.index import ScenarioIndex
from escapebox.core.state import GameState
from escapebox.scenario.model import Scenario

#: ``GoalGroup.goal`` for reflections without a learning goal; shown as "Overig" / "Other".
OTHER_GOAL = None


@dataclass(frozen=True)
class TimeSummary:
    """The timer at the end: what was available, used, and not counted."""

    available: float | None  #: minutes × 60 plus the trainer's adjustments; None = no clock
    used: float              #: clock seconds plus penalties: what the timer counted down
    elapsed: float           #: clock seconds without penalties
    penalties: float         #: hint and wrong-answer penalties, in seconds
    overtime: float          #: seconds past zero (0 when in time or without a clock)
    paused: float            #: seconds the clock stood still (pauses, reflections)
    adjusted: float          #: net seconds the trainer added (+) or took away (-)
    duration: float          #: start to end (or to the last event), pauses included


@dataclass(frozen=True)
class WrongTry:
    """One wrong answer: when, what the group tried (as text) and the feedback it got."""

    at: float
    text: str
    feedback: str | None = None


@dataclass(frozen=True)
class PuzzleResult:
    """How one puzzle (lock) went for this group."""

    id: str
    title: str
    kind: str
    goals: tuple[str, ...]
    #: "solved", "chosen" (a dilemma: every option opens it, so nothing was solved), "skipped" (by
    #: the trainer) or "open" (never opened)
    status: str
    seen_at: float | None       #: first moment the group could see it (see ``_first_seen``)
    opened_at: float | None     #: moment of LockOpened
    seconds: float | None       #: clock seconds from seen to opened; None if not both happened
    hints: int                  #: hints the group asked for
    pushed_hints: int           #: hints the trainer sent
    wrong: tuple[WrongTry, ...]
    revealed: bool              #: the trainer showed the answer
    answer: str = ""            #: what opened it, in words (empty when skipped or open)

    @property
    def all_hints(self) -> int:
        return self.hints + self.pushed_hints

    @property
    def helped(self) -> bool:
        """Whether the trainer stepped in: skipped, answer revealed or hints pushed."""
        return self.status == "skipped" or self.revealed or self.pushed_hints > 0


@dataclass(frozen=True)
class TrainerHelp:
    """What the trainer stepped in with, each counted as itself (the report's "Hulp van de trainer")."""

    pushed_hints: int       #: hints the trainer sent
    time_changes: int       #: times the trainer added or took away time
    time_added: float       #: their net seconds (+ added, - taken away)
    skipped: int            #: puzzles the trainer skipped
    revealed: int           #: puzzles whose answer the trainer showed

    @property
    def total(self) -> int:
        return self.pushed_hints + self.time_changes + self.skipped + self.revealed


@dataclass(frozen=True)
class RoomVisit:
    room: str
    name: str
    at: float
    by_facilitator: bool = False


@dataclass(frozen=True)
class TalkLine:
    """One thing said in a conversation: by the dilemma's ``character`` (its name, or "" when the dilemma
    names none) or by the group (``speaker`` None)."""

    speaker: str | None
    words: str


@dataclass(frozen=True)
class DilemmaChoice:
    """The option a group chose at a dilemma, with its text and feedback."""

    puzzle: str
    title: str
    question: str
    option: int
    text: str
    feedback: str | None
    at: float
    options: tuple[str, ...] = ()  #: every option's text, so reports can show what was not chosen
    #: a conversation of several turns: what the group said after the first choice, turn by turn
    later_lines: tuple[str, ...] = ()
    #: a conversation, after the first choice: who said what, in turn, the character's replies and the group's
    #: later lines (``TalkLine``), so a report shows the talk as one path instead of loose lines
    talk: tuple["TalkLine", ...] = ()

    @property
    def on_screen(self) -> str:
        """The choice as the game's screens draw it: a conversation's turns joined by », not the → of
        ``text`` (the log's words), which Atkinson Hyperlegible lacks: an empty box on the ending."""
        if not self.later_lines or not 0 <= self.option < len(self.options):
            return self.text
        return " » ".join((self.options[self.option], *self.later_lines))


@dataclass(frozen=True)
class ScaleLabels:
    min: int
    max: int
    low: str | None = None
    high: str | None = None


@dataclass(frozen=True)
class ReflectionAnswer:
    """One reflection: its prompt and what the group answered (empty when skipped)."""

    id: str
    prompt: str
    kind: str                 #: "text", "scale" or "discuss"
    answer: str
    goals: tuple[str, ...]
    at: float
    scale: ScaleLabels | None = None


@dataclass(frozen=True)
class GoalGroup:
    """Reflections that serve the same learning goals; ``goal`` is :data:`OTHER_GOAL` for those without.

    A reflection that serves two goals is in one group, named after both (``goals``, ``texts``),
    so the debrief shows it once.  ``goal`` and ``text`` are the first of them.
    """

    goal: str | None
    text: str
    answers: tuple[ReflectionAnswer, ...]
    goals: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class EndingInfo:
    """The ending as the group read it: with the variant its dilemma choices called for."""

    id: str
    title: str
    text: str
    variant: str | None = None


@dataclass(frozen=True)
class Debrief:
    """Everything about one session the debrief screen and the reports show."""

    scenario_id: str
    scenario_title: str
    group: str
    started: str                 #: wall-clock ISO time of the start ("" if unknown)
    last_activity: str           #: wall-clock ISO time of the last event
    finished: bool
    end_reason: str              #: "escaped", "time", "facilitator" or "" (still playing)
    ending: EndingInfo | None
    time: TimeSummary
    puzzles: tuple[PuzzleResult, ...]
    path: tuple[RoomVisit, ...]
    choices: tuple[DilemmaChoice, ...]
    reflections: tuple[ReflectionAnswer, ...]      #: answered, in the order answered
    by_goal: tuple[GoalGroup, ...]                 #: the same answers grouped by goal
    skipped_reflections: tuple[ReflectionAnswer, ...]
    debrief_text: str
    questions: tuple[str, ...]
    events: tuple[E.Event, ...]                    #: the log, for a timeline
    autoplayed: bool = False                       #: the auto-player played it (``--autoplay --save``)

    @property
    def hints(self) -> int:
        return sum(p.all_hints for p in self.puzzles)

    @property
    def wrong_answers(self) -> int:
        return sum(len(p.wrong) for p in self.puzzles)

    @property
    def skipped_puzzles(self) -> tuple[PuzzleResult, ...]:
        return tuple(p for p in self.puzzles if p.status == "skipped")

    @property
    def revealed_puzzles(self) -> tuple[PuzzleResult, ...]:
        return tuple(p for p in self.puzzles if p.revealed)

    @property
    def trainer_help(self) -> TrainerHelp:
        changes = [e for e in self.events if isinstance(e, E.TimeAdjusted)]
        return TrainerHelp(pushed_hints=sum(p.pushed_hints for p in self.puzzles), time_changes=len(changes),
                           time_added=sum(e.seconds for e in changes), skipped=len(self.skipped_puzzles),
                           revealed=len(self.revealed_puzzles))

    def puzzle(self, puzzle_id: str) -> PuzzleResult | None:
        return next((p for p in self.puzzles if p.id == puzzle_id), None)

    def reflection(self, reflection_id: str) -> ReflectionAnswer | None:
        return next((r for r in self.reflections if r.id == reflection_id), None)


def build_debrief(scenario: Scenario, events: Iterable[E.Event], now: float | None = None) -> Debrief:
    """Fold the log over the scenario and collect the debrief.

    ``now`` is the session clock for a game that is still going (the store's
    checkpoint); by default the moment of the last event.
    """
    log = [e for e in events if _known(e, scenario)]
    state, clock = _fold(scenario, log)
    end = max(state.last_at, now or 0.0)
    reflections = _reflections(scenario, log, E.ReflectionAnswered)
    return Debrief(
        scenario_id=scenario.id, scenario_title=scenario.title, group=state.group,
        started=log[0].wall if log else "", last_activity=log[-1].wall if log else "",
        finished=state.ended, end_reason=state.end_reason, ending=_ending(scenario, state),
        time=_time(state, log, end),
        puzzles=tuple(_puzzles(scenario, log, clock)),
        path=tuple(_path(scenario, log)),
        choices=tuple(_choices(scenario, log)),
        reflections=reflections, by_goal=_by_goal(scenario, reflections),
        skipped_reflections=_reflections(scenario, log, E.ReflectionSkipped),
        debrief_text=scenario.debrief.text or "", questions=tuple(scenario.debrief.questions),
        events=tuple(log), autoplayed=state.autoplayed,
    )


def _known(event: E.Event, scenario: Scenario) -> bool:
    """Drop reflection events the scenario does not know (the fold would fail on them)."""
    reflection = getattr(event, "reflection", None)
    return not reflection or reflection in scenario.reflections


def _fold(scenario: Scenario, log: list[E.Event]) -> tuple[GameState, list[float]]:
    """The final state, and for every event the clock seconds counted up to it."""
    state = GameState(scenario)
    clock = []
    for event in log:
        state.apply(event)
        clock.append(state.counted)
    return state, clock


def _time(state: GameState, log: list[E.Event], end: float) -> TimeSummary:
    view = state.timer(end)
    ended_at = next((e.at for e in log if isinstance(e, (E.Escaped, E.GameEnded))), end)
    return TimeSummary(available=view.limit, used=view.used, elapsed=view.elapsed, penalties=view.penalties,
                       overtime=view.overtime, paused=max(0.0, ended_at - view.elapsed),
                       adjusted=state.adjustment, duration=ended_at)


def _ending(scenario: Scenario, state: GameState) -> EndingInfo | None:
    ending = state.ending
    if not ending:
        return None
    if ending not in scenario.endings:   # a log from an older version of the scenario
        return EndingInfo(ending, ending, "")
    shown = shown_ending(scenario, ending, state.choices)
    return EndingInfo(ending, shown.title, shown.text, shown.variant)


def _path(scenario: Scenario, log: list[E.Event]):
    """Rooms in the order the group went there; staying in a room is not a new step."""
    last = None
    for e in log:
        room = e.room if isinstance(e, (E.SessionStarted, E.RoomEntered, E.ScenarioChanged)) else None
        if room and room != last:
            known = scenario.rooms.get(room)
            yield RoomVisit(room, known.name if known else room, e.at, getattr(e, "by_facilitator", False))
            last = room


def _choices(scenario: Scenario, log: list[E.Event]):
    for e in log:
        if isinstance(e, E.DilemmaChosen):
            puzzle = scenario.puzzles.get(e.puzzle)
            options = tuple(o.text for o in getattr(puzzle, "options", ()))
            chosen = puzzle.options[e.option] if puzzle and 0 <= e.option < len(options) else None
            lines = puzzle.path_lines(list(e.path)) if chosen is not None and e.path else None
            last = lines[-1] if lines else chosen      # a conversation: the feedback where the talk ended
            yield DilemmaChoice(e.puzzle, puzzle.title if puzzle else e.puzzle, puzzle.question if puzzle else "",
                                e.option, e.text or (chosen.text if chosen else ""),
                                last.feedback if last else None, e.at, options,
                                tuple(line.text for line in lines[1:]) if lines else (),
                                _talk(puzzle, lines or ([chosen] if chosen is not None else [])))


def _talk(puzzle, lines: list) -> tuple[TalkLine, ...]:
    """After the first choice: the character's reply to each line, and the group's next line in between."""
    if not getattr(puzzle, "character", None) and len(lines) < 2:
        return ()      # a plain dilemma: its option and feedback say it all
    talk = []
    for number, line in enumerate(lines):
        if number:
            talk.append(TalkLine(None, line.text))
        if line.reply:
            talk.append(TalkLine(puzzle.character or "", line.reply))
    return tuple(talk)


def _puzzles(scenario: Scenario, log: list[E.Event], clock: list[float]):
    index = ScenarioIndex(scenario)
    words = Translator(scenario.language)   # a mistake is told with the scenario's own texts
    item_names = {iid: item.name for iid, item in scenario.items.items()}
    for pid, puzzle in scenario.puzzles.items():
        seen = _first_seen(pid, index, log)
        opened = next((n for n, e in enumerate(log) if isinstance(e, E.LockOpened) and e.puzzle == pid), None)
        mine = [e for e in log if getattr(e, "puzzle", None) == pid]
        hints = [e for e in mine if isinstance(e, E.HintShown)]
        lock = log[opened] if opened is not None else None
        yield PuzzleResult(
            id=pid, title=puzzle.title, kind=puzzle.kind, goals=tuple(puzzle.goals),
            status=_status(puzzle, lock),
            seen_at=log[seen].at if seen is not None else None,
            opened_at=lock.at if lock else None,
            seconds=clock[opened] - clock[seen] if seen is not None and opened is not None and seen <= opened else None,
            hints=sum(not h.pushed for h in hints), pushed_hints=sum(h.pushed for h in hints),
            wrong=tuple(WrongTry(e.at, describe_mistake(puzzle, e.answer, words, item_names), e.feedback)
                        for e in mine if isinstance(e, E.WrongAnswer) and not e.repeat),
            revealed=any(isinstance(e, E.AnswerRevealed) for e in mine),
            answer=lock.shown if lock and not lock.skipped else "",
        )


def _status(puzzle, lock: E.LockOpened | None) -> str:
    if lock is None:
        return "open"
    if lock.skipped:
        return "skipped"
    return "chosen" if puzzle.always_opens else "solved"


def _first_seen(puzzle: str, index: ScenarioIndex, log: list[E.Event]) -> int | None:
    """Index of the first event that showed the puzzle to the group.

    A lock on an object shows when the object is first inspected; a lock on
    a door when its room is entered.  If a screen let the group try an
    object's puzzle without inspecting it, entering the room counts instead.
    """
    objects = set(index.objects_locked_by.get(puzzle, ()))
    doors = {d.source for doors in index.doors.values() for d in doors if d.locked_by == puzzle and not d.back}
    inspected = _first(log, lambda e: isinstance(e, E.ObjectInspected) and e.object in objects)
    entered = _first(log, lambda e: isinstance(e, (E.RoomEntered, E.SessionStarted)) and e.room in doors)
    seen = [n for n in (inspected, entered) if n is not None]
    if seen:
        return min(seen)
    rooms = set(index.puzzle_rooms.get(puzzle, ()))
    return _first(log, lambda e: isinstance(e, (E.RoomEntered, E.SessionStarted)) and e.room in rooms)


def _first(log: list[E.Event], wanted) -> int | None:
    return next((n for n, e in enumerate(log) if wanted(e)), None)


def _reflections(scenario: Scenario, log: list[E.Event], kind: type) -> tuple[ReflectionAnswer, ...]:
    found = []
    for e in log:
        if isinstance(e, kind):
            r = scenario.reflections[e.reflection]
            scale = r.scale_or_default if r.kind == "scale" else None
            labels = ScaleLabels(scale.min, scale.max, scale.low, scale.high) if scale else None
            found.append(ReflectionAnswer(e.reflection, r.prompt, r.kind, getattr(e, "answer", ""),
                                          tuple(r.goals), e.at, labels))
    return tuple(found)


def _by_goal(scenario: Scenario, answers: tuple[ReflectionAnswer, ...]) -> tuple[GoalGroup, ...]:
    """Each answer once, under all the goals it serves; groups in the order of their first goal
    (one goal before several), goal-less answers last under "Overig"."""
    order = {gid: n for n, gid in enumerate(scenario.goals)}
    sets: dict[tuple[str, ...], list[ReflectionAnswer]] = {}
    for answer in answers:
        goals = tuple(sorted((g for g in set(answer.goals) if g in order), key=order.__getitem__))
        sets.setdefault(goals, []).append(answer)
    groups = [GoalGroup(goals[0], scenario.goals[goals[0]], tuple(found), goals,
                        tuple(scenario.goals[g] for g in goals))
              for goals, found in sorted(((g, f) for g, f in sets.items() if g),
                                         key=lambda item: (order[item[0][0]], len(item[0]), item[0]))]
    if sets.get(()):
        groups.append(GoalGroup(OTHER_GOAL, "", tuple(sets[()])))
    return tuple(groups)


#: the fewest lines a continuation page ("(vervolg)") holds: a page turned for one or two lines reads as a
#: mistake on the wall (played by hand, the bundled cases at large text left one line on a page)
MIN_CONTINUED = 3


def page_breaks(lines: int, first_room: int, room: int,
                starts: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """(first line, number of lines) for each page of a section of ``lines`` wrapped lines.

    The first page holds up to ``first_room`` lines (less when something stands above the text), every
    next one up to ``room``.  Pages are filled in turn; when that leaves the last continuation page
    fewer than :data:`MIN_CONTINUED` lines, the continuation pages share their lines evenly (and take
    from the first page what they still lack): pages a little less full instead of one with a single
    line on it.  The number of pages stays the same.

    ``starts`` (from :func:`start_kinds`) says how well a page may begin at each line: the pages then
    begin at a paragraph, else at a sentence, wherever that keeps the same number of pages, each within
    its room and every continuation page at least :data:`MIN_CONTINUED` lines ("of school in? Hoe praat
    je" began a page of questions mid-sentence, student-met-rugzak at 1280x720).
    """
    first_room, room = max(1, first_room), max(1, room)
    pages = _filled_pages(lines, first_room, room)
    if starts is None or len(pages) < 2:
        return pages
    return _nicest_pages(pages, lines, first_room, room, starts)


def _filled_pages(lines: int, first_room: int, room: int) -> list[tuple[int, int]]:
    first_count = min(first_room, lines)
    later = -(-(lines - first_count) // room)          # continuation pages, filled in turn
    if not later:
        return [(0, first_count)]
    rest = lines - first_count
    if rest < later * MIN_CONTINUED:                   # the last page would be short: fill it from before
        first_count -= min(later * MIN_CONTINUED - rest, first_count - 1, later * room - rest)
        rest = lines - first_count
    share, extra = divmod(rest, later)                 # rest <= later * room, so every share fits its page
    pages, first = [(0, first_count)], first_count
    for n in range(later):
        pages.append((first, share + (n < extra)))
        first += share + (n < extra)
    return pages


#: how well a page begins at a line (:func:`start_kinds`): lower is better. Midway weighs more than two
#: sentence starts, so of two breaks both go to sentences rather than one to a paragraph and one midway
PARAGRAPH_START, SENTENCE_START, MID_SENTENCE, BLANK_LINE = 0, 1, 3, 4
#: what ends a sentence, before any closing quote or bracket
_SENTENCE_END = ".!?…"
_CLOSERS = "'\"’”»)]"


def start_kinds(lines: Sequence[str], paragraph_starts: Iterable[int]) -> list[int]:
    """For each wrapped line, how well a page may begin there.

    A paragraph's first line is best; then a line after one that ends a sentence; a line in the middle
    of a sentence is poor, and a blank line (between paragraphs) worst: the page would open on a gap.
    ``paragraph_starts`` are the indices of the lines that begin a paragraph of the text.
    """
    paragraphs = set(paragraph_starts)
    kinds = []
    for n, line in enumerate(lines):
        before = lines[n - 1].rstrip().rstrip(_CLOSERS) if n else ""
        if not line.strip():
            kinds.append(BLANK_LINE)
        elif n in paragraphs or not n:
            kinds.append(PARAGRAPH_START)
        elif before.endswith(tuple(_SENTENCE_END)):
            kinds.append(SENTENCE_START)
        else:
            kinds.append(MID_SENTENCE)
    return kinds


def _nicest_pages(filled: list[tuple[int, int]], lines: int, first_room: int, room: int,
                  starts: Sequence[int]) -> list[tuple[int, int]]:
    """The same number of pages as ``filled``, each page begun at the best kind of line there is.

    Every way of setting the breaks is weighed by the sum of its lines' kinds, then by how far the breaks
    moved from ``filled`` (so of two equally good ways the more evenly filled one wins). A continuation
    page keeps :data:`MIN_CONTINUED` lines, or as few as ``filled`` had to give one, so ``filled`` itself
    is always a way and the result is never worse.
    """
    shortest = min(MIN_CONTINUED, min(n for _, n in filled[1:]))
    wanted = [first for first, _ in filled[1:]]

    def cost(line: int, page: int) -> tuple[int, int]:
        kind = starts[line] if line < len(starts) else MID_SENTENCE
        return kind, abs(line - wanted[page])

    # best[start] = (summed cost, the breaks before it) for the page begun at ``start``
    best = {s: (cost(s, 0), [s]) for s in range(1, min(first_room, lines) + 1)}
    for page in range(1, len(wanted)):
        step: dict[int, tuple[tuple[int, int], list[int]]] = {}
        for s, (total, breaks) in best.items():
            for t in range(s + shortest, min(s + room, lines) + 1):
                here = cost(t, page)
                summed = (total[0] + here[0], total[1] + here[1])
                if t not in step or summed < step[t][0]:
                    step[t] = (summed, breaks + [t])
        best = step
    ends = [(total, breaks) for s, (total, breaks) in best.items() if shortest <= lines - s <= room]
    _, breaks = min(ends, key=lambda end: end[0])
    bounds = [0, *breaks, lines]
    return [(bounds[n], bounds[n + 1] - bounds[n]) for n in range(len(bounds) - 1)]
