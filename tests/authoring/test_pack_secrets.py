"""What a pack keeps secret, tried the way an attacker would (issue #15) — and what it cannot.

1. Nothing readable: the raw pack bytes and every decompressed zip entry are searched for each
   typed answer, near miss, correct choice option, hint, solved text and piece of feedback,
   ignoring ASCII case.  Texts of one or two characters (an option "Ja") are skipped: every
   stretch of binary noise contains them by chance.  For the same reason a text shorter than
   NOISE_SAFE_CHARS bytes (a code "312") is searched only in the entries that are text
   (manifest.json, the decoded YAML), not in ciphertext or deflated bytes: a 3-byte needle turns
   up by chance in ~10 KB of random bytes about once in 1,600 packs, and it did in CI once
   (tutorial's near miss "312" in the raw pack, December 2026).  Five bytes make that chance
   about 10^-8 per needle.  The text entries hold random text too: the hex digests and salts
   (1,088 hex characters in voorbeeld-compleet's decoded scenario), where a 4-digit code turns up
   by chance in about one pack of 60 per code (kluisje's near miss "0309", CI, December 2026).  They are
   taken out (without_digests) before a text entry is searched: they are meant to be there.
2. The issue's attack: undo the obfuscation with the salt printed in manifest.json (15 lines of
   the standard library, as in the issue) and read the decoded scenario and solutions.bin.  The
   answers are not there, no option is marked correct, and the trainer's part is ciphertext.
3. The issue's second attack: the salted *fast* hashes of format 1, tried for every 4-digit code
   and every word of the scenario.  Nothing matches: every stored digest is scrypt with the
   manifest's cost, so each guess costs what one check in the game costs.  That one guess with
   the right key does match is checked too, so the test would notice a scheme that is merely
   different rather than slow.  What a guess costs in time is measured in docs/robustness.md,
   not here (timed unit tests are noise on a shared machine).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib

import pytest
import yaml

from escapebox.pack.writer import build_pack
from escapebox.puzzles.base import TextAnswerPuzzle
from escapebox.puzzles.choice import ChoicePuzzle
from escapebox.scenario.loader import load_scenario
from tests.authoring.helpers import PASSWORD, bundled_scenarios, make_starter, zip_entries

MIN_CHARS = 3
NOISE_SAFE_CHARS = 5


def is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


DIGEST = re.compile(rb"[0-9a-f]{32,}", re.IGNORECASE)


def without_digests(data: bytes) -> bytes:
    """A text entry without its salts and digests (32+ hex characters): random by design."""
    return DIGEST.sub(b" ", data)


def secrets_of(scenario) -> list[tuple[str, str, str]]:
    found = []
    for pid, puzzle in scenario.puzzles.items():
        if isinstance(puzzle, TextAnswerPuzzle):
            found += [(pid, "answer", a) for a in puzzle.answer]
            found += [(pid, "near miss", k) for k in puzzle.near_misses]
        if isinstance(puzzle, ChoicePuzzle):
            found += [(pid, "correct option", o.text) for o in puzzle.options if o.correct]
        found += [(pid, "hint", h) for h in puzzle.hints]
        found += [(pid, "solved_text", t) for t in (puzzle.solved_text,) if t]
        found += [(pid, "feedback", o.feedback) for o in getattr(puzzle, "options", ()) if o.feedback]
        found += [(pid, "near miss feedback", t) for t in getattr(puzzle, "near_misses", {}).values()]
    return [s for s in found if len(s[2].strip()) >= MIN_CHARS]


def assert_nothing_readable(loaded) -> None:
    pack = build_pack(loaded, password=PASSWORD)
    haystacks = {"raw pack": pack.data, **zip_entries(pack.data)}
    secrets = secrets_of(loaded.scenario)
    assert any(kind == "answer" for _p, kind, _t in secrets) or not loaded.scenario.puzzles
    for pid, kind, text in secrets:
        needle = text.strip().encode("utf-8")
        for where, data in haystacks.items():
            if len(needle) < NOISE_SAFE_CHARS:
                if not is_text(data):
                    continue
                data = without_digests(data)
            assert needle not in data and needle.lower() not in data.lower(), \
                f"{loaded.scenario.id}: {kind} of {pid!r} ({text!r}) readable in {where}"


@pytest.mark.parametrize("folder", bundled_scenarios(), ids=lambda p: p.name)
def test_bundled_scenario_pack_hides_answers(folder):
    assert_nothing_readable(load_scenario(folder))


def test_starter_pack_hides_answers(tmp_path):
    assert_nothing_readable(load_scenario(make_starter(tmp_path)))


def test_there_are_bundled_scenarios():
    assert bundled_scenarios(), "scenarios/ should hold at least one scenario"


# ----- the issue's attack, step by step --------------------------------------------------------------
def decode_like_the_issue(data: bytes) -> tuple[dict, dict[str, bytes]]:
    """Undo the obfuscation with the manifest's salt, as the issue did: what anyone can do."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    manifest = json.loads(archive.read("manifest.json"))
    salt = bytes.fromhex(manifest["obfuscation"]["salt"])
    decoded = {}
    for name in archive.namelist():
        if name == "manifest.json":
            continue
        blob = archive.read(name)
        stream = hashlib.shake_256(b"escapebox-pack-v1\0" + salt + b"\0" + name.encode()).digest(len(blob))
        plain = bytes(a ^ b for a, b in zip(blob, stream))
        decoded[name] = zlib.decompress(plain[1 + plain[0]:])
    return manifest, decoded


@pytest.fixture(scope="module")
def attacked():
    """voorbeeld-compleet has every kind: codes, words, a meta phrase, choices with one and several right options."""
    folder = next(p for p in bundled_scenarios() if p.name == "voorbeeld-compleet")
    loaded = load_scenario(folder)
    pack = build_pack(loaded, password=PASSWORD)
    manifest, decoded = decode_like_the_issue(pack.data)
    return loaded, manifest, decoded


def _own_text(data) -> str:
    """Every text of the scenario except its answers and near misses: what the game shows, so what a pack holds."""
    def strip(node):
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k not in ("answer", "near_misses")}
        return [strip(v) for v in node] if isinstance(node, list) else node
    return json.dumps(strip(data), ensure_ascii=False).lower()


def test_the_decoded_pack_holds_no_answer_but_what_the_scenario_itself_says(attacked):
    loaded, _manifest, decoded = attacked
    own = _own_text(loaded.document.data)
    typed = [(pid, kind, text) for pid, kind, text in secrets_of(loaded.scenario) if kind in ("answer", "near miss")]
    hidden = [(pid, text) for pid, _kind, text in typed if text.lower() not in own]
    assert len(hidden) >= 4, hidden
    for name, plain in decoded.items():
        plain = without_digests(plain) if is_text(plain) else plain
        for pid, text in hidden:
            assert text.lower().encode() not in plain.lower(), f"{pid}: {text!r} readable in decoded {name}"
    # what the scenario's own texts say (a clue, a hint) a pack shows, as the game does: the trainer is warned
    from escapebox.authoring.checks import all_problems
    warned = {p.params["answer"] for p in all_problems(loaded, for_pack=True) if p.code.startswith("validate.pack.")}
    in_text = {text for _pid, kind, text in typed if kind == "answer" and text.lower() in own}
    assert in_text and in_text <= warned


def test_no_option_is_marked_correct(attacked):
    loaded, _manifest, decoded = attacked
    document = yaml.safe_load(decoded["scenario.bin"])
    choices = [pid for pid, p in loaded.scenario.puzzles.items() if isinstance(p, ChoicePuzzle)]
    assert choices
    for pid in choices:
        entry = document["puzzles"][pid]
        assert {key for option in entry["options"] for key in option} == {"text"}, pid
        assert "answer" not in entry and "correct" not in json.dumps(entry["sealed"]["facts"])
    for pid, puzzle in loaded.scenario.puzzles.items():
        if isinstance(puzzle, TextAnswerPuzzle):
            entry = document["puzzles"][pid]
            assert entry["answer"] == [TextAnswerPuzzle.SEALED_ANSWER] and "near_misses" not in entry, pid


def test_the_trainers_part_is_ciphertext(attacked):
    loaded, manifest, decoded = attacked
    blob = decoded["solutions.bin"]
    assert manifest["trainer"]["cipher"] == "scrypt+aes-256-gcm"
    with pytest.raises(zlib.error):
        zlib.decompress(blob)
    with pytest.raises(zlib.error):
        zlib.decompress(blob[12:])
    assert b"answer" not in blob and loaded.raw[:40] not in blob


def test_fast_hashes_of_codes_and_the_scenarios_words_find_nothing(attacked):
    """The issue found a 4-digit code after a few hundred SHA-256 guesses and words in 0.07 s."""
    loaded, manifest, decoded = attacked
    document = yaml.safe_load(decoded["scenario.bin"])
    stored = {d for entry in document["puzzles"].values() if "sealed" in entry
              for d in [*entry["sealed"]["opens"], *entry["sealed"]["feedback"]]}
    assert stored
    words = set(re.findall(r"\w+", loaded.raw.decode("utf-8").lower()))
    phrases = {line.strip(" -'\"").lower() for line in loaded.raw.decode("utf-8").splitlines()}
    guesses = [f"{n:04d}" for n in range(10_000)] + sorted(words | phrases)
    salts = [f"{manifest['obfuscation']['salt']}:{pid}" for pid in document["puzzles"]] + \
            [f"{manifest['answers']['salt']}:{pid}" for pid in document["puzzles"]]
    for salt in salts:
        for guess in guesses:
            assert hashlib.sha256(f"{salt}\0{guess}".encode()).hexdigest() not in stored
    # …while one scrypt guess at the manifest's cost, with the right key, does match
    answers = manifest["answers"]
    code = loaded.scenario.puzzles["kluisje"]
    key = (b"escapebox-pack-2\0" + bytes.fromhex(answers["salt"]) + b"\0kluisje")
    digest = hashlib.scrypt(code.normal(code.answer[0]).encode(), salt=key, n=answers["n"], r=answers["r"],
                            p=answers["p"], maxmem=64 * 1024 * 1024, dklen=32).hex()
    assert digest in document["puzzles"]["kluisje"]["sealed"]["opens"]
    assert (answers["n"], answers["r"], answers["p"]) == (2 ** 14, 8, 1)
