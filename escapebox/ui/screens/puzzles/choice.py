"""``choice`` and ``dilemma``: options to pick.

Choice: one right option (radio buttons) or several (check boxes — the
question then says how many, so a group knows it may pick more).  Dilemma:
exactly one option; every option opens the lock and leads to its own
feedback, and the choice is recorded for the debrief.  Keys (docs/rules.md,
"Controls"): Space (or F5, or a click) selects the focused option, number
keys 1–9 select options directly, and Enter always presses "Controleer
(Enter)" / "Kies dit (Enter)", also with the focus on an option.
"""

from __future__ import annotations

import pygame

from escapebox.ui.screens.puzzles._picture import PuzzlePicture
from escapebox.ui.screens.puzzles.base import GAP, PuzzleScreen
from escapebox.ui.widgets import Button


class ChoiceScreen(PuzzlePicture, PuzzleScreen):
    puzzle_kind = "choice"

    def __init__(self, app, puzzle_id: str, via: str | None = None):
        super().__init__(app, puzzle_id, via)
        self.multiple = self.picks_several()
        self.picked: list[int] = []

    def picks_several(self) -> bool:
        """Whether the group may pick more than one option (the choice puzzle says)."""
        return self.puzzle.multiple

    def shown_options(self) -> tuple:
        """The options on screen now (a conversation shows the options of its current turn)."""
        return self.puzzle.options

    def build_answer(self, area: pygame.Rect) -> list:
        options = self.shown_options()
        canvas = self.app.canvas
        if self.multiple:
            note = self.app.tr("ui.choice.several")
            self.note_pos = (area.left, area.top)
            area = pygame.Rect(area.left, area.top + self.app.text.line_height(self.app.size("small")) + 8,
                               area.width, area.height - self.app.text.line_height(self.app.size("small")) - 8)
        else:
            note = None
        self.note = note
        columns = 2 if len(options) > 4 else 1
        col_w = (area.width - GAP * (columns - 1)) // columns
        buttons = [Button(f"{n + 1}.  {option.text}", lambda n=n: self.toggle(n), key=f"opt:{n}", align="left",
                          selected=n in self.picked, radio=not self.multiple, item=True)
                   for n, option in enumerate(options)]
        rows = -(-len(buttons) // columns)
        for role in ("body", "small"):
            for b in buttons:
                b.role = role
            heights = [b.preferred_height(canvas, self.app, col_w) for b in buttons]
            row_h = [max(heights[r * columns:(r + 1) * columns]) for r in range(rows)]
            if sum(row_h) + GAP * (rows - 1) <= area.height:
                break
        gap = min(GAP, max(8, (area.height - sum(row_h)) // max(1, rows - 1))) if rows > 1 else GAP
        for n, button in enumerate(buttons):
            button.rect = pygame.Rect(area.left + n % columns * (col_w + GAP), 0, col_w, 0)
        # seven options at extra large text need about 700 px of 560: a page at a time
        grid = [buttons[r * columns:(r + 1) * columns] for r in range(rows)]
        return buttons + self.place_rows(grid, row_h, area, gap)

    def toggle(self, n: int) -> None:
        if self.multiple:
            self.picked = [p for p in self.picked if p != n] if n in self.picked else sorted(self.picked + [n])
        else:
            self.picked = [n]
        if self.feedback and self.feedback[0] == self.app.tr("ui.choice.pick_first"):
            self.feedback = None              # chosen now: the how-to message has done its work
        for widget in self.focus.widgets:
            if (widget.key or "").startswith("opt:"):
                widget.selected = int(widget.key[4:]) in self.picked
        self.submit_button.enabled = self.can_submit()
        self.app.invalidate()

    def default_focus(self) -> str | None:
        return super().default_focus() or "opt:0"

    def how_to_texts(self) -> list[str]:
        return [self.app.tr("ui.choice.pick_first")]

    def can_submit(self) -> bool:
        return bool(self.picked)

    def answer(self):
        return list(self.picked)

    def submit(self) -> None:
        """Enter (or the button) with nothing chosen says how to choose, instead of doing nothing."""
        if self.solved is None and not self.picked:
            self.feedback = (self.app.tr("ui.choice.pick_first"), "danger")
            self.layout()
            return
        super().submit()

    def on_key(self, event) -> bool:
        if self.solved is None and event.unicode and event.unicode.isdigit() and event.unicode.isascii():
            n = int(event.unicode) - 1
            if 0 <= n < len(self.shown_options()):
                self.toggle(n)
                self.focus.focus_key(f"opt:{n}")
                return True
        return super().on_key(event)

    def draw_answer(self, canvas) -> None:
        if self.note:
            canvas.text(self.note, self.note_pos, "italic", self.app.size("small"), self.app.theme.colours.muted)

    def autoplay_answer(self, answer) -> list | None:
        """Space on each option still to pick (a radio button: the one), then Enter checks, as a person does."""
        wanted = sorted(answer)
        missing = [n for n in wanted if n not in self.picked]
        extra = [n for n in self.picked if n not in wanted] if self.multiple else []
        for n in missing + extra:         # picking one radio button drops the other: never untick it
            return self.keys_to(f"opt:{n}", press="space")
        return [("key", "return", "submit")]


class DilemmaScreen(ChoiceScreen):
    """A dilemma; with a ``character`` a conversation, turn after turn on this one screen.

    A line with a next turn (``then``) is not yet an answer: the screen shows
    what the group said, the character's reply and the feedback above the next
    turn's options.  The line that ends the talk sends the whole path (one
    option number per turn) as the answer, so the log holds the conversation as
    one choice.  Esc leaves the talk; opened again, it starts from the first turn.
    """

    puzzle_kind = "dilemma"
    #: this build gives the question all the height it needs (see :meth:`build`)
    _whole_question = False

    def __init__(self, app, puzzle_id: str, via: str | None = None):
        super().__init__(app, puzzle_id, via)
        self.path: list[int] = []       # the options chosen in the turns before this one
        self.later_lines: list[str] = []    # once the talk is over: what the group said after the choice

    @property
    def submit_label(self) -> str:
        # a later turn's lines are words said to the character; a first choice may be a deed
        # ("Ik spreek Kees aan"), so it keeps "Kies dit" (hele-team-leert, played at 1920x1080)
        return "ui.puzzle.say" if self.path else "ui.puzzle.choose"

    def picks_several(self) -> bool:
        return False  # a dilemma is one choice

    def current_turn(self):
        """The turn on screen after the first (None in the first turn)."""
        lines = self._lines_so_far()
        return lines[-1].then if lines else None

    def _lines_so_far(self) -> list:
        lines, options = [], self.puzzle.options
        for number in self.path:
            lines.append(options[number])
            options = lines[-1].then.options
        return lines

    def shown_options(self) -> tuple:
        turn = self.current_turn()
        return turn.options if turn is not None else self.puzzle.options

    def question_text(self) -> str:
        """In a later turn: what the group said, the character's reply, the feedback, the next question."""
        lines = self._lines_so_far()
        if not lines:
            return self.puzzle.question
        last, tr = lines[-1], self.app.tr
        exchange = tr("ui.puzzle.you_said", text=last.text)
        if last.reply:
            # written as the dilemma writes the reply after the last line (DilemmaPuzzle._spoken);
            # on the next line, as in a dialogue: the two lines belong together
            exchange += "\n" + (f"{self.puzzle.character}: '{last.reply}'" if self.puzzle.character
                                else f"'{last.reply}'")
        return "\n\n".join([exchange] + [text for text in (last.feedback, last.then.question) if text])

    def max_question_height(self, area: pygame.Rect) -> int:
        """A later turn reads the exchange, the feedback and the next question above its lines: all
        of the area when its lines still fit below (:meth:`build`), else half the area, not a third,
        or the question pages out of sight.  Measured at 1280x720: the area is 800 logical pixels
        high, a third 266; the short talk of tests/test_conversation_turns.py needs 264 already, so
        one more line of feedback hid the question on a second page."""
        if self._whole_question:
            return area.height
        return area.height // 2 if self.path else super().max_question_height(area)

    def build(self, area: pygame.Rect) -> list:
        """A later turn first tries its whole exchange above its lines: at half the area Samira's second
        turn paged at 1920x1080 with large text, over 130 px of empty screen (played by hand).  Its
        feedback room then holds at least two lines of small text (a refusal, "kies eerst")."""
        if self.solved is None and self.path:
            for compact in (0, 1):                 # the feedback's room: all it needs, then two small lines
                self._whole_question = True
                try:
                    widgets = self._build_at(area, compact)
                finally:
                    self._whole_question = False
                if self.answers_fit(widgets):
                    return widgets
        return super().build(area)

    def answer(self):
        return self.path + list(self.picked)

    def submit(self) -> None:
        """A line with a next turn goes on to that turn; the last line of the talk is the answer."""
        if self.solved is None and self.picked:
            option = self.shown_options()[self.picked[0]]
            if getattr(option, "then", None) is not None:
                self.path.append(self.picked[0])
                self.picked, self.feedback = [], None
                self.layout()
                self.focus.focus_key("opt:0")     # a new turn: start at its first line, like a new screen
                return
        super().submit()
        if self.solved is not None and len(self.path) > 0:
            # the heading is the choice the talk turned on (the ending follows it); the later lines go
            # in the text under it: the last line alone as heading lost what the group chose (played by hand)
            self.choice_text = self.puzzle.options[self.path[0]].text
            self.later_lines = [line.text for line in self.puzzle.path_lines(self.answer())[1:]]
            self.layout()

    def solved_body(self) -> str:
        said = [self.app.tr("ui.puzzle.then_said", line=line) for line in self.later_lines]
        return "\n\n".join(said + [super().solved_body()]).strip()

    def autoplay_answer(self, answer) -> list | None:
        """The path turn by turn: pick this turn's line and say it (Enter), as a person does."""
        step = len(self.path)
        if list(answer[:step]) != self.path or step >= len(answer):
            return self.go_back()              # another talk was planned: leave and start again
        return super().autoplay_answer([answer[step]])
