"""The picture a start drew first, shown by the next start before the game has loaded (issue #21).

A checked scenario's start spends about 45 ms of its 85 ms before the first frame on loading
Escapebox itself (the command line, the scenario model from the cache, the store, the fonts, the
intro's text: docs/performance.md); a bare pygame-ce window takes about 42 ms.  The intro a
start draws depends only on the scenario file, the settings, the flags and the window, so the
first frame of a start is kept (raw pixels, in the cache folder) under a key made of those, and
the next start with the same key shows it as soon as pygame has a window, *before* importing the
rest.  The game then loads as before and draws its own first frame over it.

What keeps this honest:

* The game's own first frame is compared with the one shown (:meth:`FirstFrame.settle`): if any
  pixel differs (a changed picture beside the file, a new Escapebox, a message), the file is
  rewritten, so a stale picture can only ever stand for the moment until the real frame, once.
* Input is not lost: SDL queues every key and click from the moment the window exists, and the
  game reads that queue when it is ready (``tests/ui/test_first_frame.py``).
* Only a plain ``escapebox play FILE`` with flags that change how the intro looks is eligible;
  ``--resume``, ``--autoplay``, ``--dev``, a festival, a console or a password start as before.
* Nothing a group typed is kept: only a first frame of screens that say so (``Screen.keeps_first_frame``:
  the intro, unless it offers to go on with a saved group's game) and without a message on it; else
  a picture kept before is removed (docs/reports.md lists the cache folder's contents).
* ``ESCAPEBOX_NO_CACHE=1`` turns it off, a damaged file counts as absent and is rewritten, a
  folder that cannot be written only costs the saving (logged), and at most :data:`KEEP` pictures
  are kept (about 2.7 MB each at 1280x720; windows above 1920x1080 are not kept: 25 MB a start).

The benchmark sees both moments: ``escapebox-first-frame`` when the kept picture is shown and
``escapebox-ready`` when the game drew its own (``benchmarks/run.py``, "start-up, ready").

Only the standard library is imported at module level: this runs before pygame is loaded.
"""

from __future__ import annotations

import json
import os
import sys
import time
import zlib
from pathlib import Path

FOLDER = "first-frames"
SUFFIX = ".frame"
KEEP = 12
MAX_PIXELS = 1920 * 1080
#: ``escapebox play`` flags that only change how the first screen looks: they become part of the key
PLAIN_SWITCHES = {"--beamer", "--fullscreen", "--high-contrast", "--reduced-motion", "--no-sound",
                  "--hide-timer", "--dyslexia", "--no-save"}
PLAIN_VALUES = {"--window", "--text-size", "--lang"}
#: the format of the file; a file of another version counts as absent
VERSION = 1


def start(argv: list[str]) -> FirstFrame | None:
    """Show the kept first frame of this start, if there is one; the slot the game settles later.

    None when this start is not eligible (another command, an option that changes the first screen
    in ways the key does not see, no cache).
    """
    if os.environ.get("ESCAPEBOX_NO_CACHE"):
        return None
    key = start_key(argv)
    if key is None:
        return None
    slot = FirstFrame(folder() / f"{key}{SUFFIX}")
    slot.show()
    return slot


def folder() -> Path:
    from escapebox import paths
    return paths.cache_dir() / FOLDER


def start_key(argv: list[str]) -> str | None:
    """A digest of everything that decides the intro's pixels, or None when the start is not plain."""
    scenario = _plain_play(argv)
    if scenario is None:
        return None
    from escapebox import __version__, paths
    parts = [VERSION, __version__, sys.version, str(Path(__file__).resolve().parent), argv,
             _stat(scenario), _stat(scenario.parent), _stat(paths.data_dir() / paths.SETTINGS_FILE),
             os.environ.get("SDL_VIDEODRIVER", "")]
    # not a secret, only a name: CRC-32 and the length (hashlib would load OpenSSL, 3-4 ms before the
    # window); two starts that collide only show a picture that the game's own frame then replaces
    text = json.dumps(parts, default=str).encode("utf-8")
    return f"{zlib.crc32(text):08x}{len(text):04x}"


def _plain_play(argv: list[str]) -> Path | None:
    """The scenario file of ``play FILE [plain flags]``, else None."""
    rest, positional = list(argv), []
    while rest:
        arg = rest.pop(0)
        name = arg.split("=", 1)[0]
        if name in PLAIN_SWITCHES:
            continue
        if name in PLAIN_VALUES:
            if "=" not in arg:
                if not rest:
                    return None
                rest.pop(0)
            continue
        if arg.startswith("-"):
            return None
        positional.append(arg)
    if len(positional) != 2 or positional[0] != "play":
        return None
    path = Path(positional[1])
    if path.is_dir():
        path = path / "scenario.yaml"
    return path.resolve() if path.is_file() else None


def _stat(path: Path) -> list:
    try:
        info = path.stat()
    except OSError:
        return [str(path)]
    return [str(path), info.st_size, info.st_mtime_ns]


class FirstFrame:
    """One start's kept first frame: shown early (:meth:`show`), checked against the real one (:meth:`settle`)."""

    def __init__(self, file: Path):
        self.file = file
        #: the pixels shown (RGB bytes) until :meth:`settle` compared them, None when nothing was shown
        self.shown: bytes | None = None
        #: whether a kept picture was shown (the first frame the group saw)
        self.was_shown = False
        #: the game's own first frame: (a copy of the window, caption, fullscreen), see :meth:`settle`
        self.drawn: tuple | None = None

    def show(self) -> bool:
        """Open the window and put the kept picture in it; False (and no window) when there is none."""
        header, pixels = self._read()
        if header is None:
            return False
        import pygame       # the window only: the game opens it again with the same mode
        pygame.display.init()
        pygame.display.set_caption(header["caption"])
        size = (header["width"], header["height"])
        try:
            window = (pygame.display.set_mode((0, 0), pygame.FULLSCREEN) if header["fullscreen"]
                      else pygame.display.set_mode(size, pygame.RESIZABLE))
            if window.get_size() != size:       # another screen than last time: the game draws as before
                return False
            window.blit(pygame.image.frombuffer(pixels, size, "RGB"), (0, 0))
        except (pygame.error, ValueError) as exc:
            _warn("kept first frame %s not shown: %s", self.file, exc)
            return False
        pygame.display.flip()
        self.shown, self.was_shown = pixels, True
        if os.environ.get("ESCAPEBOX_FIRST_FRAME_EXIT") == "1":      # benchmarks/run.py
            print(f"escapebox-first-frame {time.time():.6f}", flush=True)
        return True

    def _read(self) -> tuple[dict | None, bytes]:
        try:
            data = self.file.read_bytes()
            head, _, pixels = data.partition(b"\n")
            header = json.loads(head)
            if (not isinstance(header, dict) or header.get("version") != VERSION
                    or len(pixels) != header["width"] * header["height"] * 3
                    or not isinstance(header.get("caption"), str)):
                return None, b""
        except (OSError, ValueError, KeyError, TypeError):
            return None, b""      # absent or damaged: this start draws as before and keeps a new one
        return header, pixels

    def settle(self) -> None:
        """After the game's own first frame (:attr:`drawn`): keep it when it is not what was shown."""
        if self.drawn is None:
            return
        import pygame
        window, caption, fullscreen = self.drawn
        shown, self.drawn, self.shown = self.shown, None, None     # 6 MB at 1920x1080: not kept all game
        width, height = window.get_size()
        if width * height > MAX_PIXELS:
            return
        pixels = pygame.image.tobytes(window, "RGB")
        if pixels == shown:
            return
        header = {"version": VERSION, "width": width, "height": height, "fullscreen": fullscreen,
                  "caption": caption}
        self._write(json.dumps(header).encode("utf-8") + b"\n" + pixels)

    def forget(self) -> None:
        """This start's first frame is not one to keep: a picture kept before is not shown again."""
        try:
            self.file.unlink(missing_ok=True)
        except OSError as exc:
            _warn("could not remove the kept first frame %s: %s", self.file, exc)

    def _write(self, data: bytes) -> None:
        """Write beside and rename (a reader never sees half a file); a full disk only costs the saving."""
        part = self.file.with_name(self.file.name + f".{os.getpid()}.part")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            part.write_bytes(data)
            os.replace(part, self.file)
            _prune(self.file.parent)
        except OSError as exc:
            _warn("could not keep the first frame in %s: %s", self.file.parent, exc)
            try:
                part.unlink(missing_ok=True)
            except OSError:
                pass          # no folder to leave it in, or a full disk that never wrote it


def _warn(message: str, *args) -> None:
    import logging      # only when something went wrong: logging is 7 ms of imports before the window
    logging.getLogger(__name__).warning("Escapebox: " + message, *args)


def _prune(where: Path) -> None:
    """Keep the :data:`KEEP` most recently written pictures."""
    kept = sorted(where.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in kept[KEEP:]:
        old.unlink(missing_ok=True)
