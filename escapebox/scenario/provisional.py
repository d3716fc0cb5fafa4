"""What the intro shows, read from a scenario file that has not been checked yet (issue #21).

The first start of a new or changed file checks it before anything is played: PyYAML, pydantic
and the validator's checks take about 100 ms before the first frame could be drawn (4-5x a bare
window, docs/performance.md).  The intro shows only the scenario's head (title, summary, goals and
the facts card), so the first start draws it from this reading and checks the whole file right after
the first frame, with the players' input held until the check passed (escapebox/ui/firststart.py).
A file that fails the check is never played: the window closes and the same messages as always are
printed.

This reader is deliberately timid.  It parses only the text before the first section the intro
does not need (``rooms:`` and the like), with PyYAML's C loader, and gives up (None: the start
checks first, as it always did) at the first thing it is not sure of: a file that is not UTF-8,
a head it cannot parse, a field of the intro below the rooms, a house style (``theme:``, which
the check resolves), an unknown format, or a value of another type than the format's
(``players: 4`` instead of "1-5", a clock in words).  What it reads is compared with the checked scenario afterwards; where they differ
(a text the check tidied), the intro is laid out again from the checked one.
"""

from __future__ import annotations

import re
from pathlib import Path

#: the top-level keys the intro shows: none of them may stand below the head
INTRO_KEYS = frozenset({"format", "id", "title", "summary", "language", "audience", "level", "players", "duration",
                        "goals", "timer", "theme"})
#: the top-level keys that may stand in the head beside them
HEAD_KEYS = INTRO_KEYS | {"author", "licence", "sources", "trainer_notes", "start"}
#: a line with a top-level key
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)


class IntroClock:
    """The clock as the facts card shows it."""

    __slots__ = ("minutes",)

    def __init__(self, minutes: int | None):
        self.minutes = minutes


class IntroHead:
    """The fields of :class:`~escapebox.scenario.model.Scenario` that the intro reads, unchecked."""

    __slots__ = ("id", "title", "summary", "language", "audience", "level", "players", "duration", "goals", "timer",
                 "theme")

    def __init__(self, *, id: str, title: str, summary: str, language: str, audience: str | None, level: str | None,
                 players: str, duration: int, goals: dict[str, str], minutes: int | None):
        self.id, self.title, self.summary, self.language = id, title, summary, language
        self.audience, self.level, self.players, self.duration = audience, level, players, duration
        self.goals, self.timer, self.theme = goals, IntroClock(minutes), None


def intro_fields(scenario) -> tuple:
    """What the intro shows of a scenario, checked or not: equal tuples give the same intro."""
    return (scenario.id, scenario.title, scenario.summary, scenario.language, scenario.audience, scenario.level,
            scenario.players, scenario.duration, tuple(scenario.goals.items()), scenario.timer.minutes,
            scenario.theme)


class ProvisionalScenario:
    """A scenario file's head, to draw its intro while the file is being checked."""

    __slots__ = ("scenario", "file", "folder")

    def __init__(self, scenario: IntroHead, file: Path):
        self.scenario, self.file, self.folder = scenario, file, file.parent


def read_head(file: Path) -> ProvisionalScenario | None:
    """The intro's fields of ``file``, or None when the start should check the file first."""
    from escapebox.problems import EscapeboxError
    from escapebox.scenario.filebytes import read_file_bytes
    try:
        text = read_file_bytes(file, str(file)).decode("utf-8-sig")
    except (EscapeboxError, UnicodeDecodeError):
        return None         # not there, too big, not UTF-8: the check says so in its own words
    head = _head_text(text)
    if head is None:
        return None
    import yaml             # the C loader: the check imports it too, so this costs no extra import
    try:
        data = yaml.load(head, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None
    scenario = _intro_head(data) if isinstance(data, dict) else None
    return ProvisionalScenario(scenario, file) if scenario is not None else None


def _head_text(text: str) -> str | None:
    """The text before the first top-level key the intro does not need (``rooms:``), when no key the
    intro shows stands below it and there is no house style; else None.  Scanning a 1 MB file's lines
    for top-level keys takes about 2 ms; parsing all of it with PyYAML about 100 ms."""
    keys = [(match.group(1), match.start()) for match in _TOP_KEY.finditer(text)]
    cut = next((index for index, (name, _at) in enumerate(keys) if name not in HEAD_KEYS), None)
    if cut is None or any(name == "theme" for name, _at in keys):
        return None          # no section (not a scenario the check would pass), or a house style to resolve
    if any(name in INTRO_KEYS for name, _at in keys[cut:]):
        return None          # a field of the intro below the rooms: read by the check, not guessed at
    return text[:keys[cut][1]]


def _intro_head(data: dict) -> IntroHead | None:
    timer = data.get("timer", {})
    goals = data.get("goals", {})
    fields: dict[str, str] = {key: data.get(key) for key in ("id", "title", "summary")}  # type: ignore[misc]  # checked below
    optional = {"audience": data.get("audience"), "level": data.get("level")}
    language, players, duration = data.get("language", "nl"), data.get("players", "1-5"), data.get("duration")
    minutes = timer.get("minutes") if isinstance(timer, dict) else False
    if (data.get("format") != 1 or not all(isinstance(v, str) and v.strip() for v in fields.values())
            or not all(v is None or isinstance(v, str) for v in optional.values())
            or language not in ("nl", "en") or not isinstance(players, str)
            or type(duration) is not int or not (minutes is None or type(minutes) is int)
            or not isinstance(goals, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                     for k, v in goals.items())):
        return None
    return IntroHead(id=fields["id"], title=fields["title"], summary=fields["summary"], language=language,
                     audience=optional["audience"], level=optional["level"], players=players, duration=duration,
                     goals=goals, minutes=minutes)
