"""The wall's model: one row per group, and their order, as pure functions of what the hub received.

A :class:`Track` is a group's running summary, fed with each stored event
once (:meth:`Track.add`, in any order: a resend may fill a gap later) and
with each status message.  :func:`row` turns it into what the wall shows at
a moment ``now`` (the hub's monotonic clock), and :func:`sort_rows` puts
the groups that need the trainer first.

Times are the laptop's game clock (``at`` of each event, ``clock`` of the
status), carried forward by the hub's own clock since the status arrived,
so a laptop whose wall clock is wrong still shows the right time left and
the right stuck time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: minutes without progress before a group is "stuck": xcape.io flags a room after 3 and 5
#: minutes; 5 is the issue's default, the wall's + and - keys change it
STUCK_MINUTES = 5
#: seconds a returned laptop is shown as "back" before it is plain "online" again
BACK_SHOWN = 30.0

#: events that move a group forward; a wrong answer, a hint or a pause is activity, not progress
PROGRESS = frozenset({"SessionStarted", "RoomEntered", "ClueFound", "ItemTaken", "ItemUsed", "HiddenRevealed",
                      "ItemsCombined", "LockOpened", "DilemmaChosen", "ReflectionAnswered", "ReflectionSkipped",
                      "Escaped"})
ENDS = frozenset({"GameEnded", "Escaped"})


@dataclass
class Track:
    session: str
    group: str = ""
    scenario: str = ""
    locks: int = 0
    rooms: dict = field(default_factory=dict)
    puzzles: dict = field(default_factory=dict)
    #: (number, room id) of the latest room entered
    room: tuple[int, str] = (-1, "")
    opened: set = field(default_factory=set)
    hints_shown: dict = field(default_factory=dict)
    #: (number, text) of each dilemma choice
    choices: list = field(default_factory=list)
    named: tuple[int, str] = (-1, "")
    last_at: float = 0.0
    progress_at: float = 0.0
    ended: bool = False
    numbers: int = 0
    status: dict | None = None
    status_received: float = 0.0
    online: bool = False
    back_since: float | None = None
    was_offline: bool = False

    @classmethod
    def from_hello(cls, hello: dict) -> "Track":
        track = cls(session=hello["session"])
        track.set_hello(hello)
        return track

    def set_hello(self, hello: dict) -> None:
        scenario = hello["scenario"]
        self.group = hello["group"]
        self.scenario = scenario["title"]
        self.locks = scenario["locks"]
        self.rooms = scenario["rooms"]
        self.puzzles = scenario["puzzles"]

    def add(self, number: int, data: dict) -> None:
        """One stored event (each number once: the hub only passes new ones)."""
        kind = data.get("type")
        at = data.get("at")
        at = float(at) if isinstance(at, (int, float)) and not isinstance(at, bool) else self.last_at
        self.numbers += 1
        self.last_at = max(self.last_at, at)
        if kind in PROGRESS:
            self.progress_at = max(self.progress_at, at)
        room = data.get("room")
        if kind in ("RoomEntered", "SessionStarted") and isinstance(room, str) and number > self.room[0]:
            self.room = (number, room)
        elif kind == "LockOpened":
            self.opened.add(str(data.get("puzzle")))
        elif kind == "HintShown":
            puzzle = str(data.get("puzzle"))
            self.hints_shown[puzzle] = self.hints_shown.get(puzzle, 0) + 1
        elif kind == "DilemmaChosen":
            self.choices.append((number, str(data.get("text") or "")))
            self.choices.sort()
        elif kind == "GroupNamed" and number > self.named[0]:
            self.named = (number, str(data.get("name") or ""))
        if kind in ENDS:
            self.ended = True

    def note_status(self, status: dict, now: float) -> None:
        online = status["online"]
        if online and not self.online and self.was_offline:
            self.back_since = now
        if not online:
            self.was_offline = True
            self.back_since = None
        self.online = online
        if online:
            self.status, self.status_received = status, now


@dataclass(frozen=True)
class NextHint:
    puzzle: str
    title: str
    number: int      # 1-based: the hint the group would see next
    of: int


@dataclass(frozen=True)
class Row:
    session: str
    group: str
    scenario: str
    room: str
    opened: int
    locks: int
    remaining: float | None
    hints: int
    #: seconds of game time since the last event (None before any)
    idle: float | None
    choices: tuple[str, ...]
    #: seconds without progress, when that is the stuck alarm's business (None otherwise)
    stuck_for: float | None
    next_hint: NextHint | None
    connection: str      # "online", "offline", "back", "waiting" (no status yet)
    paused: bool
    ended: bool

    @property
    def stuck(self) -> bool:
        return self.stuck_for is not None

    @property
    def overtime(self) -> bool:
        return self.remaining is not None and self.remaining < 0


def row(track: Track, now: float, stuck_minutes: float = STUCK_MINUTES) -> Row:
    status = track.status
    paused = bool(status and status["paused"])
    ended = track.ended or bool(status and status["ended"])
    running = status is not None and track.online and not paused and not ended
    since = (now - track.status_received) if running else 0.0
    clock = (status["clock"] + since) if status else track.last_at
    remaining = status["remaining"] if status else None
    if remaining is not None:
        remaining -= since
    stuck_for = clock - track.progress_at
    stuck = not ended and not paused and track.numbers > 0 and stuck_for >= stuck_minutes * 60
    return Row(
        session=track.session, group=track.named[1] or track.group or track.session,
        scenario=track.scenario, room=track.rooms.get(track.room[1], track.room[1]),
        opened=len(track.opened), locks=track.locks, remaining=remaining,
        hints=sum(track.hints_shown.values()),
        idle=max(0.0, clock - track.last_at) if track.numbers else None,
        choices=tuple(text for _, text in track.choices),
        stuck_for=stuck_for if stuck else None,
        next_hint=None if ended else next_hint(track),
        connection=_connection(track, now), paused=paused, ended=ended)


def _connection(track: Track, now: float) -> str:
    if track.status is None and not track.was_offline:
        return "waiting"
    if not track.online:
        return "offline"
    if track.back_since is not None and now - track.back_since < BACK_SHOWN:
        return "back"
    return "online"


def next_hint(track: Track) -> NextHint | None:
    """The first puzzle of the group's room that is still closed and has a hint left."""
    room = track.room[1]
    for pid, puzzle in track.puzzles.items():
        if room not in puzzle.get("rooms", ()) or pid in track.opened:
            continue
        shown = track.hints_shown.get(pid, 0)
        if shown < puzzle["hints"]:
            return NextHint(pid, puzzle["title"], shown + 1, puzzle["hints"])
    return None


def urgency(r: Row) -> tuple:
    """Sort key: stuck (longest first), offline, over time, playing (least done first), paused, finished."""
    if r.ended:
        rank = 5
    elif r.stuck:
        rank = 0
    elif r.connection == "offline":
        rank = 1
    elif r.overtime:
        rank = 2
    elif r.paused:
        rank = 4
    else:
        rank = 3
    done = r.opened / r.locks if r.locks else 0.0
    return (rank, -(r.stuck_for or 0.0), done, r.group.casefold(), r.session)


def sort_rows(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=urgency)


def rows(tracks: dict[str, Track], now: float, stuck_minutes: float = STUCK_MINUTES) -> list[Row]:
    return sort_rows([row(track, now, stuck_minutes) for track in tracks.values()])
