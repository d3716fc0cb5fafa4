"""A long fuzz run over the scenario loader and the pack reader: only EscapeboxError may escape.

    python scripts/fuzz.py --minutes 10            # the figures in docs/robustness.md
    python scripts/fuzz.py --minutes 1 --seed 7    # re-run one seed

tests/test_loader.py runs a few hundred Hypothesis examples on every commit;
this script runs the same idea for minutes, with inputs that start from the
real bundled scenarios and a real pack (so the fuzzer gets past the first
syntax check and reaches the validator and the pack's manifest, entries and
answer hashes).  Any other exception is a bug: it is printed with the input
that caused it (saved under --out) and the exit code is 1.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from escapebox.problems import EscapeboxError
from escapebox.scenario.loader import load_scenario, load_scenario_text

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = sorted(p for p in (ROOT / "scenarios").iterdir() if p.is_dir())


def seeds_for_loader() -> list[bytes]:
    files = []
    for folder in SCENARIOS:
        files.extend(sorted(folder.glob("*.yaml"))[:1])
    return [f.read_bytes() for f in files]


def seed_pack() -> bytes:
    """A real pack of the smallest bundled scenario, built in memory."""
    from escapebox.pack.writer import build_pack
    return build_pack(load_scenario(ROOT / "scenarios" / "minimaal"), salt=b"\x01" * 16).data


def mutate(data: bytes, rnd: random.Random, rounds: int) -> bytes:
    """Byte flips, cuts, duplications and YAML-flavoured insertions."""
    buf = bytearray(data)
    tokens = [b"&a ", b"*a", b"!!python/object ", b"<<: ", b"\x00", b"\xff\xfe", b"[", b"{", b"'", b'"',
              b"\n  - ", b": ", b"---\n", b"\t", "\u202e".encode(), "🙂".encode(), b"99999999999999999999"]
    for _ in range(rounds):
        if not buf:
            buf.extend(rnd.choice(tokens))
            continue
        at = rnd.randrange(len(buf))
        op = rnd.randrange(5)
        if op == 0:
            buf[at] = rnd.randrange(256)
        elif op == 1:
            del buf[at:at + rnd.randrange(1, 64)]
        elif op == 2:
            buf[at:at] = rnd.choice(tokens)
        elif op == 3:
            end = min(len(buf), at + rnd.randrange(1, 200))
            buf[at:at] = buf[at:end]
        else:
            del buf[at:]
    return bytes(buf)


def rezip(pack: bytes, rnd: random.Random, rounds: int) -> bytes:
    """Keep the zip valid but damage one entry (manifest, scenario, answers or an asset)."""
    with zipfile.ZipFile(io.BytesIO(pack)) as zf:
        entries = {info.filename: zf.read(info) for info in zf.infolist()}
    name = rnd.choice(sorted(entries))
    entries[name] = mutate(entries[name], rnd, rounds)
    if rnd.random() < 0.1:
        entries[rnd.choice(["../evil", "/abs", "a/../../b", "assets/" + "x" * 300])] = b"x"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for entry, data in entries.items():
            zf.writestr(entry, data)
    return out.getvalue()


class Run:
    """Counts examples and keeps the first failures with the bytes that caused them."""

    def __init__(self, out: Path):
        self.out = out
        self.examples = {"loader": 0, "pack": 0}
        self.rejected = 0
        self.accepted = 0
        self.failures: list[str] = []

    def check(self, target: str, call, data: bytes) -> None:
        self.examples[target] += 1
        try:
            call()
            self.accepted += 1
        except EscapeboxError:
            self.rejected += 1
        except Exception:  # noqa: BLE001 - exactly what we are hunting for
            self.out.mkdir(parents=True, exist_ok=True)
            path = self.out / f"{target}-{len(self.failures):03d}.bin"
            path.write_bytes(data)
            self.failures.append(f"{path}:\n{traceback.format_exc()}")


def loader_test(run: Run, seeds: list[bytes]):
    @settings(max_examples=2000, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(st.binary(max_size=4000), st.text(max_size=2000).map(str.encode),
                     st.tuples(st.sampled_from(seeds), st.randoms(use_true_random=False), st.integers(1, 40))
                     .map(lambda t: mutate(t[0], t[1], t[2]))))
    def test(data):
        run.check("loader", lambda: load_scenario_text(data), data)
    return test


def pack_test(run: Run, pack: bytes, folder: Path):
    path = folder / "fuzz.escapebox"

    @settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.randoms(use_true_random=False), st.integers(1, 30), st.booleans())
    def test(rnd, rounds, keep_zip):
        data = rezip(pack, rnd, rounds) if keep_zip else mutate(pack, rnd, rounds)
        path.write_bytes(data)
        from escapebox.pack.reader import load_pack
        run.check("pack", lambda: load_pack(path), data)
    return test


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "escapebox-fuzz")
    args = parser.parse_args(argv)
    random.seed(args.seed)
    run = Run(args.out)
    seeds, pack = seeds_for_loader(), seed_pack()
    started = time.monotonic()
    rounds = 0
    with tempfile.TemporaryDirectory() as tmp:
        while time.monotonic() - started < args.minutes * 60 and len(run.failures) < 20:
            round_seed = args.seed * 1_000_000 + rounds  # every round new inputs, yet re-runnable
            seed(round_seed)(loader_test(run, seeds))()
            seed(round_seed)(pack_test(run, pack, Path(tmp)))()
            rounds += 1
            print(f"{time.monotonic() - started:7.0f}s  loader {run.examples['loader']:>8}  "
                  f"pack {run.examples['pack']:>7}  refused {run.rejected}  accepted {run.accepted}  "
                  f"failures {len(run.failures)}", flush=True)
    elapsed = time.monotonic() - started
    print(f"fuzz: {sum(run.examples.values())} inputs in {elapsed / 60:.1f} min "
          f"(loader {run.examples['loader']}, pack {run.examples['pack']}); "
          f"EscapeboxError {run.rejected}, loaded fine {run.accepted}, other exceptions {len(run.failures)}")
    for failure in run.failures[:5]:
        print(failure, file=sys.stderr)
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main())
