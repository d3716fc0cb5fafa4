"""How many pixels one room makes the game decode, all its pictures together.

Each picture is checked on its own (``mediacheck``: at most 4096×4096), but a
room with forty of them would still ask for 2.7 GB.  While the group is in a
room, the game may show the room's picture, its objects' pictures, the
pictures of the puzzles tried there, and every clue and item picture (the
clue book and the inventory open in any room).  Those add up per room, each
file once, in that order; a picture that would take the room over
:data:`ROOM_PIXELS` does not fit.  The validator reports it, and the game
(``ui/images.py``) refuses to decode it: the room then shows the object's
text instead.  Ending pictures are shown after the last room, on their own.

An SVG counts as the size the game first draws it at (``mediacheck.SVG_PROBE``);
after that it is drawn at the size it is shown, which the screen bounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from escapebox.scenario.loader import LoadedScenario
from escapebox.scenario.types import AssetPath
from escapebox.scenario.walk import walked

#: 64 million pixels: 256 MB once decoded (4 bytes a pixel), three pictures of the largest
#: size (4096×4096) or thirty of 1920×1080.  Decoding that many takes about 4 s on a laptop.
ROOM_PIXELS = 64_000_000
#: above this a room takes about a second to open; the validator says so (a warning)
ROOM_PIXELS_WARN = 16_000_000

_SHARED = ("clues", "items")         # shown in every room
_ON_THEIR_OWN = ("endings",)         # shown after the last room


@dataclass(frozen=True)
class RoomPictures:
    room: str
    #: every picture the group can see in this room: (YAML path, file), in counting order
    pictures: tuple[tuple[tuple, str], ...]
    #: all of them together, each file once (also those that do not fit)
    pixels: int
    #: the files that would take the room over the budget: not decoded in this room
    refused: tuple[str, ...]


def room_pictures(loaded: LoadedScenario) -> dict[str, list[tuple[tuple, str]]]:
    """For each room, the pictures the group can see while in it (YAML path, file)."""
    scenario = loaded.scenario
    rooms = list(scenario.rooms)
    own: dict[str, list] = {room: [] for room in rooms}
    puzzles: dict[str, list] = {room: [] for room in rooms}
    shared: list = []
    for path, marker, value in walked(scenario):
        if not isinstance(marker, AssetPath) or marker.kind != "image":
            continue
        top = path[0]
        if top == "rooms" and len(path) > 1 and path[1] in own:
            own[path[1]].append((path, value))
        elif top == "puzzles" and len(path) > 1:
            for room in loaded.index.puzzle_rooms.get(path[1]) or rooms:
                puzzles[room].append((path, value))
        elif top in _ON_THEIR_OWN:
            continue
        else:                                   # clues, items, and anything new: in every room
            shared.append((path, value))
    return {room: own[room] + puzzles[room] + shared for room in rooms}


def budget(loaded: LoadedScenario, pixels: Callable[[str], int | None]) -> list[RoomPictures]:
    """Add up each room; ``pixels(file)`` says what one file costs (None: refused for another reason)."""
    result = []
    for room, pictures in room_pictures(loaded).items():
        counted: set[str] = set()
        total = kept = 0
        refused = []
        for _, file in pictures:
            if file in counted:
                continue
            counted.add(file)
            cost = pixels(file)
            if cost is None:
                continue
            total += cost
            if kept + cost > ROOM_PIXELS:
                refused.append(file)
            else:
                kept += cost
        result.append(RoomPictures(room, tuple(pictures), total, tuple(refused)))
    return result


def millions(pixels: int) -> str:
    """Whole millions, rounded up (messages only speak of rooms above 16 million)."""
    return str(-(-pixels // 1_000_000))
