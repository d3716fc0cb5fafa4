"""A group's laptop in a festival: publish the game, and carry out what the trainer sends.

The App calls :meth:`FestivalLink.poll` every frame (``app.services.festival``).
It never waits: it wakes the publisher when the log grew, gives it the
clock once a second, shows the publisher's notices as toasts and runs the
trainer's commands that arrived.  Each command goes through the facilitator
console's own controls (:class:`~escapebox.ui.facilitator.actions.FacilitatorActions`),
so it is logged, refused with a message when the rules say no, and shown to
the group the same way; the group also sees a line saying what the trainer did.
The publisher already let each command id through once.

Every run has a link (:func:`escapebox.ui.main.build_app`); it does nothing
until it has joined a festival: at once with ``play --festival CODE``, or
later when the group types the code in the picker ("Meedoen met een
leerfestival", :mod:`escapebox.ui.screens.festival_join`), which calls
:meth:`FestivalLink.join`.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from escapebox.festival.publisher import Publisher
    from escapebox.ui.facilitator.actions import FacilitatorActions

#: seconds between two status messages from the game loop (the wall's clock ticks by itself)
STATUS_EVERY = 1.0
#: how long a notice about the festival stays on the group's screen
NOTICE_SECONDS = 8.0


class FestivalLink:
    def __init__(self, app, host: str | None = None, port: int | None = None, code: str | None = None,
                 publisher_factory=None):
        self.app = app
        self.host, self.port, self.code = host, port, code
        #: the festival's name as the wall announces it ("" when unknown, e.g. ``play --festival``)
        self.name = ""
        self.publisher: Publisher | None = None
        self._factory = publisher_factory
        self._events = 0
        self._status_at = 0.0
        self._said_no_store = False

    @property
    def joined(self) -> bool:
        return self.host is not None

    def join(self, host: str, port: int, code: str, name: str = "") -> None:
        """From now on publish to this festival; a game already running joins at the next poll."""
        self.close()
        self.host, self.port, self.code, self.name = host, port, code, name

    def poll(self) -> None:
        game = self.app.game
        if game is None or not self.joined:
            return
        session = game.session
        if session.store is None or session.session_id is None:
            self._no_store()
            return
        if self.publisher is None or self.publisher.session != session.session_id:
            self._join(game)
        publisher = self.publisher
        if len(session.state.events) != self._events:
            self._events = len(session.state.events)
            publisher.wake()
        now = time.monotonic()
        if now - self._status_at >= STATUS_EVERY:
            self._status_at = now
            timer = session.timer()
            publisher.note_status(session.clock.now(), timer.remaining, timer.paused, session.state.ended)
        for notice in publisher.notices():
            kind = "success" if notice.key == "festival.join.joined" else "warning"
            self.app.toast(self.app.tr(notice.key, **notice.params), kind, NOTICE_SECONDS)
        while not publisher.commands.empty():
            self.run(publisher.commands.get_nowait())

    def _join(self, game) -> None:
        if self.publisher is not None:
            self.publisher.close()
        session = game.session
        # every run has a link, most never join: the publisher (and paho under it) is imported on
        # joining, not before the first frame (9 ms of start-up here, python -X importtime)
        from escapebox.festival.publisher import Publisher, scenario_facts
        hello = {"group": session.state.group or "", "scenario": scenario_facts(game.loaded, session.index)}
        self.publisher = (self._factory or Publisher)(self.host, self.port, self.code, session.session_id,
                                       session.store.path, hello).start()
        self._events = 0

    def _no_store(self) -> None:
        if not self._said_no_store:
            self._said_no_store = True
            self.app.toast(self.app.tr("festival.group.no_store"), "warning", NOTICE_SECONDS)

    def close(self) -> None:
        if self.publisher is not None:
            self.publisher.close()
            self.publisher = None

    # ----- the trainer's commands ------------------------------------------------------------------------
    def run(self, command: dict) -> None:
        """Carry out one command and tell the hub what came of it."""
        # imported on the first command, not before the first frame: the console's modules (and the
        # game's events and commands under them) cost 30 ms of start-up (python -X importtime)
        from escapebox.ui.facilitator.actions import FacilitatorActions
        said: list[tuple[str, str]] = []
        actions = FacilitatorActions(self.app, lambda text, kind: said.append((text, kind)))
        seen = self._carry_out(actions, command)
        refused = next((text for text, kind in said if kind == "danger"), None)
        if refused is None and seen:
            self.app.toast(seen, "info", NOTICE_SECONDS)
        self.publisher.reply(command["id"], refused is None, refused or (said[-1][0] if said else ""))
        self.app.invalidate()

    def _carry_out(self, actions: FacilitatorActions, command: dict) -> str | None:
        """Run the command; returns the line the group sees about it (None: the screen shows it)."""
        tr, state = self.app.tr, self.app.game.session.state
        action = command["action"]
        if action in ("pause", "resume"):
            if state.paused != (action == "pause"):   # sent to all: a group already paused stays paused
                actions.toggle_pause()
            return tr("festival.group.paused" if action == "pause" else "festival.group.resumed")
        if action == "time":
            seconds = command["seconds"]
            actions.adjust(seconds)
            key = "festival.group.time_added" if seconds > 0 else "festival.group.time_taken"
            return tr(key, minutes=max(1, abs(seconds) // 60))
        if action == "hint":
            puzzle = self._hint_puzzle(command.get("puzzle"))
            if puzzle is None:
                actions.report(tr("festival.group.no_hint"), "danger")
                return None
            actions.push_hint(puzzle)
            return None
        if action == "message":
            from escapebox.ui.facilitator.notice import GroupNotice, show_to_group
            show_to_group(self.app, GroupNotice(self.app, tr("festival.group.message"), command["text"]))
            actions.report(tr("festival.group.message_shown"), "success")
            return None
        actions.end()
        return tr("festival.group.ended")

    def _hint_puzzle(self, wanted: str | None) -> str | None:
        """The puzzle the trainer named when the group can still use a hint for it, else the first
        puzzle of the room with a hint left (a group may have moved on since the wall looked)."""
        session = self.app.game.session
        open_now = [p for p in session.available_puzzles() if session.next_hint(p) is not None]
        if wanted in open_now:
            return wanted
        return open_now[0] if open_now else None
