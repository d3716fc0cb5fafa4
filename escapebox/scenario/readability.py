"""Will this text be readable on a beamer at 1280×720 without scrolling?

We estimate without pygame (the checker must run anywhere): body text in
beamer mode is 1/28 of the screen height (about 26 px at 720 lines) and an
average Atkinson Hyperlegible character is about 0.52 em wide, so we can
word-wrap each text to its panel's width and count lines against the
panel's height.  Hints and feedback get a reading-time check instead: a
group reads roughly three words a second, and a hint should take at most
a few seconds.

Text inside a picture (a clue's, an object's, an item's, a puzzle's) gets a size check
(:func:`picture_text_problems`): the letters of an SVG are measured in the drawing's own units (:mod:`escapebox.scenario.svgletters`)
and scaled to the picture shown full screen on a beamer.
"""

from __future__ import annotations

import math
from pathlib import Path

from escapebox.scenario.loader import LoadedScenario
from escapebox.scenario.mediacheck import MediaProblem, inspect_image
from escapebox.scenario.svgletters import Drawing, Letters, measure

SCREEN_HEIGHT = 720
FONT_PX = SCREEN_HEIGHT / 28
CHAR_PX = 0.52 * FONT_PX
LINE_PX = 1.35 * FONT_PX

# Panel sizes (width, height in px at 1280×720) used by the play screens.
PANELS = {
    "room": (1180, 260),
    "object": (1000, 420),
    "clue": (1000, 440),
    "question": (1180, 200),
    "reflection": (1100, 220),
    "ending": (1100, 470),
    "option": (1000, 90),
}
MAX_READING_WORDS = 30

#: A clue picture opens full screen (ui/screens/picture_view.py): on a 1920×1080 beamer it is
#: fitted, at zoom 1, into what its 24-px margins and 112-px button bar leave (1872×920); we
#: take about 1800×900, a little less, so a change of those margins does not flip the verdict.
CLUE_VIEW = (1800, 900)
#: The smallest letters (font size, px on that beamer) a group can be asked to read in a
#: picture: 33 px, the smallest text Escapebox itself draws with --beamer (the theme's "small"
#: role, 0.82 × 34 px, at the beamer's "large" text step, × 1.18), 1/33 of the screen height.
#: From the back of a room (6 image heights: the farthest seat for reading a projection in
#: the AV "4-6-8" rule), Atkinson's x-height (0.496 em) at 33 px subtends
#: 0.496 × 33 / 1080 / 6 rad = 8.7 arcmin: 1.7 times the 5-arcmin letter a normal (20/20)
#: eye just makes out, while reading a word needs about twice that (the "acuity reserve",
#: Whittaker & Lovie-Kitchin 1993).  Smaller text is guessed at, not read, from the back.
MIN_PICTURE_TEXT_PX = 33


def lines_needed(text: str, width_px: float) -> int:
    per_line = max(10, int(width_px / CHAR_PX))
    lines = 0
    for paragraph in text.splitlines() or [""]:
        length, count = 0, 1
        for word in paragraph.split():
            if length and length + 1 + len(word) > per_line:
                count += 1
                length = len(word)
            else:
                length += len(word) + (1 if length else 0)
        lines += count
    return lines


def fits(text: str, panel: str) -> tuple[bool, int, int]:
    width, height = PANELS[panel]
    room = int(height // LINE_PX)
    needed = lines_needed(text, width)
    return needed <= room, needed, room


def _texts(scenario):
    for rid, room in scenario.rooms.items():
        yield ("rooms", rid, "text"), room.text, "room"
        for oid, obj in room.objects.items():
            yield ("rooms", rid, "objects", oid, "text"), obj.text, "object"
            if obj.hidden_text:
                yield ("rooms", rid, "objects", oid, "hidden_text"), obj.hidden_text, "object"
    for cid, clue in scenario.clues.items():
        yield ("clues", cid, "text"), clue.text, "clue"
    for pid, puzzle in scenario.puzzles.items():
        yield ("puzzles", pid, "question"), puzzle.question, "question"
        for number, option in enumerate(getattr(puzzle, "options", ())):
            yield ("puzzles", pid, "options", number, "text"), option.text, "option"
    for rid, reflection in scenario.reflections.items():
        yield ("reflections", rid, "prompt"), reflection.prompt, "reflection"
    for eid, ending in scenario.endings.items():
        yield ("endings", eid, "text"), ending.text, "ending"


def _short_texts(scenario):
    for pid, puzzle in scenario.puzzles.items():
        for number, hint in enumerate(puzzle.hints):
            yield ("puzzles", pid, "hints", number), hint
        for key, text in getattr(puzzle, "near_misses", {}).items():
            yield ("puzzles", pid, "near_misses", key), text
        if puzzle.wrong_feedback:
            yield ("puzzles", pid, "wrong_feedback"), puzzle.wrong_feedback
        for number, option in enumerate(getattr(puzzle, "options", ())):
            if getattr(option, "feedback", None) and not puzzle.always_opens:
                yield ("puzzles", pid, "options", number, "feedback"), option.feedback


def _images(scenario):
    for rid, room in scenario.rooms.items():
        yield ("rooms", rid), room
        for oid, obj in room.objects.items():
            yield ("rooms", rid, "objects", oid), obj
    for group in ("clues", "items", "puzzles", "endings"):
        for ident, part in getattr(scenario, group).items():
            yield (group, ident), part


def picture_text_problems(loaded: LoadedScenario) -> list[tuple[str, tuple, dict]]:
    """One warning for each SVG picture with text too small for the back of a room.

    Every picture a group reads is checked, not only the clues': an object's or an item's picture
    opens full screen just like a clue's, and a puzzle's (a spot puzzle's chat) is read to answer
    it.  A drawing used in several places is named once, where it is first used.
    """
    found, seen = [], set()
    for path, part in _images(loaded.scenario):
        image = getattr(part, "image", None)
        if not image or image in seen:
            continue
        seen.add(image)
        drawing = _drawing(loaded.folder, image)
        small = _too_small(drawing) if drawing else []
        if small and drawing is not None:
            found.append(("validate.svg_small_text", path + ("image",), _small_text_params(image, drawing, small)))
    return found


def beamer_scale(drawing: Drawing) -> float:
    """Screen pixels per unit of the drawing, fitted into :data:`CLUE_VIEW` (keeping its shape)."""
    return min(CLUE_VIEW[0] / drawing.width, CLUE_VIEW[1] / drawing.height)


def _drawing(folder: Path, image: str) -> Drawing | None:
    """The SVG's letters; ``None`` for another kind of picture, or a file the validator refuses."""
    if not image.lower().endswith(".svg"):
        return None
    base = folder.resolve()
    file = (folder / image).resolve()
    if base not in file.parents:
        return None                   # validate.asset_outside says so; never read it
    try:
        inspect_image(file)           # size limits and entity bombs first, as for every picture
        return measure(file.read_bytes())
    except (MediaProblem, OSError):
        return None                   # validate.bad_media / missing_asset say so


def _too_small(drawing: Drawing) -> list[Letters]:
    scale = beamer_scale(drawing)
    return sorted((run for run in drawing.letters if run.size * scale < MIN_PICTURE_TEXT_PX),
                  key=lambda run: run.size)


def _small_text_params(image: str, drawing: Drawing, small: list[Letters]) -> dict:
    smallest, scale = small[0], beamer_scale(drawing)
    where = f"'{smallest.text}'" if smallest.text else f"@validate.svg_text_at|{smallest.x:.0f}, {smallest.y:.0f}"
    return {"file": image, "count": len(small), "text": where, "px": math.floor(smallest.size * scale),
            "minimum": MIN_PICTURE_TEXT_PX, "units": math.ceil(MIN_PICTURE_TEXT_PX / scale / smallest.grow)}


def readability_problems(loaded: LoadedScenario) -> list[tuple[str, tuple, dict]]:
    scenario, found = loaded.scenario, picture_text_problems(loaded)
    for path, text, panel in _texts(scenario):
        ok, needed, room = fits(text, panel)
        if not ok:
            found.append(("validate.text_too_long_for_beamer", path, {"lines": needed, "room": room}))
    for path, text in _short_texts(scenario):
        words = len(text.split())
        if words > MAX_READING_WORDS:
            found.append(("validate.too_long_to_read", path, {"words": words, "limit": MAX_READING_WORDS}))
    for path, part in _images(scenario):
        if getattr(part, "image", None) and not getattr(part, "image_alt", None):
            found.append(("validate.image_no_alt", path + ("image",), {}))
    return found
