"""``dilemma``: a practice dilemma where several answers are defensible.

Every option opens the lock; each leads to its own feedback and, where the
trainer wants, its own reflection prompt, clue or room.  The group's choice
is recorded for the debrief, where the real conversation happens.
"""

from typing import Annotated, Any, ClassVar, Literal

from escapebox.puzzles.base import Finding, PuzzleBase, Verdict, index_list
from escapebox.scenario.types import Frozen, Id, ShortText, Text, length, part, ref, refs


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


@part
class DilemmaPuzzle(PuzzleBase):
    kind: Literal["dilemma"]
    shows_image: ClassVar[bool] = True     # shown by the choice screen, beside the question
    options: Annotated[tuple[DilemmaOption, ...], length(2, 8)]
    #: Who the group is talking to (a conversation): each option's ``reply`` is said by this character.
    character: ShortText | None = None

    always_opens: ClassVar[bool] = True

    def check(self, answer: Any) -> Verdict:
        chosen = index_list(answer)
        if not chosen or len(chosen) != 1 or not 0 <= chosen[0] < len(self.options):
            return Verdict(False, None)
        option = self.options[chosen[0]]
        return Verdict(True, self._spoken(option, option.feedback or self.solved_text), option=chosen[0])

    def _spoken(self, option: DilemmaOption, feedback: str | None) -> str | None:
        """The character's reply first, in their words ("Samira: 'Dus Hanneke hoort het toch.'"), then the feedback."""
        if not option.reply:
            return feedback
        said = f"{self.character}: '{option.reply}'" if self.character else f"'{option.reply}'"
        return said + (f"\n\n{feedback}" if feedback else "")

    def solution(self) -> list[int]:
        return [0]

    def solutions(self) -> list[Any]:
        return [[i] for i in range(len(self.options))]

    def describe_solution(self) -> str:
        return " | ".join(o.text for o in self.options)

    def card_lines(self, tr, scenario_id: str, puzzle_id: str) -> list[str]:
        return [f"{n}. {option.text}" for n, option in enumerate(self.options, 1)]

    def describe_answer(self, answer: Any) -> str:
        chosen = index_list(answer) or []
        return " + ".join(self.options[i].text for i in chosen if 0 <= i < len(self.options))

    def lint(self) -> list[Finding]:
        findings = []
        for number, option in enumerate(self.options):
            if not option.feedback:
                findings.append(Finding("validate.puzzle.dilemma_option_no_feedback", ("options", number), warning=True))
        return findings
