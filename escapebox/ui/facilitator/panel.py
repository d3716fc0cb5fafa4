"""The console's contents on the 1920×1080 logical canvas, shared by the window and the overlay.

Left: what is going on (room, puzzle, solution, next hint, typed wrong
answers, reflections as they come in).  Right: the controls, then the
rooms to jump to.  "Einde spel" asks once more before it ends the game,
because one slip of the mouse must not end a group's session.

On the group's screen (the overlay, ``hide_solutions``) the group reads
along: the solution, the next hint's text and the names of rooms not yet
visited stay hidden until the trainer clicks "Antwoorden tonen" and
confirms with a second click.
"""

from __future__ import annotations

import pygame

from escapebox.ui.canvas import LOGICAL_W
from escapebox.ui.clock_text import clock_text
from escapebox.ui.facilitator import ended, facts
from escapebox.ui.facilitator.actions import FIVE_MINUTES, FacilitatorActions
from escapebox.ui.widgets import Button, TextBox
from escapebox.ui.widgets.button import PAD_Y

HEAD_H = 110
#: the room buttons' padding above and below the label when the normal one leaves no room (as compact lists)
COMPACT_PAD_Y = 6
MARGIN = 40
GAP = 16
INFO = pygame.Rect(MARGIN, HEAD_H + 20, 1020, 1080 - HEAD_H - 20 - MARGIN)
CONTROLS = pygame.Rect(INFO.right + 40, HEAD_H + 20, LOGICAL_W - INFO.right - 40 - MARGIN, INFO.height)


class ConsolePanel:
    """Builds the widgets and draws the header; ``hide_solutions`` for the overlay on the players' screen."""

    def __init__(self, app, hide_solutions: bool, report):
        self.app = app
        self.hide_solutions = hide_solutions
        self.solution_shown = not hide_solutions
        self.actions = FacilitatorActions(app, report)
        self.chosen: str | None = None
        self.confirm_end = False
        self.confirm_show = False
        self.rooms_label_y: int | None = None
        self._screen_puzzle: str | None = None

    # ------------------------------------------------------------ state

    def puzzle(self) -> str | None:
        """The puzzle the controls act on: the trainer's pick while still open, else the one in front.

        When the group opens another puzzle, the console follows the group again.
        """
        shown = facts.puzzle_on_screen(self.app)
        if shown != self._screen_puzzle:
            self._screen_puzzle, self.chosen = shown, None
        candidates = self.candidates()
        if self.chosen in candidates:
            return self.chosen
        return candidates[0] if candidates else None

    def candidates(self) -> list[str]:
        """The puzzles to act on; on the group's screen, until "Antwoorden tonen", only those in sight."""
        return facts.candidate_puzzles(self.app, in_sight_only=not self.solution_shown)

    def signature(self) -> tuple:
        """Changes whenever the panel must be laid out again."""
        state = self.app.game.session.state
        return (len(state.events), self.puzzle(), self.solution_shown, self.confirm_end, self.confirm_show,
                self.app.stack.changes, id(self.app.game))

    def next_puzzle(self) -> None:
        candidates = self.candidates()
        if candidates:
            current = self.puzzle()
            at = candidates.index(current) if current in candidates else -1
            self.chosen = candidates[(at + 1) % len(candidates)]

    def toggle_solution(self) -> None:
        """Hide at once; show only on the second click, because the group sees what appears."""
        if self.solution_shown or self.confirm_show:
            self.solution_shown, self.confirm_show = not self.solution_shown, False
        else:
            self.confirm_show = True

    def end(self) -> None:
        if not self.confirm_end:
            self.confirm_end = True
            return
        self.confirm_end = False
        self.actions.end()

    # ------------------------------------------------------------ widgets

    def build(self, ctx) -> list:
        if self.app.game.session.state.ended:
            return self._build_ended(ctx)
        tr, game = self.app.tr, self.app.game
        puzzle = self.puzzle()
        info = TextBox(facts.facts_text(self.app, puzzle, self.solution_shown), INFO, key="info", panel=True)
        paused = game.session.state.paused
        count = len(self.candidates())
        rows = [
            [Button(tr("facilitator.button.resume" if paused else "facilitator.button.pause"),
                    self.actions.toggle_pause, key="pause", kind="primary" if paused else "normal"),
             Button(tr("facilitator.button.minus"), lambda: self.actions.adjust(-FIVE_MINUTES), key="minus"),
             Button(tr("facilitator.button.plus"), lambda: self.actions.adjust(FIVE_MINUTES), key="plus")],
            [Button(tr("facilitator.button.other_puzzle", count=count), self.next_puzzle, key="other_puzzle")],
            [Button(tr("facilitator.button.hint"), lambda: self.actions.push_hint(self.puzzle()), key="hint"),
             Button(tr("facilitator.button.reveal"), lambda: self.actions.reveal(self.puzzle()), key="reveal")],
            [Button(tr("facilitator.button.skip"), lambda: self.actions.skip(self.puzzle()), key="skip"),
             Button(tr("facilitator.button.end_sure" if self.confirm_end else "facilitator.button.end"), self.end,
                    key="end", kind="danger")],
        ]
        if self.hide_solutions:
            label = ("hide_solution" if self.solution_shown else
                     "show_solution_sure" if self.confirm_show else "show_solution")
            rows.insert(1, [Button(tr(f"facilitator.button.{label}"), self.toggle_solution, key="show_solution",
                                   kind="danger" if self.confirm_show else "normal")])
        for button in (b for row in rows[1:] for b in row if b.key in ("hint", "reveal", "skip", "other_puzzle")):
            button.enabled = puzzle is not None and (button.key != "other_puzzle" or count > 1)
        y = self._place_rows(ctx, rows, CONTROLS.top)
        rooms = self._room_buttons(ctx, y + 56)
        return [info] + [b for row in rows for b in row] + rooms

    def _build_ended(self, ctx) -> list:
        """After the end: the outcome and the way to the debrief and report; nothing live to press."""
        app = self.app
        info = TextBox(ended.ended_text(app), INFO, key="info", panel=True)
        debrief = Button(app.tr("facilitator.ended.show_debrief"), lambda: ended.show_debrief(app), key="debrief",
                         kind="primary")
        debrief.enabled = not app.game.session.state.pending and not ended.debrief_on_screen(app)
        self._place_rows(ctx, [[debrief]], CONTROLS.top)
        self.rooms_label_y = None
        return [info, debrief]

    def _place_rows(self, ctx, rows, y: int) -> int:
        for row in rows:
            width = (CONTROLS.width - GAP * (len(row) - 1)) // len(row)
            for button in row:       # the role first: measured at the button size, "Pauze" got 132 px, not 74
                button.role = "small"
            height = max(b.preferred_height(ctx.canvas, ctx, width) for b in row)
            for n, button in enumerate(row):
                button.rect = pygame.Rect(CONTROLS.left + n * (width + GAP), y, width, height)
            y += height + GAP
        return y

    def _room_buttons(self, ctx, top: int) -> list:
        game = self.app.game
        self.rooms_label_y = top - 48
        buttons = [Button(self._room_label(n, rid, room.name), lambda rid=rid: self.actions.jump(rid),
                          key=f"room:{rid}", selected=rid == game.session.state.room, role="small")
                   for n, (rid, room) in enumerate(game.scenario.rooms.items())]
        columns, width, height = self._room_grid(ctx, buttons, CONTROLS.bottom - top)
        for n, button in enumerate(buttons):
            row, col = divmod(n, columns)
            button.rect = pygame.Rect(CONTROLS.left + col * (width + GAP), top + row * (height + GAP), width, height)
        return buttons

    def _room_grid(self, ctx, buttons: list, room: int) -> tuple[int, int, int]:
        """(columns, width, height) of the room buttons: two columns (three for more than eight rooms), else
        the first count whose rows fit ``room`` with every label whole, else the same with less padding.

        At the largest text size hele-team-leert's three names need 175 px each in two columns (366 px
        for two rows where 270 are free) and three columns broke "teamkantoor" inside the word; one
        column needs 3 × 84 + 32 = 284 px, and with 6 px padding instead of 14, 3 × 68 + 32 = 236."""
        order = (2, 1, 3) if len(buttons) <= 8 else (3, 2, 1)
        grids = []
        for pad in (PAD_Y, COMPACT_PAD_Y):
            for button in buttons:
                button.pad_y = pad
            for columns in order:
                width = (CONTROLS.width - GAP * (columns - 1)) // columns
                height = max([b.preferred_height(ctx.canvas, ctx, width) for b in buttons] or [0])
                rows = max(1, -(-len(buttons) // columns))
                grids.append((rows * height + GAP * (rows - 1), columns, width, height))
                if grids[-1][0] <= room:
                    return columns, width, height
        return min(grids)[1:]          # nothing fits: the lowest grid, at the smaller padding

    def _room_label(self, number: int, room: str, name: str) -> str:
        """A room the group has not been in is "Kamer 3" on their screen: its name gives away what comes."""
        if self.solution_shown or room in self.app.game.session.state.visited:
            return name
        return self.app.tr("facilitator.console.room_hidden", number=number + 1)

    # ------------------------------------------------------------ drawing

    def draw(self, canvas, ctx) -> None:
        """The header (title, group, clock line) and the label above the rooms."""
        c, tr, game = ctx.theme.colours, self.app.tr, self.app.game
        canvas.fill(pygame.Rect(0, 0, LOGICAL_W, HEAD_H), c.panel)
        canvas.fill(pygame.Rect(0, HEAD_H - 3, LOGICAL_W, 3), c.border)
        title = tr("facilitator.console.title", scenario=game.scenario.title)
        canvas.text(title, (MARGIN, 14), "bold", ctx.size("small"), c.text)
        group = game.session.state.group or "—"
        line = tr("facilitator.console.group", group=group) + "  ·  " + self._clock_line()
        canvas.text(line, (MARGIN, 60), "regular", ctx.size("small"), c.muted)
        if self.rooms_label_y is not None:
            canvas.text(tr("facilitator.console.rooms"), (CONTROLS.left, self.rooms_label_y), "bold",
                        ctx.size("small"), c.text)

    def _clock_line(self) -> str:
        """The live clock, or once the game is over how long it took (not "klok staat stil"), in the info
        panel's and the debrief's figure."""
        if self.app.game.session.state.ended:
            return self.app.tr("facilitator.ended.header", time=clock_text(ended.time_used(self.app)))
        return facts.clock_line(self.app)
