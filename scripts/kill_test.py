"""Kill the game with SIGKILL at random instants; every confirmed action must survive.

Two modes.

``python scripts/kill_test.py [ROUNDS]`` (default 200): a child process plays
the all-mechanics fixture with random commands through ``GameSession.apply``
and the SQLite store, printing how many events were confirmed after each
command returns.  The parent kills it within a second of the first action,
reopens the store, resumes the session, and checks that every confirmed
event is there and replays cleanly.

``python scripts/kill_test.py --game [ROUNDS]`` (default 40): the real game.
The child opens the App (SDL's dummy drivers) on a data folder that holds a
save of format 1, so opening it migrates; it starts games through the
launcher, plays random commands through the game bridge and its screens,
and types reflections one key at a time from a second thread (0.01–0.3 s
apart) while the real loop sleeps and wakes as it does for a group.  It
prints the content of what it confirmed (a digest of every event) and each
key it typed.  The parent kills it at a random moment in its first
``--seconds`` (session creation, the migration, checkpoints and typing
included), then compares content, not counts: the stored events of every
session start with exactly the confirmed ones, every session resumes by the
rules, the migrated session is intact, and the stored draft of the
reflection being typed is a prefix of the typed text that holds every key
typed more than ``--bound`` seconds before the kill (default 0.5).  It
prints the largest loss seen (characters, and their age at the kill).

Prints one line per failure and a summary; exits 1 when any round lost data.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = r"""
import random, sys
sys.path.insert(0, {root!r})
from escapebox.core import commands as C
from escapebox.core.clock import MonotonicClock
from escapebox.core.session import GameSession
from escapebox.core.store import SessionStore
from escapebox.scenario.loader import load_scenario
loaded = load_scenario({fixture!r})
store = SessionStore({data!r})
session = GameSession.start(loaded, MonotonicClock(), store=store, group="Kill")
print("SESSION", session.session_id, flush=True)
s = loaded.scenario
rng = random.Random({seed})
objects = [o for r in s.rooms.values() for o in r.objects]
while True:
    pick = rng.randrange(6)
    if pick == 0: cmd = C.Inspect(rng.choice(objects))
    elif pick == 1: cmd = C.EnterRoom(rng.choice(list(s.rooms)))
    elif pick == 2: cmd = C.TryAnswer(rng.choice(list(s.puzzles)), rng.choice(["0412", "zorg", "x", "4z"]))
    elif pick == 3: cmd = C.TakeHint(rng.choice(list(s.puzzles)))
    elif pick == 4 and session.current_reflection():
        cmd = C.AnswerReflection(session.current_reflection(), "antwoord %d" % rng.randrange(1000))
    else: cmd = C.TakeItem(rng.choice(list(s.items)))
    session.apply(cmd)
    if session.state.ended:
        session = GameSession.start(loaded, MonotonicClock(), store=store, group="Kill")
        print("SESSION", session.session_id, flush=True)
    print("CONFIRMED", session.session_id, len(session.state.events), flush=True)
"""


def one_round(seed: int) -> str | None:
    from escapebox.core.clock import ManualClock
    from escapebox.core.resume import resume_session
    from escapebox.core.store import SessionStore
    from escapebox.scenario.loader import load_scenario

    data = tempfile.mkdtemp(prefix="escapebox-kill-")
    fixture = str(ROOT / "tests" / "fixtures" / "alles")
    code = CHILD.format(root=str(ROOT), fixture=fixture, data=data, seed=seed)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    first = ""
    while not first.rstrip("\n").split("\n")[-1].startswith("CONFIRMED"):  # wait until play has begun
        line = child.stdout.readline()
        if not line:
            break
        first += line
    time.sleep(random.Random(seed).uniform(0.0, 1.0))
    child.send_signal(signal.SIGKILL)
    output, _ = child.communicate()
    output = first + output
    confirmed: dict[str, int] = {}
    for line in output.split("\n")[:-1]:  # the last piece may be cut off by the kill
        parts = line.split()
        if parts and parts[0] == "CONFIRMED":
            confirmed[parts[1]] = int(parts[2])
    store = SessionStore(data)
    loaded = load_scenario(fixture)
    for session_id, count in confirmed.items():
        stored = store.events(session_id)
        if len(stored) < count:
            return f"seed {seed}: session {session_id} has {len(stored)} events, {count} were confirmed"
        session, _ = resume_session(loaded, store, session_id, ManualClock())
        if len(session.state.events) != len(stored):
            return f"seed {seed}: resume of {session_id} replayed {len(session.state.events)} of {len(stored)}"
    store.close()
    return None if confirmed else f"seed {seed}: the child confirmed nothing before it was killed"


GAME = r"""
import hashlib, json, os, random, sys, threading, time
os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
sys.path.insert(0, {root!r})
from pathlib import Path
import pygame
from escapebox.core import commands as C
from escapebox.scenario.loader import load_scenario
from escapebox.ui.main import PlayOptions, build_app
from escapebox.ui.screens.reflection import ReflectionScreen

def say(*parts):
    print(*parts, flush=True)

def digest(events):
    return hashlib.sha256(json.dumps([e.to_dict() for e in events], ensure_ascii=False, sort_keys=True,
                                     default=list).encode()).hexdigest()

rng = random.Random({seed})
loaded = load_scenario({fixture!r})
app = build_app(PlayOptions(loaded=loaded, window=(800, 600), sound=False, fast=True, data_dir=Path({data!r})))
launcher = app.services.launcher
say("OPENED")
s = loaded.scenario
objects = [o for r in s.rooms.values() for o in r.objects]

def new_game():
    launcher.start(loaded, "Kill %d" % rng.randrange(100))
    confirmed()

def confirmed():
    session = app.game.session
    if not session.unsaved:
        say("CONFIRMED", session.session_id, len(session.state.events), digest(session.state.events))

typer = {{"busy": False}}

def type_text(session_id, reflection, count):
    text = ""
    for _ in range(count):
        time.sleep(rng.uniform(0.01, 0.3))
        char = rng.choice("abcdefghij klmnopéë")
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
        text += char
        say("TYPED", session_id, reflection, time.monotonic(), json.dumps(text))
    typer["busy"] = False

new_game()
while True:
    game = app.game
    top = app.stack.top
    if isinstance(top, ReflectionScreen) and top.kind in ("text", "discuss"):
        if not typer["busy"] and not top.text:
            top.focus.focus_key("answer")          # a discussion's notes are not focused at first
            typer["busy"] = True
            threading.Thread(target=type_text, args=(game.session.session_id, top.reflection_id,
                                                     rng.randrange(5, 40)), daemon=True).start()
        app.frame(block=True)                       # the real loop: sleeps until a key or a wake-up
        if not typer["busy"] and top.text and app.stack.top is top:
            app.frame(block=False)
            top.confirm()
            confirmed()
        continue
    pick = rng.randrange(8)
    reflection = game.session.current_reflection()
    if pick == 0: cmd = C.Inspect(rng.choice(objects))
    elif pick == 1: cmd = C.EnterRoom(rng.choice(list(s.rooms)))
    elif pick == 2: cmd = C.TryAnswer(rng.choice(list(s.puzzles)), rng.choice(["0412", "zorg", "x", "4z", "7", [0, 2], [1]]))
    elif pick == 3: cmd = C.TakeHint(rng.choice(list(s.puzzles)))
    elif pick == 4 and reflection: cmd = C.AnswerReflection(reflection, "3")
    elif pick == 5: cmd = C.TakeItem(rng.choice(list(s.items)))
    elif pick == 6: cmd = C.JumpToRoom(rng.choice(list(s.rooms)))
    else: cmd = C.SkipPuzzle(rng.choice(list(s.puzzles)))
    game.apply(cmd)
    game.route()
    confirmed()
    app.frame(block=False)
    time.sleep(rng.uniform(0.0, 0.05))
    if game.session.state.ended and not game.session.state.pending:
        launcher.leave_game()
        new_game()
"""


def one_game_round(seed: int, seconds: float, bound: float) -> tuple[str | None, tuple[int, float]]:
    """One kill of the real game; (failure or None, (characters lost, age of the oldest lost key))."""
    from escapebox.core.clock import ManualClock
    from escapebox.core.resume import resume_session
    from escapebox.core.store import SessionStore
    from escapebox.scenario.loader import load_scenario

    data = Path(tempfile.mkdtemp(prefix="escapebox-kill-game-"))
    shutil.copy(ROOT / "tests" / "fixtures" / "saves" / "v1.sqlite3", data / "sessions.sqlite3")
    fixture = str(ROOT / "tests" / "fixtures" / "alles")
    code = GAME.format(root=str(ROOT), fixture=fixture, data=str(data), seed=seed)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    time.sleep(random.Random(seed).uniform(0.0, seconds))
    killed_at = time.monotonic()
    child.send_signal(signal.SIGKILL)
    output, errors = child.communicate()
    lines = output.split("\n")[:-1]          # the last piece may be cut off by the kill
    if child.returncode != -signal.SIGKILL:
        return f"seed {seed}: the game stopped by itself ({child.returncode}): {errors[-500:]}", (0, 0.0)
    confirmed: dict[str, tuple[int, str]] = {}
    typed: dict[tuple[str, str], list[tuple[float, str]]] = {}
    for line in lines:
        parts = line.split(" ", 4)
        if parts[0] == "CONFIRMED":
            confirmed[parts[1]] = (int(parts[2]), parts[3])
        elif parts[0] == "TYPED":
            typed.setdefault((parts[1], parts[2]), []).append((float(parts[3]), json.loads(parts[4])))
    store = SessionStore(data)                 # a migration cut off by the kill is finished here
    loaded = load_scenario(fixture)
    try:
        old, _ = resume_session(loaded, store, "versie1sessie", ManualClock())
        if old.state.group != "Groep van versie 1" or old.draft("binnen") != "half getypt in versie 1":
            return f"seed {seed}: the migrated session changed", (0, 0.0)
        for session_id, (count, expected) in confirmed.items():
            stored = store.events(session_id)
            if _digest(stored[:count]) != expected:
                return f"seed {seed}: session {session_id}: the stored events differ from the {count} confirmed", (0, 0.0)
            resume_session(loaded, store, session_id, ManualClock())   # by the rules
        worst = (0, 0.0)
        typing = False
        for (session_id, reflection), keys in typed.items():
            answered = any(e.type == "ReflectionAnswered" and getattr(e, "reflection", "") == reflection
                           for e in store.events(session_id)) if session_id in confirmed else False
            if answered:
                continue                           # its text is in the log, compared above
            draft = store.draft(session_id, reflection) or ""
            text = keys[-1][1]
            typing = True
            if not text.startswith(draft):
                return f"seed {seed}: draft {draft!r} is not what was typed ({text!r})", (0, 0.0)
            lost = [(at, t) for at, t in keys if len(t) > len(draft)]
            if lost:
                age = killed_at - lost[0][0]
                worst = max(worst, (len(text) - len(draft), age), key=lambda w: w[1])
                if age > bound:
                    return (f"seed {seed}: {len(text) - len(draft)} typed characters lost, the first typed "
                            f"{age:.2f} s before the kill (draft {draft!r}, typed {text!r})"), worst
        KILLED_WHILE_TYPING.append(typing)
        return (None if confirmed else f"seed {seed}: killed before the first game started"), worst
    finally:
        store.close()
        shutil.rmtree(data, ignore_errors=True)


KILLED_WHILE_TYPING: list[bool] = []


def _digest(events) -> str:
    return hashlib.sha256(json.dumps([e.to_dict() for e in events], ensure_ascii=False, sort_keys=True,
                                     default=list).encode()).hexdigest()


def game_mode(rounds: int, seconds: float, bound: float) -> int:
    failures, worst, early = [], (0, 0.0), 0
    for seed in range(rounds):
        failure, lost = one_game_round(seed, seconds, bound)
        if failure and "before the first game" in failure:
            early += 1                             # killed while starting: the migration was checked
        elif failure:
            failures.append(failure)
        worst = max(worst, lost, key=lambda w: w[1])
    for failure in failures:
        print(failure)
    print(f"kill test (real game): {rounds - len(failures)} passed ({early} killed before the first game, "
          f"{sum(KILLED_WHILE_TYPING)} while a reflection was being typed), "
          f"{len(failures)} failed; largest loss of typing: {worst[0]} characters, typed {worst[1]:.2f} s "
          f"before the kill (bound {bound} s)")
    return 1 if failures else 0


def main() -> int:
    args = sys.argv[1:]
    if args and args[0] == "--game":
        options = {"--seconds": 8.0, "--bound": 0.5}
        rest = []
        items = iter(args[1:])
        for arg in items:
            if arg in options:
                options[arg] = float(next(items))
            else:
                rest.append(arg)
        return game_mode(int(rest[0]) if rest else 40, options["--seconds"], options["--bound"])
    rounds = int(args[0]) if args else 200
    failures = [f for f in (one_round(seed) for seed in range(rounds)) if f]
    for failure in failures:
        print(failure)
    print(f"kill test: {rounds - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
