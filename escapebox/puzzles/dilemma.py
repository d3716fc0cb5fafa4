"""``dilemma``: a practice dilemma where several answers are defensible.

Every option opens the lock; each leads to its own feedback and, where the
trainer wants, its own reflection prompt, clue or room.  The group's choice
is recorded for the debrief, where the real conversation happens.

A conversation (a dilemma with a ``character``) can go on for up to three
turns: an option's ``then`` is the next turn, the character's next question
and what the group can say to it, each line with the character's reply and
feedback, and each line can have its own ``then``.  The answer is then the
path, one option number per turn (``[1, 0]``: the second option, then the
first line of its next turn).  What the first choice changes (its ``id``,
``leads_to``, clues, items, reflection) is what the conversation changes;
the later turns are the talk itself, and the path goes into the debrief.
"""

from typing import Annotated, Any, ClassVar, Literal

from escapebox.puzzles.base import Finding, PuzzleBase, Verdict, index_list
from escapebox.scenario.types import Frozen, Id, ShortText, Text, length, part, ref, refs


@part
class LastLine(Frozen):
    """What the group can say in a conversation's third turn: the talk ends after it."""

    text: Text
    reply: Text | None = None
    feedback: Text | None = None


@part
class LastTurn(Frozen):
    #: what the character says or asks before the group chooses again (the previous reply may do)
    question: Text | None = None
    options: Annotated[tuple[LastLine, ...], length(2, 6)]


@part
class ConversationLine(Frozen):
    """What the group can say in a conversation's second turn; ``then`` is the third turn."""

    text: Text
    reply: Text | None = None
    feedback: Text | None = None
    then: LastTurn | None = None


@part
class ConversationTurn(Frozen):
    question: Text | None = None
    options: Annotated[tuple[ConversationLine, ...], length(2, 6)]


@part
class DilemmaOption(Frozen):
    text: Text
    #: Names the choice for what comes after it: ending ``variants``, ``after_choice`` texts, ``only_after``.
    id: Id | None = None
    #: What the dilemma's ``character`` answers to this choice, before the feedback: the talk goes on.
    reply: Text | None = None
    feedback: Text | None = None
    reflection: ref("reflection") | None = None
    reveals: refs("clue") = ()
    gives: refs("item") = ()
    leads_to: ref("room", "ending") | None = None
    #: The conversation goes on: the character's next question and what the group can say to it.
    then: ConversationTurn | None = None


def turn_after(option) -> ConversationTurn | LastTurn | None:
    return getattr(option, "then", None)


@part
class DilemmaPuzzle(PuzzleBase):
    kind: Literal["dilemma"]
    shows_image: ClassVar[bool] = True     # shown by the choice screen, beside the question
    options: Annotated[tuple[DilemmaOption, ...], length(2, 8)]
    #: Who the group is talking to (a conversation): each option's ``reply`` is said by this character.
    character: ShortText | None = None

    always_opens: ClassVar[bool] = True

    def check(self, answer: Any) -> Verdict:
        path = index_list(answer)
        lines = self.path_lines(path)
        if path is None or lines is None:
            return Verdict(False, None)
        last = lines[-1]
        return Verdict(True, self._spoken(last, last.feedback or self.solved_text), option=path[0])

    def path_lines(self, path: list[int] | None) -> list | None:
        """The option and the lines a path of option numbers says, one per turn; None unless the
        path is complete (it ends where the talk ends) and every number is there."""
        if not path:
            return None
        lines: list = []
        options: tuple | None = self.options
        for number in path:
            if options is None or not 0 <= number < len(options):
                return None
            lines.append(options[number])
            turn = turn_after(options[number])
            options = turn.options if turn is not None else None
        return lines if options is None else None

    def paths(self) -> list[list[int]]:
        """Every complete path through the conversation (for a plain dilemma: ``[0]``, ``[1]``, …)."""
        found: list[list[int]] = []

        def walk(options, prefix: list[int]) -> None:
            for number, option in enumerate(options):
                turn = turn_after(option)
                if turn is None:
                    found.append(prefix + [number])
                else:
                    walk(turn.options, prefix + [number])
        walk(self.options, [])
        return found

    def _spoken(self, option: DilemmaOption, feedback: str | None) -> str | None:
        """The character's reply first, in their words ("Samira: 'Dus Hanneke hoort het toch.'"), then the feedback."""
        if not option.reply:
            return feedback
        said = f"{self.character}: '{option.reply}'" if self.character else f"'{option.reply}'"
        return said + (f"\n\n{feedback}" if feedback else "")

    def solution(self) -> list[int]:
        return [0]

    def solutions(self) -> list[Any]:
        return self.paths()

    def describe_solution(self) -> str:
        return " | ".join(o.text for o in self.options)

    def card_lines(self, tr, scenario_id: str, puzzle_id: str) -> list[str]:
        """The options; a conversation's later turns under the option they follow, after the reply
        (on paper the group reads on to the next turn: "1.2. …" after option 1)."""
        lines: list[str] = []

        def walk(options, label: str, indent: str) -> None:
            for n, option in enumerate(options, 1):
                lines.append(f"{indent}{label}{n}. {option.text}")
                turn = turn_after(option)
                if turn is None:
                    continue
                said = [f"{self.character}: '{option.reply}'" if self.character else f"'{option.reply}'"] \
                    if option.reply else []
                lines.extend(f"{indent}   {text}" for text in said + ([turn.question] if turn.question else []))
                walk(turn.options, f"{label}{n}.", indent + "   ")
        walk(self.options, "", "")
        return lines

    def describe_answer(self, answer: Any) -> str:
        """The option, or for a conversation the path: "first » then » last".

        » and not an arrow: the bundled font has no → (drawn as a box in the console, played by hand).
        """
        chosen = index_list(answer) or []
        lines = self.path_lines(chosen)
        if lines is not None:
            return " » ".join(line.text for line in lines)
        return " + ".join(self.options[i].text for i in chosen if 0 <= i < len(self.options))

    def lint(self) -> list[Finding]:
        """Every line of the talk without feedback, at its own place (``options[1].then.options[0]``)."""
        findings = []

        def walk(options, where: tuple) -> None:
            for number, option in enumerate(options):
                if not option.feedback:
                    findings.append(Finding("validate.puzzle.dilemma_option_no_feedback", where + ("options", number),
                                            warning=True))
                turn = turn_after(option)
                if turn is not None:
                    walk(turn.options, where + ("options", number, "then"))
        walk(self.options, ())
        if self.solved_text and self._solved_text_never_shown():
            findings.append(Finding("validate.puzzle.dilemma_solved_text_unseen", ("solved_text",), warning=True))
        return findings

    def _solved_text_never_shown(self) -> bool:
        """check() shows solved_text only after a last line without feedback: with none, never."""
        last_lines = [lines[-1] for lines in map(self.path_lines, self.paths()) if lines]
        return all(line.feedback for line in last_lines)
