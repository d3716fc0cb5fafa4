"""Generate a large, valid scenario (default 500 rooms, 2,000 objects) for benchmarks.

The rooms form a corridor with side branches; every fourth room is behind a
code lock whose code is on a note in the room before it, so the solver and
the validator have real work to do.  Run: ``python benchmarks/generate.py OUT_FOLDER``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def scenario_text(rooms: int = 500, objects_per_room: int = 4) -> str:
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
    lines.append("puzzles:")
    for r in range(3, rooms - 1, 4):
        lines += [f"  p{r}:", "    kind: code", f"    title: Slot {r}", "    question: Welke code?",
                  f"    answer: '{r - 1:04d}'", "    hints: [Lees het briefje uit de vorige kamer.]",
                  "    goals: [zoeken]", f"    needs: [c{r - 1}]"]
    last = rooms - 1
    lines[lines.index(f"  k{last}:") + 3] = "    objects:"
    lines += ["  uitgang:", "    kind: word", "    title: Uitgang", "    question: Het wachtwoord?",
              "    answer: klaar", "    hints: [Het staat op de muur.]", f"    needs: [c{last}]", "    leads_to: einde"]
    lines.append("endings:\n  einde: {title: Klaar, text: Alles gezien.}")
    text = "\n".join(lines) + "\n"
    return text.replace(f"      o{last}_1: {{", f"      o{last}_1: {{locked_by: uitgang, ", 1)


def write(folder: Path, rooms: int = 500) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "scenario.yaml"
    path.write_text(scenario_text(rooms), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/escapebox-groot")))
