"""Starting, resuming and leaving a game: shared by the picker, the intro and ``escapebox play``.

Saving uses the SQLite store from ``escapebox.core.store``.  If the store
cannot be opened (read-only or full disk), the game is still played,
without saving, and a banner says so.

Continuing a game that another window holds asks first (``BusyDialog``):
look at it read-only, take it over, or go back.  A save that is damaged or
breaks the rules is not continued: a message names the session, and the
intro stays, so a new game can start.  Leaving a game writes what still
waits and gives the session free for the next window.

The game itself (session, rules, events, the game bridge) is imported when a
game starts, not when this module is: the title screen is drawn first and
those imports happen in idle time behind it (docs/performance.md).
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from escapebox.core.clock import MonotonicClock
from escapebox.privacy import apply_retention
from escapebox.problems import EscapeboxError

log = logging.getLogger(__name__)



class Launcher:
    def __init__(self, app, *, save: bool = True, data_dir: Path | None = None, picker: bool = False):
        self.app = app
        self.picker = picker
        self.store = self._open_store(data_dir) if save else None

    def _open_store(self, data_dir: Path | None):
        try:
            from escapebox.core.store import SessionStore
            store = SessionStore(data_dir)
        except (OSError, sqlite3.Error, EscapeboxError) as exc:
            log.warning("Escapebox: saving is off: %s", exc)
            self.app.banner = self.app.tr("ui.banner.save_failed")
            return None
        try:
            apply_retention(store)  # the privacy promise on the intro screen
        except (OSError, sqlite3.Error):
            pass
        return store

    # ------------------------------------------------------------ starting

    def resumable(self, loaded) -> dict | None:
        if self.store is None:
            return None
        try:
            return self.store.latest_unfinished(loaded.scenario.id)
        except (OSError, sqlite3.Error):
            return None

    def start(self, loaded, group: str) -> None:
        """A new session; the group's name is the first command."""
        from escapebox.core import commands as C
        from escapebox.core.session import GameSession
        from escapebox.ui.game import Game
        try:
            session = GameSession.start(loaded, MonotonicClock(), store=self.store,
                                        autoplayed=self.app.autopilot is not None)
        except (OSError, sqlite3.Error) as exc:
            log.warning("Escapebox: cannot save this session: %s", exc)
            self.app.banner = self.app.tr("ui.banner.save_failed")
            session = GameSession.start(loaded, MonotonicClock(), store=None)
        self.app.game = Game(self.app, session, on_finish=self._on_finish())
        if group.strip():
            outcome = self.app.game.apply(C.SetGroupName(group))
            if outcome.refused:
                self.app.toast(self.app.game.message(outcome.refused), "danger")
        if self.app.services.dev is not None:
            self.app.services.dev.started(self.app.game)       # ``play --dev --room``
        self.app.game.route()
        self._warm_up()

    def _warm_up(self) -> None:
        """Pre-render the room pictures while the group reads, so later room changes are instant."""
        from escapebox.ui.screens.room import RoomScreen
        if not self.app.fast:
            self.app.idle_tasks.extend(RoomScreen.warm_pictures(self.app))

    def resume(self, loaded, session_id: str, *, take_over: bool = False, read_only: bool = False) -> bool:
        """Continue a saved game; False (with a dialog or a message over the intro) when it cannot be now."""
        from escapebox.core.resume import resume_session
        from escapebox.core.store import SessionBusy
        from escapebox.ui.game import Game
        try:
            session, report = resume_session(loaded, self.store, session_id, MonotonicClock(),
                                             take_over=take_over, read_only=read_only)
        except SessionBusy as busy:
            from escapebox.ui.screens.saving import BusyDialog
            self._show_intro(loaded)
            self.app.stack.push(BusyDialog(
                self.app, busy.problems[0],
                on_view=lambda: self.resume(loaded, session_id, read_only=True),
                on_take_over=lambda: self.resume(loaded, session_id, take_over=True)))
            return False
        except EscapeboxError as exc:        # damaged, or against the rules: say which session, and why
            self._show_intro(loaded)
            for problem in exc.problems[:3]:
                self.app.toast(problem.message(self.app.tr), "danger", 15)
            log.warning("Escapebox: session %s not resumed: %s", session_id, [p.code for p in exc.problems])
            return False
        except (OSError, sqlite3.Error) as exc:
            self._show_intro(loaded)
            self.app.toast(self.app.tr("ui.banner.save_failed"), "danger", 10)
            log.warning("Escapebox: session %s not resumed: %s", session_id, type(exc).__name__)
            return False
        notes = report.summary(self.app.tr)
        self.app.game = Game(self.app, session, resumed=True, resume_notes=notes, on_finish=self._on_finish())
        self.app.game.route()
        if notes:                    # several lines to read: a notice, not a passing message
            from escapebox.ui.screens.saving import ResumeNotice
            self.app.stack.push(ResumeNotice(self.app, notes))
        self.app.game.check_saving()
        self._warm_up()
        return True

    def _show_intro(self, loaded) -> None:
        """``play --resume`` starts with an empty stack: the intro goes under the dialog or message."""
        if not self.app.stack.screens:
            from escapebox.ui.screens.intro import IntroScreen
            self.app.stack.push(IntroScreen(self.app, loaded))

    def leave_game(self) -> bool:
        """Write what waits and give the session free; whether everything is on disk."""
        game = self.app.game
        if game is None:
            return True
        try:
            return game.session.close()
        except (OSError, sqlite3.Error):
            return False

    def _on_finish(self):
        return self.back_to_picker if self.picker else None

    def back_to_picker(self) -> None:
        from escapebox.ui.screens.picker import PickerScreen
        # the game's screens leave first (they may still save a draft); only then is the game gone
        # and do the theme and language change (a room screen laid out without a game would crash)
        self.app.stack.reset(PickerScreen(self.app))
        self.leave_game()
        self.app.game = None
        self.app.banner = None if self.store is not None else self.app.banner
        self.app.use_scenario(None)

    def close(self) -> None:
        self.leave_game()
        if self.store is not None:
            try:
                self.store.close()
            except sqlite3.Error:
                pass
