"""Will this text be readable on a beamer at 1280×720 without scrolling?

We estimate without pygame (the checker must run anywhere): body text in
beamer mode is 1/28 of the screen height (about 26 px at 720 lines) and an
average Atkinson Hyperlegible character is about 0.52 em wide, so we can
word-wrap each text to its panel's width and count lines against the
panel's height.  Hints and feedback get a reading-time check instead: a
group reads roughly three words a second, and a hint should take at most
a few seconds.
"""

from __future__ import annotations

from escapebox.scenario.loader import LoadedScenario

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


def readability_problems(loaded: LoadedScenario) -> list[tuple[str, tuple, dict]]:
    scenario, found = loaded.scenario, []
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
