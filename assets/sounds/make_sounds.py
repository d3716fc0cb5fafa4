#!/usr/bin/env python3
"""Generate Escapebox's own sound effects (CC0 / public domain).

Only the Python standard library is used (``wave`` + ``math``), so the
sounds can be rebuilt anywhere:

    python assets/sounds/make_sounds.py            # writes next to this script
    python assets/sounds/make_sounds.py OUT_DIR    # writes into OUT_DIR

Output: 16-bit mono PCM WAV at 22050 Hz, every sound normalised to a peak of
about -6 dBFS, with short fade-in/fade-out ramps so playback never clicks.
The synthesis is fully deterministic (no randomness): running the script twice
gives byte-identical files.

Sounds
    success.wav  rising three-note chime (C5-E5-G5), ~0.6 s
    wrong.wav    soft low double "bonk" (G3 then E3), ~0.35 s
    hint.wav     single gentle bell (A5), ~0.5 s
    found.wav    short upward sparkle for a new clue/item, ~0.3 s
    tick.wav     soft wooden tick for a countdown, ~0.06 s
"""

import math
import os
import sys
import wave

RATE = 22050
PEAK_DBFS = -6.0
FADE_IN_S = 0.004   # 4 ms ramp at the very start of the file
FADE_OUT_S = 0.015  # 15 ms ramp at the very end of the file


def silence(seconds):
    return [0.0] * int(round(seconds * RATE))


def mix_into(buf, sound, start_s):
    """Add ``sound`` into ``buf`` starting at ``start_s`` seconds (grows buf)."""
    start = int(round(start_s * RATE))
    end = start + len(sound)
    if end > len(buf):
        buf.extend([0.0] * (end - len(buf)))
    for i, v in enumerate(sound):
        buf[start + i] += v


def tone(freq, seconds, partials=((1.0, 1.0),), attack=0.005, decay=0.25,
         glide=0.0):
    """A struck/plucked tone.

    partials: (frequency ratio, amplitude) pairs added on top of each other.
    attack:   linear attack time in seconds (avoids clicks at note start).
    decay:    exponential decay time constant in seconds; higher partials
              decay faster (divided by their ratio) which sounds natural.
    glide:    relative pitch change over the note (e.g. -0.08 = drops 8 %).
    """
    n = int(round(seconds * RATE))
    out = [0.0] * n
    for ratio, amp in partials:
        phase = 0.0
        tau = decay / max(1.0, ratio ** 0.7)
        for i in range(n):
            t = i / RATE
            f = freq * ratio * (1.0 + glide * (i / n))
            phase += 2.0 * math.pi * f / RATE
            out[i] += amp * math.sin(phase) * math.exp(-t / tau)
    a = max(1, int(attack * RATE))
    for i in range(min(a, n)):
        out[i] *= i / a
    # Short release at the end of every note so a note cut off by its
    # length never ends in a discontinuity.
    r = min(n, int(0.01 * RATE))
    for i in range(r):
        out[n - 1 - i] *= i / r
    return out


def finish(samples):
    """Apply file-level fades and normalise the peak to PEAK_DBFS."""
    n = len(samples)
    fi = max(1, int(FADE_IN_S * RATE))
    fo = max(1, int(FADE_OUT_S * RATE))
    for i in range(min(fi, n)):
        samples[i] *= i / fi
    for i in range(min(fo, n)):
        samples[n - 1 - i] *= i / fo
    peak = max(abs(s) for s in samples) or 1.0
    gain = (10.0 ** (PEAK_DBFS / 20.0)) / peak
    return [s * gain for s in samples]


def write_wav(path, samples):
    frames = bytearray()
    for s in samples:
        v = int(round(s * 32767.0))
        v = max(-32768, min(32767, v))
        frames += v.to_bytes(2, "little", signed=True)
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(frames))


# Soft, bell-like timbre: mostly fundamental, a little octave and a faint
# inharmonic "shimmer" partial.
BELL = ((1.0, 1.0), (2.0, 0.25), (2.76, 0.08), (4.07, 0.03))
CHIME = ((1.0, 1.0), (2.0, 0.3), (3.0, 0.08))


def make_success():
    buf = silence(0.6)
    notes = (523.25, 659.25, 783.99)  # C5 E5 G5
    for k, f in enumerate(notes):
        last = k == len(notes) - 1
        dur = 0.6 - 0.11 * k
        mix_into(buf, tone(f, dur, CHIME, attack=0.006,
                           decay=0.30 if last else 0.16), 0.11 * k)
    return finish(buf[:int(0.6 * RATE)])


def make_wrong():
    # Two soft, low, quickly decaying thuds with a slight downward pitch
    # glide: clearly "no", but not harsh (almost pure sine, no buzz).
    buf = silence(0.35)
    # A touch of 2nd/3rd harmonic keeps it audible on small laptop speakers.
    soft = ((1.0, 1.0), (2.0, 0.2), (3.0, 0.04))
    mix_into(buf, tone(196.0, 0.16, soft, attack=0.008, decay=0.07,
                       glide=-0.06), 0.0)
    mix_into(buf, tone(164.81, 0.19, soft, attack=0.008, decay=0.08,
                       glide=-0.08), 0.16)
    return finish(buf[:int(0.35 * RATE)])


def make_hint():
    buf = silence(0.5)
    mix_into(buf, tone(880.0, 0.5, BELL, attack=0.012, decay=0.20), 0.0)
    return finish(buf[:int(0.5 * RATE)])


def make_found():
    # Quick upward arpeggio of high, short pings (E6 G6 C7 E7).
    buf = silence(0.3)
    notes = (1318.51, 1567.98, 2093.0, 2637.02)
    for k, f in enumerate(notes):
        dur = 0.3 - 0.045 * k
        mix_into(buf, tone(f, dur, ((1.0, 1.0), (2.0, 0.15)), attack=0.003,
                           decay=0.06 + 0.02 * k), 0.045 * k)
    return finish(buf[:int(0.3 * RATE)])


def make_tick():
    buf = silence(0.06)
    mix_into(buf, tone(1200.0, 0.06, ((1.0, 1.0), (2.3, 0.2)), attack=0.001,
                       decay=0.012), 0.0)
    return finish(buf[:int(0.06 * RATE)])


SOUNDS = {
    "success.wav": make_success,
    "wrong.wav": make_wrong,
    "hint.wav": make_hint,
    "found.wav": make_found,
    "tick.wav": make_tick,
}


def main(argv):
    out_dir = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out_dir, exist_ok=True)
    for name, make in SOUNDS.items():
        samples = make()
        path = os.path.join(out_dir, name)
        write_wav(path, samples)
        print("%-12s %.3f s" % (name, len(samples) / RATE))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
