"""What every puzzle (lock) has in common, and the contract a kind fulfils.

A kind is one module in this package, listed in ``KINDS`` (``escapebox/puzzles/__init__.py``):
its model (a frozen dataclass, subclass of :class:`PuzzleBase` with a literal ``kind``),
``check`` (is this answer right, and what feedback fits), ``solution`` (the answer
the auto-player and the walkthrough give), ``describe_solution`` (for the trainer),
``lint`` (kind-specific checks for the validator), ``card_lines`` (what its printed
card shows), ``answer_texts`` (what a pack must not show readable) and ``secrets`` /
``sealed_entry`` (what a pack turns into slow salted hashes, see :class:`Seal`).  The rest of
Escapebox asks the kind through these and never switches on its name; CONTRIBUTING.md
says what adding a kind takes.  Answers travel as JSON values: text for
code/word/meta, lists of indices for choice, order, match and dilemma, ``[x, y]``
percentages for spot, item ids for combine.
"""

from __future__ import annotations

import copy
import random
from dataclasses import field
from typing import TYPE_CHECKING, Annotated, Any, Callable, ClassVar, Mapping, TypeVar

from escapebox.puzzles.matching import normalise
from escapebox.scenario.sources import Source
from escapebox.scenario.types import (
    Flag,
    Answers, Frozen, Id, ImagePath, ShortText, Text, TextList, between, field_names, length, part, ref, refs,
)


class _Record(Frozen):
    """A small immutable value the kinds build by position too (``Verdict(True, text)``).

    ``Frozen`` brings ``__init__``, equality, hashing and ``repr`` once: as ``@dataclass(frozen=True)``
    classes these four compiled their own methods before every start's first frame (3.7 ms of
    importing this module, docs/performance.md).
    """

    def __init__(self, *values, **named):
        names = field_names(type(self))  # type: ignore[arg-type]  # python/mypy#11470
        if len(values) > len(names):
            raise TypeError(f"{type(self).__qualname__}() takes {len(names)} values, {len(values)} given")
        for name, value in zip(names, values):
            if name in named:
                raise TypeError(f"{type(self).__qualname__}() got multiple values for {name!r}")
            named[name] = value
        super().__init__(**named)


@part
class Verdict(_Record):
    """The outcome of one attempt; ``option`` is the chosen dilemma option."""

    correct: bool
    feedback: str | None = None
    option: int | None = None


@part
class Finding(_Record):
    """A kind-specific lint result; the validator adds file and position."""

    code: str
    path: tuple = ()
    params: dict = field(default_factory=dict)
    warning: bool = False


@part
class Secrets(_Record):
    """What a kind keeps out of a pack, as *keys*: the texts its sealed ``check`` hashes.

    ``opens`` are the keys of every answer that opens the lock (each accepted variant);
    ``feedback`` maps the key of a wrong answer (a near miss, a wrong option) to what the
    group then reads; ``facts`` are what the kind's screen and card still need and show
    anyway (a code's number of digits, whether a choice has several right options).
    """

    opens: tuple[str, ...]
    feedback: Mapping[str, str] = field(default_factory=dict)
    facts: Mapping[str, Any] = field(default_factory=dict)


@part
class Seal(_Record):
    """A puzzle read from a pack without the trainer's password.

    ``digest`` is the pack's slow salted hash for this puzzle (``escapebox.pack.kdf``), or
    ``None`` for a kind that keeps nothing secret; ``opens`` and ``feedback`` are the
    digests of :class:`Secrets`.  Such a puzzle checks answers, but cannot tell them:
    :attr:`PuzzleBase.sealed` is true, and the rules, the console and the answer sheet
    say the answer is not available without the trainer's password.
    """

    digest: Callable[[str], str] | None = None
    opens: frozenset[str] = frozenset()
    feedback: Mapping[str, str] = field(default_factory=dict)
    facts: Mapping[str, Any] = field(default_factory=dict)

    def opens_with(self, key: str) -> bool:
        return self.digest is not None and self.digest(key) in self.opens

    def feedback_for(self, key: str) -> str | None:
        if self.digest is None or not self.feedback:
            return None
        return self.feedback.get(self.digest(key))

    def fact(self, name: str, kind: type, default: Any) -> Any:
        """A fact of the given type, or ``default`` (a pack may be damaged or made by someone else)."""
        value = self.facts.get(name)
        return value if isinstance(value, kind) and not (kind is int and isinstance(value, bool)) else default


_P = TypeVar("_P", bound="PuzzleBase")


@part
class PuzzleBase(Frozen):
    kind: str
    title: ShortText
    question: Text
    image: ImagePath | None = None
    image_alt: ShortText | None = None
    hints: TextList = ()
    goals: refs("goal") = ()
    needs: refs("clue", "item") = ()
    wrong_feedback: Text | None = None
    solved_text: Text | None = None
    reveals: refs("clue") = ()
    gives: refs("item") = ()
    leads_to: ref("room", "ending") | None = None
    result: ShortText | None = None
    minutes: Annotated[int, between(0, 120)] = 3
    #: For the trainer alone (escapebox/scenario/sources.py): the console, the report, the trainer sheet.
    sources: tuple[Source, ...] = ()
    trainer_notes: Text | None = None

    #: Whether any answer opens the lock (dilemmas): the answer is a choice, which the rules record
    #: (``DilemmaChosen``), the solver follows as a branch and the report compares between groups.
    #: Such a kind has ``options`` shaped like ``DilemmaOption`` (text, feedback, reflection,
    #: reveals, gives, leads_to): the rules, the solver and the report read them.
    always_opens: ClassVar[bool] = False
    #: Whether the kind's screen shows ``image`` (beside the question, or as the picture to click):
    #: the validator warns about a picture on a kind that would never show it.
    shows_image: ClassVar[bool] = False
    if TYPE_CHECKING:
        # Only kinds that answer with a choice have options (choice, dilemma); they are read
        # after asking the kind (``always_opens``, the answer's shape). Declared here for the
        # type checker alone, so the dataclass fields stay each kind's own.
        options: tuple[Any, ...]
    #: Set only for puzzles read from a pack without the trainer's password (:meth:`with_seal`).
    _seal: ClassVar[Seal | None] = None

    @property
    def sealed(self) -> bool:
        """Read from a pack without the trainer's password: it checks answers but does not know them."""
        return self._seal is not None

    def with_seal(self: _P, seal: Seal) -> _P:
        """A copy that checks answers through ``seal`` (the pack reader's, once, while it reads)."""
        twin = copy.copy(self)
        object.__setattr__(twin, "_seal", seal)  # frozen for the game; set once, before anyone sees it
        return twin

    def secrets(self) -> Secrets | None:
        """What a pack must hold only as slow hashes; ``None``: nothing (the kind's check stays plain)."""
        return None

    def sealed_entry(self, entry: dict) -> dict:
        """This puzzle's YAML mapping as a pack without the trainer's password holds it: without what
        :meth:`secrets` covers, yet still a valid puzzle of this kind (``entry`` is a copy to change)."""
        return entry

    #: Puzzle ids whose solving must come first (meta puzzles use their results).
    def prerequisite_puzzles(self) -> tuple[str, ...]:
        return ()

    def required_items(self) -> tuple[str, ...]:
        """Items the group must hold to answer; combine puzzles name theirs."""
        return ()

    def check(self, answer: Any) -> Verdict:
        raise NotImplementedError

    def solution(self) -> Any:
        raise NotImplementedError

    def solutions(self) -> list[Any]:
        """Every answer the auto-player should try; dilemmas have one per option."""
        return [self.solution()]

    def describe_solution(self) -> str:
        raise NotImplementedError

    def solution_words(self, tr) -> str:
        """The answer as the trainer reads it in the console and on the trainer sheet."""
        return self.describe_solution()

    def describe_answer(self, answer: Any) -> str:
        """What the group tried, in words, for the debrief and the report."""
        return str(answer)

    def lint(self) -> list[Finding]:
        return []

    def card_lines(self, tr, scenario_id: str, puzzle_id: str) -> list[str]:
        """What the printed card shows below the question (options, steps, boxes…), in ``tr``'s language.

        Nothing here may give the answer away: the card is for the group.  The ids
        seed :func:`shown_order`, so the card shows what the screen shows.
        """
        return []

    def answer_texts(self) -> tuple[str, ...]:
        """Texts that give the answer away (typed answers, right options): a pack must not hold them readable."""
        return ()

    def wrong(self, feedback: str | None = None) -> Verdict:
        return Verdict(False, feedback or self.wrong_feedback)


@part
class TextAnswerPuzzle(PuzzleBase):
    """Shared by kinds whose answer is typed: code, word and meta."""

    answer: Annotated[Answers, length(1)]
    near_misses: dict[str, Text] = field(default_factory=dict)
    case_sensitive: Flag = False
    accent_sensitive: Flag = False
    space_sensitive: Flag = False

    #: What a pack without the trainer's password holds as ``answer``: the model needs one; the seal checks.
    SEALED_ANSWER: ClassVar[str] = "-"
    #: Whether a space inside the answer counts (as one, however many were typed). A code's answer
    #: is digits only, so there a space can only be a separator: ``04 12`` is ``0412``.
    inner_spaces: ClassVar[bool] = True

    def secrets(self) -> Secrets:
        """Every accepted answer and near miss, in the form :meth:`check` compares (:meth:`normal`)."""
        opens = tuple(dict.fromkeys(self.normal(a) for a in self.answer))
        feedback = {self.normal(near): text for near, text in self.near_misses.items()}
        return Secrets(opens, feedback, self.sealed_facts())

    def sealed_facts(self) -> dict[str, Any]:
        return {}

    def sealed_entry(self, entry: dict) -> dict:
        entry.pop("near_misses", None)
        entry["answer"] = [self.SEALED_ANSWER]
        return entry

    def normal(self, text: str) -> str:
        """The one form typed and accepted answers are compared in, and hashed in a pack
        (``escapebox/puzzles/matching.py``; the rules with examples in docs/rules.md)."""
        return normalise(text, case_sensitive=self.case_sensitive,
                         accent_sensitive=self.accent_sensitive,
                         space_sensitive=self.space_sensitive, inner_spaces=self.inner_spaces)

    def check(self, answer: Any) -> Verdict:
        if not isinstance(answer, str):
            return self.wrong()
        typed = self.normal(answer)
        if self._seal is not None:
            return self._check_sealed(self._seal, typed)
        if any(typed == self.normal(a) for a in self.answer):
            return Verdict(True, self.solved_text)
        for near, feedback in self.near_misses.items():
            if typed == self.normal(near):
                return Verdict(False, feedback)
        return self.wrong()

    def _check_sealed(self, seal: Seal, typed: str) -> Verdict:
        """One slow hash per answer: the digest of an accepted answer opens, a near miss's gives its feedback."""
        if seal.digest is None:
            return self.wrong()
        digest = seal.digest(typed)
        if digest in seal.opens:
            return Verdict(True, self.solved_text)
        feedback = seal.feedback.get(digest)
        return Verdict(False, feedback) if feedback else self.wrong()

    def solution(self) -> str:
        return self.answer[0]

    def describe_solution(self) -> str:
        return " / ".join(self.answer)

    def describe_answer(self, answer: Any) -> str:
        return answer if isinstance(answer, str) else str(answer)

    def answer_texts(self) -> tuple[str, ...]:
        return tuple(self.answer) + tuple(self.near_misses)     # a near miss says where the answer is

    def lint(self) -> list[Finding]:
        findings = []
        accepted = {self.normal(a) for a in self.answer}
        for near in self.near_misses:
            if self.normal(near) in accepted:
                findings.append(Finding("validate.puzzle.near_miss_is_answer", ("near_misses", near), {"text": near}))
        return findings


def shown_order(count: int, *seed: str) -> list[int]:
    """The indices ``0 … count-1`` in the fixed order a group sees them: never the solved order itself.

    The one shuffle of Escapebox: the screens and the printed cards both call it with
    the same seed (scenario id, puzzle id and, for a second list, its name), so the
    printed steps are in the order of the screen and a resumed game looks the same.
    """
    order = list(range(count))
    random.Random(":".join(seed)).shuffle(order)
    if order == list(range(count)):
        order = order[1:] + order[:1]
    return order


def index_list(answer: Any) -> list[int] | None:
    """Accept a list of whole numbers (as sent by the screens and the auto-player)."""
    if not isinstance(answer, (list, tuple)):
        return None
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in answer):
        return None
    return list(answer)


__all__ = ["PuzzleBase", "TextAnswerPuzzle", "Seal", "Secrets", "Verdict", "Finding",
           "index_list", "shown_order", "Id"]
