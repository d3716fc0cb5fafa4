"""Generate a large, valid scenario (default 500 rooms, 2,000 objects) for benchmarks.

The rooms form a corridor with side branches; every fourth room is behind a
code lock whose code is on a note in the room before it, so the solver and
the validator have real work to do.  With ``dilemmas=N`` the corridor also
holds N dilemmas of four options each (a notice board each dilemma opens), so
a walkthrough has 4**N paths; the first option of the first dilemma brings an
extra object into the last room (``only_after``), so the choices are not all
alike to the solver.  With ``distinct=True`` every option also hands the group a
note of its own, so no two paths leave the same game behind (the solver's worst
case: nothing to share).  Run: ``python benchmarks/generate.py OUT_FOLDER [ROOMS] [DILEMMAS]``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def scenario_text(rooms: int = 500, objects_per_room: int = 4, dilemmas: int = 0, distinct: bool = False) -> str:
    lines = [
        "format: 1", "id: groot", "title: Een heel groot scenario", "summary: Voor metingen.",
        "duration: 600", "players: 3-5", "goals:", "  zoeken: Informatie zoeken.",
        "timer: {minutes: 600, hint_penalty: 30}", "start: k0", "rooms:",
    ]
    for r in range(rooms):
        lines += [f"  k{r}:", f"    name: Kamer {r}", f"    text: Dit is kamer {r}. Kijk goed rond.", "    objects:"]
        for o in range(objects_per_room):
            oid = f"o{r}_{o}"
            extra = f", reveals: [c{r}]" if o == 0 else ""
            lines.append(f"      {oid}: {{name: Voorwerp {o}, text: 'Een voorwerp in kamer {r}.', icon: box{extra}}}")
        if r + 1 < rooms:
            lock = f", locked_by: p{r}" if r % 4 == 3 else ""
            lines += ["    exits:", f"      - {{to: k{r + 1}, label: Verder{lock}}}"]
    lines.append("clues:")
    for r in range(rooms):
        lines.append(f"  c{r}: {{title: Briefje {r}, text: 'De code is {r:04d}.'}}")
    for d in range(dilemmas if distinct else 0):
        lines += [f"  keus{d}_{o}: {{title: Keuze {d}.{o}, text: 'Jullie koos {o}.'}}" for o in range(4)]
    lines.append("puzzles:")
    for r in range(3, rooms - 1, 4):
        lines += [f"  p{r}:", "    kind: code", f"    title: Slot {r}", "    question: Welke code?",
                  f"    answer: '{r - 1:04d}'", "    hints: [Lees het briefje uit de vorige kamer.]",
                  "    goals: [zoeken]", f"    needs: [c{r - 1}]"]
    last = rooms - 1
    lines[lines.index(f"  k{last}:") + 3] = "    objects:"
    lines += ["  uitgang:", "    kind: word", "    title: Uitgang", "    question: Het wachtwoord?",
              "    answer: klaar", "    hints: [Het staat op de muur.]", f"    needs: [c{last}]", "    leads_to: einde"]
    lines += _dilemma_puzzles(dilemmas, distinct)
    lines.append("endings:\n  einde: {title: Klaar, text: Alles gezien.}")
    text = "\n".join(lines) + "\n"
    text = text.replace(f"      o{last}_1: {{", f"      o{last}_1: {{locked_by: uitgang, ", 1)
    return _place_dilemmas(text, rooms, dilemmas)


def _dilemma_puzzles(dilemmas: int, distinct: bool) -> list[str]:
    lines = []
    for d in range(dilemmas):
        lines += [f"  keuze{d}:", "    kind: dilemma", f"    title: Keuze {d}", "    question: Wat doen jullie?",
                  "    hints: [Kies wat bij jullie past.]",
                  "    options:"]
        for o in range(4):
            lines += [f"      - id: k{d}-{o}", f"        text: Mogelijkheid {o} bij keuze {d}.",
                      f"        feedback: Zo kan het ook ({o})."]
            lines += [f"        reveals: [keus{d}_{o}]"] if distinct else []
    return lines


def _place_dilemmas(text: str, rooms: int, dilemmas: int) -> str:
    """A notice board per dilemma, spread along the corridor, and the object the first choice brings."""
    for d in range(dilemmas):
        room = (d + 1) * rooms // (dilemmas + 1)
        board = f"      bord{d}: {{name: Prikbord {d}, text: 'Een keuze.', icon: box, locked_by: keuze{d}}}\n"
        text = text.replace(f"      o{room}_0: {{", board + f"      o{room}_0: {{", 1)
    if dilemmas:
        extra = "      extra: {name: Bedankje, text: 'Voor jullie keuze.', icon: box, only_after: k0-0}\n"
        text = text.replace(f"      o{rooms - 1}_0: {{", extra + f"      o{rooms - 1}_0: {{", 1)
    return text


def write(folder: Path, rooms: int = 500, dilemmas: int = 0, distinct: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "scenario.yaml"
    path.write_text(scenario_text(rooms, dilemmas=dilemmas, distinct=distinct), encoding="utf-8")
    return path


if __name__ == "__main__":
    numbers = [int(a) for a in sys.argv[2:4] if a.isdigit()]
    print(write(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/escapebox-groot"), *numbers,
                distinct="--distinct" in sys.argv))
