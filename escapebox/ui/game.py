"""The bridge between the screens and the core: apply a command, show what the events say.

Screens never change the game themselves: they call :meth:`Game.apply`
with a command from ``escapebox.core.commands``.  The session commits the
events before returning them, so whatever a screen shows as done is saved.
This class turns events into the shared side effects (sounds, "new"
badges, messages, the save-warning banner) and decides which screen comes
next from the *state* (:meth:`route`), so a resumed session lands on the
same screen as a live one.
"""

from __future__ import annotations

import math

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.ui.clock_text import clock_text


class Outcome:
    """The events one command produced, with the questions screens ask about them."""

    def __init__(self, command, events: list):
        self.command = command
        self.events = events

    @property
    def refused(self) -> E.CommandRefused | None:
        return next((e for e in self.events if isinstance(e, E.CommandRefused)), None)

    def first(self, kind: type):
        return next((e for e in self.events if isinstance(e, kind)), None)

    def all(self, kind: type) -> list:
        return [e for e in self.events if isinstance(e, kind)]


class Game:
    def __init__(self, app, session, *, resumed: bool = False, resume_notes: list[str] | None = None,
                 on_finish=None):
        self.app = app
        self.session = session
        self.loaded = session.loaded
        self.scenario = session.scenario
        app.images.allow(self.loaded.folder, self.loaded)  # pictures from here only, within each room's budget
        self.history: list[Outcome] = []
        self.on_finish = on_finish
        self.resume_notes = resume_notes or []
        state = session.state
        # on resume everything found earlier counts as seen; new finds get a "nieuw" badge
        self.unseen_clues: set[str] = set() if resumed else set(state.clues)
        self.unseen_items: set[str] = set() if resumed else set(state.inventory)
        self.time_up_seen = resumed and state.time_up
        #: an object whose lock was just opened: show its contents once the group is back in the room
        self.reveal_after: str | None = None
        #: the room the last routed room screen showed (its focus is kept when the same room comes back)
        self.shown_room: str | None = None
        #: the banner of a game that has no store at all (the data folder refused): it stays all game
        self.no_store_banner = app.banner if session.store is None else None
        self._banner = app.banner

    # ------------------------------------------------------------ commands

    def apply(self, command: C.Command) -> Outcome:
        outcome = Outcome(command, self.session.apply(command))
        self.history.append(outcome)
        self._react(outcome.events)
        refused = outcome.refused
        if refused is not None:
            self.app.play("wrong")
        else:
            from escapebox.ui.screens.room import RoomScreen
            from escapebox.ui.warmup import schedule_current_room
            schedule_current_room(self.app, RoomScreen)
        self.app.invalidate()
        return outcome

    def will_reveal(self, oid: str) -> None:
        """A lock on ``oid`` opened: "Verder" will show what was inside, so draw that while the group reads."""
        from escapebox.ui.warmup import schedule_revealed_object
        schedule_revealed_object(self.app, oid)

    def message(self, refused: E.CommandRefused) -> str:
        """A refusal's reason key in the player's language."""
        return self.app.tr(refused.reason, **{k: v for k, v in (refused.params or {}).items()})

    def _react(self, events: list) -> None:
        tr, scenario = self.app.tr, self.scenario
        for event in events:
            if isinstance(event, E.ClueFound):
                self.unseen_clues.add(event.clue)
                self.app.toast(tr("ui.toast.clue", title=scenario.clues[event.clue].title), "success")
                self.app.play("found")
            elif isinstance(event, E.ItemTaken):
                self.unseen_items.add(event.item)
                self.app.toast(tr("ui.toast.item", name=scenario.items[event.item].name), "success")
                self.app.play("found")
            elif isinstance(event, E.ItemsCombined):
                self.unseen_items.add(event.gives)
            elif isinstance(event, E.WrongAnswer):
                self.app.play("wrong")
            elif isinstance(event, E.LockOpened):
                self.app.play("success")
            elif isinstance(event, E.HintShown):
                self.app.play("hint")
            elif isinstance(event, E.PenaltyAdded):
                self.app.toast(tr("ui.toast.penalty", seconds=event.seconds), "info")
        self._check_saving()

    def _check_saving(self) -> None:
        self.check_saving()

    def check_saving(self) -> None:
        """The banner says what the save does now: taken over, look only, failing, or nothing."""
        session, tr = self.session, self.app.tr
        if session.lost and session.taken_by is None:      # given up elsewhere, or deleted
            banner = tr("ui.banner.session_gone", count=session.unsaved_count())
        elif session.lost:
            holder = session.taken_by
            banner = tr("ui.banner.taken_over", count=session.unsaved_count(), host=holder.host, pid=holder.pid)
        elif session.read_only:
            banner = tr("ui.banner.read_only")
        elif session.save_problem:
            banner = tr("ui.banner.save_failed")
        else:
            banner = self.no_store_banner
        if banner != self._banner:      # only a change of ours: a banner someone else put up stays
            self._banner = self.app.banner = banner
            self.app.invalidate()

    def may_quit(self) -> bool:
        """Closing the window: yes when everything is on disk (after a last try); else ask first.

        Closing again while the question is open closes: the group is never locked in.
        """
        from escapebox.ui.screens.saving import UnsavedDialog
        session = self.session
        if session.unsaved_count() == 0 or session.flush():
            return True
        self.check_saving()
        if isinstance(self.app.stack.top, UnsavedDialog):
            return True
        self.app.stack.push(UnsavedDialog(self.app, session, on_close=lambda: self.app.quit(self.app.exit_code)))
        return False

    def tick(self) -> None:
        """Let the clock run out: the time-up screen appears on top of whatever is open.

        Also the save's housekeeping: what a full disk refused is tried again in
        the background, and the heartbeat says this window still holds the game.
        """
        self.session.housekeeping()
        self.check_saving()
        events = self.session.tick()
        if not events:
            return
        self._react(events)
        if any(isinstance(e, E.TimeUp) for e in events):
            from escapebox.ui.screens.timeup import TimeUpScreen
            self.app.play("tick")
            if not isinstance(self.app.stack.top, TimeUpScreen):
                self.app.stack.push(TimeUpScreen(self.app))
        self.app.invalidate()

    # ------------------------------------------------------------ what to show next

    def show_clue_book(self) -> None:
        # Opened from every game screen's toolbar; asked of the game because the clue book is
        # itself a game screen (base.py must not import what builds on it).
        from escapebox.ui.screens.cluebook import ClueBookScreen
        self.app.stack.push(ClueBookScreen(self.app))

    def show_inventory(self) -> None:
        from escapebox.ui.screens.inventory import InventoryScreen
        self.app.stack.push(InventoryScreen(self.app))

    def route(self) -> None:
        """Show the screen the state asks for: ending, reflection, time-up, pause or the room."""
        from escapebox.ui.screens.debrief import DebriefScreen
        from escapebox.ui.screens.ending import EndingScreen
        from escapebox.ui.screens.pause import PauseScreen
        from escapebox.ui.screens.reflection import ReflectionScreen
        from escapebox.ui.screens.room import RoomScreen
        from escapebox.ui.screens.timeup import TimeUpScreen

        app, state = self.app, self.session.state
        if state.ended and not state.pending:
            # the game is over: "Nieuwe aanwijzing" from the last lock, a save notice, no longer mean
            # anything and covered the ending's first lines (played by hand)
            app.drop_toasts()
            if state.ending:
                app.stack.reset(EndingScreen(app))
            elif state.end_reason == "time" and not self.time_up_seen:
                app.stack.reset(TimeUpScreen(app))
            else:
                app.stack.reset(DebriefScreen(app))
            return
        kept = self._room_focus(RoomScreen)
        screens = [RoomScreen(app)]
        if state.pending:
            screens.append(ReflectionScreen(app, state.pending[0]))
        elif state.time_up and not self.time_up_seen:
            screens.append(TimeUpScreen(app))
        elif state.paused:
            screens.append(PauseScreen(app, already_paused=True))
        app.stack.reset(*screens)
        if kept is not None:
            screens[0].focus.focus_key(kept)
        if len(screens) == 1 and self.reveal_after:
            obj, self.reveal_after = self.reveal_after, None
            if self.session.index.object_room.get(obj) == state.room:
                screens[0].inspect(obj)

    def _room_focus(self, room_screen) -> str | None:
        """The control the group last had in this room: back from a puzzle or an object the room
        is built anew, and a clicker group found its focus on the first object again, a row of
        presses from the lock it had just opened (played by hand).  The opened exit keeps it, so
        one press goes through."""
        shown, self.shown_room = self.shown_room, self.session.state.room
        previous = next((s for s in reversed(self.app.stack.screens) if isinstance(s, room_screen)), None)
        if previous is None or shown != self.shown_room:
            return None
        return previous.focus_kept()

    def finish(self) -> None:
        """The debrief is closed (or the group stops): back to the picker, or quit; first asks when
        something is not saved yet."""
        from escapebox.ui.screens.saving import UnsavedDialog
        if self.session.unsaved_count() and not self.session.flush():
            self.app.stack.push(UnsavedDialog(self.app, self.session, on_close=self._leave))
            return
        self._leave()

    def _leave(self) -> None:
        if self.on_finish:
            self.on_finish()
        else:
            self.app.quit(0)

    # ------------------------------------------------------------ the clock

    def timer_second(self) -> int | None:
        view = self.session.timer()
        shown = view.remaining if view.remaining is not None else view.elapsed
        return math.floor(shown)

    def timer_text(self) -> tuple[str, str]:
        """What the clock shows and how: ("12:34", "normal" | "low" | "overtime" | "paused")."""
        view = self.session.timer()
        if view.remaining is None:
            return clock_text(view.elapsed), "paused" if view.paused else "normal"
        if view.remaining < 0:
            return "+" + clock_text(-view.remaining), "overtime"
        text = clock_text(math.ceil(view.remaining))
        if view.paused:
            return text, "paused"
        return text, "low" if view.remaining <= 60 else "normal"

    def ms_to_next_second(self) -> int:
        """How long an idle loop may sleep before the clock display changes."""
        view = self.session.timer()
        if view.paused:
            return 1000
        if view.remaining is not None:
            fraction = view.remaining - math.floor(view.remaining)
        else:
            fraction = 1.0 - (view.elapsed - math.floor(view.elapsed))
        return int(fraction * 1000) + 5

    def used_seconds(self) -> float:
        return self.session.timer().used
