"""The dev-mode controller: watch, reload, show problems, start in a room, reveal answers.

``App`` calls :meth:`DevMode.poll` once per frame (it checks the files at
most once a second) and offers every key press to :meth:`DevMode.on_key`
first; the launcher calls :meth:`DevMode.started` right after a new game
starts, which is where ``--room`` jumps.  All changes to the game go through
commands (``JumpToRoom``, ``RevealAnswer``), so they show in the log like a
facilitator's actions.
"""

from __future__ import annotations

import pygame

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.ui.dev.overlay import ProblemsOverlay
from escapebox.ui.dev.reload import carry_over, load_checked
from escapebox.ui.dev.restore import note_screens, restore_screens
from escapebox.ui.dev.watcher import FileWatcher

REVEAL_KEY = pygame.K_F9


class DevMode:
    def __init__(self, app, loaded, room: str | None = None, watcher: FileWatcher | None = None,
                 broken: tuple | None = None):
        """``broken``: (file, problems) of a scenario that did not load at the start (``loaded`` is None)."""
        self.app = app
        self.loaded = loaded
        self.room = room
        self.source = loaded.source if loaded is not None else broken[0]
        self.watcher = watcher or FileWatcher(self.source, loaded.folder if loaded is not None else self.source.parent)
        self.problems: list = []
        pygame.display.set_caption(app.tr("dev.caption"))
        self.start_problems = list(broken[1]) if loaded is None else []

    def show_start_problems(self) -> None:
        """A file broken at the start: its messages over the first screen, until a save fixes them."""
        if self.start_problems:
            self._show_problems(self.start_problems)

    # ------------------------------------------------------------ starting

    def started(self, game) -> None:
        """``--room``: the group starts in that room, as if the facilitator moved it there."""
        if not self.room or self.room == game.session.state.room:
            return
        outcome = game.apply(C.JumpToRoom(self.room))
        if outcome.refused:
            self.app.toast(game.message(outcome.refused), "danger", 8)

    # ------------------------------------------------------------ watching

    def poll(self) -> None:
        if self.watcher.poll():
            self.reload()

    def reload(self) -> None:
        """Load the saved file; errors go in the overlay, a good file replaces the running scenario."""
        try:
            loaded, problems = load_checked(self.source)
        except OSError:
            self.watcher.forget()       # half-written or briefly locked by the editor: try again next second
            return
        if problems:
            self._show_problems(problems)
            return
        self._hide_problems()
        first, self.loaded = self.loaded is None, loaded
        self._forget_pictures()
        if first:
            self._first_start(loaded)
        elif self.app.game is None:
            self._swap_before_start(loaded)
        else:
            self._swap_game(loaded)
        self.app.toast(self.app.tr("dev.reloaded"), "success", 3)
        self.app.invalidate()

    def _forget_pictures(self) -> None:
        """A saved picture must show at once: the image cache forgets what it read of every file."""
        self.app.images.forget_files()

    def _first_start(self, loaded) -> None:
        """The file was broken when the game started and is good now: its intro, as a normal start shows it."""
        from escapebox.ui.screens.intro import IntroScreen

        self.app.use_scenario(loaded)
        self.app.stack.reset(IntroScreen(self.app, loaded))

    def _swap_before_start(self, loaded) -> None:
        """The intro or group-name screen keeps what was typed and shows the new scenario."""
        from escapebox.ui.screens.group_name import GroupNameScreen
        from escapebox.ui.screens.intro import IntroScreen

        for screen in self.app.stack.screens:
            if isinstance(screen, (IntroScreen, GroupNameScreen)):
                screen.loaded = loaded
                screen.layout()

    def _swap_game(self, loaded) -> None:
        from escapebox.ui.game import Game

        old = self.app.game
        notes = note_screens(self.app.stack)
        session, dropped = carry_over(old.session, loaded)
        game = Game(self.app, session, resumed=True, on_finish=old.on_finish)
        game.unseen_clues = old.unseen_clues & set(session.state.clues)
        game.unseen_items = old.unseen_items & set(session.state.inventory)
        game.time_up_seen = old.time_up_seen
        self.app.game = game
        restore_screens(self.app, notes)
        if dropped:
            self.app.toast(self.app.tr("dev.dropped", count=dropped), "info", 6)

    def _show_problems(self, problems: list) -> None:
        self.problems = problems
        overlay = self.app.stack.find(ProblemsOverlay)
        if overlay is None:
            self.app.stack.push(ProblemsOverlay(self.app, problems, never_loaded=self.loaded is None))
        else:
            overlay.show(problems)
        self.app.invalidate()

    def _hide_problems(self) -> None:
        self.problems = []
        self.app.stack.remove_where(lambda screen: isinstance(screen, ProblemsOverlay))

    # ------------------------------------------------------------ keys

    def help_rows(self) -> list[tuple[str, str]]:
        """Extra rows for the F1 card: (key label, what it does) as catalogue keys."""
        return [("dev.help.key_f9", "dev.help.do_reveal")]

    def on_key(self, event) -> bool:
        if event.key != REVEAL_KEY:
            return False
        self.reveal()
        return True

    def reveal(self) -> None:
        """F9: the answer of the puzzle on screen (or the one this room or object is about), logged."""
        game = self.app.game
        puzzle = self.current_puzzle() if game is not None else None
        if puzzle is None:
            self.app.toast(self.app.tr("dev.no_puzzle"), "info", 4)
            return
        outcome = game.apply(C.RevealAnswer(puzzle))
        if outcome.refused:
            self.app.toast(game.message(outcome.refused), "danger", 6)
            return
        revealed = outcome.first(E.AnswerRevealed)
        title = game.scenario.puzzles[puzzle].title
        self.app.toast(self.app.tr("dev.answer", puzzle=title, answer=revealed.solution), "info", 15)

    def current_puzzle(self) -> str | None:
        from escapebox.ui.screens.object_view import ObjectScreen
        from escapebox.ui.screens.puzzles import PuzzleScreen

        session = self.app.game.session
        for screen in reversed(self.app.stack.screens):
            if isinstance(screen, PuzzleScreen):
                return screen.puzzle_id
            if isinstance(screen, ObjectScreen):
                locked = session.object_view(screen.object_id)["locked_by"]
                if locked:
                    return locked
        available = session.available_puzzles()
        return available[0] if available else None
