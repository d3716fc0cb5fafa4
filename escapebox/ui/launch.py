"""Starting, resuming and leaving a game: shared by the picker, the intro and ``escapebox play``.

Saving uses the SQLite store from ``escapebox.core.store``.  If the store
cannot be opened (read-only or full disk), the game is still played,
without saving, and a banner says so.

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
            session = GameSession.start(loaded, MonotonicClock(), store=self.store)
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

    def resume(self, loaded, session_id: str) -> None:
        from escapebox.core.resume import resume_session
        from escapebox.ui.game import Game
        session, report = resume_session(loaded, self.store, session_id, MonotonicClock())
        notes = report.summary(self.app.tr) if report.changed else []
        self.app.game = Game(self.app, session, resumed=True, resume_notes=notes, on_finish=self._on_finish())
        for note in notes:
            self.app.toast(note, "info", 8)
        self.app.game.route()
        self._warm_up()

    def _on_finish(self):
        return self.back_to_picker if self.picker else None

    def back_to_picker(self) -> None:
        from escapebox.ui.screens.picker import PickerScreen
        # the game's screens leave first (they may still save a draft); only then is the game gone
        # and do the theme and language change (a room screen laid out without a game would crash)
        self.app.stack.reset(PickerScreen(self.app))
        self.app.game = None
        self.app.banner = None if self.store is not None else self.app.banner
        self.app.use_scenario(None)

    def close(self) -> None:
        if self.store is not None:
            try:
                self.store.close()
            except sqlite3.Error:
                pass
