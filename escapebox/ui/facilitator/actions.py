"""The facilitator's controls: each one is a command through ``game.apply``, so it is logged.

After the command the players' screen follows the new state: a pushed
hint or a revealed answer appears in a dialog (with the hint sound), a
pause shows the pause screen, a skipped puzzle, a jump or the end of the
game re-routes the screens.  Refusals come back as a message in the
trainer's language, never as an exception.
"""

from __future__ import annotations

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.ui.facilitator.notice import GroupNotice, show_to_group

FIVE_MINUTES = 5 * 60


class Pause(C.Pause):
    """The players' ``Pause`` given by the trainer, so the ``Paused`` event says ``by_facilitator``.

    Same class name on purpose: the rules look up ``_do_Pause`` by name.  Build it with
    ``held=True``: the trainer's pause is lifted by the trainer, not by the group's P or clicker.
    """

    by_facilitator = True


class Resume(C.Resume):
    by_facilitator = True


class FacilitatorActions:
    """Runs the trainer's commands; ``report`` receives a short message about each result."""

    def __init__(self, app, report):
        self.app = app
        self.report = report

    @property
    def game(self):
        return self.app.game

    def _apply(self, command) -> list | None:
        outcome = self.game.apply(command)
        if outcome.refused is not None:
            self.report(self.game.message(outcome.refused), "danger")
            return None
        return outcome.events

    # ------------------------------------------------------------ the clock

    def toggle_pause(self) -> None:
        from escapebox.ui.screens.pause import PauseScreen
        if self.game.session.state.paused:
            if self._apply(Resume()) is not None:
                self._drop(PauseScreen)
                self.report(self.app.tr("facilitator.done.resumed"), "success")
        elif self._apply(Pause(held=True)) is not None:
            show_to_group(self.app, PauseScreen(self.app, already_paused=True))
            self.report(self.app.tr("facilitator.done.paused"), "success")

    def adjust(self, seconds: int) -> None:
        if self._apply(C.AdjustTime(seconds)) is not None:
            key = "facilitator.done.added" if seconds > 0 else "facilitator.done.taken"
            self.report(self.app.tr(key, minutes=abs(seconds) // 60), "success")

    # ------------------------------------------------------------ puzzles

    def push_hint(self, puzzle: str | None) -> None:
        if puzzle is None:
            return
        events = self._apply(C.PushHint(puzzle))
        shown = next((e for e in events or [] if isinstance(e, E.HintShown)), None)
        if shown is not None:
            title = self.game.scenario.puzzles[puzzle].title
            show_to_group(self.app, GroupNotice(self.app, self.app.tr("facilitator.notice.hint", puzzle=title),
                                                shown.text))
            self.report(self.app.tr("facilitator.done.hint", number=shown.index + 1), "success")

    def reveal(self, puzzle: str | None) -> None:
        if puzzle is None:
            return
        events = self._apply(C.RevealAnswer(puzzle))
        revealed = next((e for e in events or [] if isinstance(e, E.AnswerRevealed)), None)
        if revealed is not None:
            title = self.game.scenario.puzzles[puzzle].title
            self.app.play("hint")
            show_to_group(self.app, GroupNotice(self.app, self.app.tr("facilitator.notice.answer", puzzle=title),
                                                revealed.solution))
            self.report(self.app.tr("facilitator.done.revealed"), "success")

    def skip(self, puzzle: str | None) -> None:
        if puzzle is None:
            return
        if self._apply(C.SkipPuzzle(puzzle)) is not None:
            self._reroute()
            self.report(self.app.tr("facilitator.done.skipped"), "success")

    # ------------------------------------------------------------ rooms and the end

    def jump(self, room: str) -> None:
        if self._apply(C.JumpToRoom(room)) is not None:
            self._reroute()
            self.report(self.app.tr("facilitator.done.jumped", room=self.game.scenario.rooms[room].name), "success")

    def end(self) -> None:
        if self._apply(C.EndGame()) is not None:
            self.game.route()

    # ------------------------------------------------------------ the players' screens

    def _drop(self, kind: type) -> None:
        """Take a screen (the pause screen) out of the stack wherever it is."""
        self.app.stack.remove_where(lambda screen: isinstance(screen, kind))

    def _reroute(self) -> None:
        """Show the screens the new state asks for; keep the trainer's overlay open on top."""
        overlay = next((s for s in reversed(self.app.stack.screens) if s.stays_on_top), None)
        self.game.route()
        if overlay is not None and not self.game.session.state.ended:
            self.app.stack.push(overlay)
