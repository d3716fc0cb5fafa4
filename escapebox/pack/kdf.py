"""The two secrets of a pack: slow salted hashes of the answers, and the trainer's key.

Answer checks
    Every accepted answer, accepted variant and near miss (and, for a choice, the set
    of right options and each wrong option that has feedback) is stored as
    ``scrypt(key, salt = pack salt + puzzle id)`` with :data:`ANSWER_COST`.  A group's
    answer is checked by hashing it the same way.  scrypt is deliberately slow and
    needs memory (16 MiB here), so every guess of someone who tries answers against the
    pack costs as much as one check in the game: about 46 ms on one core of the
    2-core machine the figures in docs/robustness.md come from.  It does not make a
    short answer safe: a 4-digit code has 10,000 values, tried in about 8 minutes.

The trainer's key
    The answers themselves (the trainer's whole scenario file) travel encrypted with
    AES-256-GCM (``cryptography``'s :class:`AESGCM`), under a key derived from the
    password chosen at ``escapebox pack`` with scrypt at :data:`TRAINER_COST`
    (about 0.45 s and 128 MiB per try).  Without the password the pack has no
    trainer view; a wrong password is told apart from a damaged pack by nothing but
    the authentication tag, so both are reported as "wrong password or damaged".

The costs travel in ``manifest.json``; the reader accepts only costs within
:data:`ANSWER_LIMITS` / :data:`TRAINER_LIMITS`, so a hostile pack cannot ask for
gigabytes of memory.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from escapebox.pack.obfuscate import InflateError, inflate_bounded

_DOMAIN = b"escapebox-pack-2\0"
KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16


@dataclass(frozen=True)
class Cost:
    """scrypt's work factors: ``n`` (a power of two), block size ``r``, parallelism ``p``."""

    n: int
    r: int
    p: int

    @property
    def memory(self) -> int:
        return 128 * self.n * self.r * self.p

    def within(self, lowest: "Cost", highest: "Cost") -> bool:
        power_of_two = self.n > 1 and self.n & (self.n - 1) == 0
        return power_of_two and all(getattr(lowest, k) <= getattr(self, k) <= getattr(highest, k)
                                    for k in ("n", "r", "p")) and self.memory <= highest.memory


#: One answer check: 46 ms, 16 MiB (measured: docs/robustness.md, "Secrets in a pack").
ANSWER_COST = Cost(n=2 ** 14, r=8, p=1)
#: The trainer's key: 0.45 s, 128 MiB, once per ``pack`` and once per opening with the password.
TRAINER_COST = Cost(n=2 ** 17, r=8, p=1)
#: What one guess at :data:`ANSWER_COST` costs, measured (median of 7, one core of a 2-core Linux
#: container, Python 3.11): the validator's pack warnings price a search with it.
GUESS_SECONDS = 0.046
ANSWER_LIMITS = (Cost(n=2 ** 10, r=1, p=1), Cost(n=2 ** 16, r=16, p=2))
TRAINER_LIMITS = (Cost(n=2 ** 14, r=1, p=1), Cost(n=2 ** 18, r=16, p=2))
#: Passwords shorter than this are refused at ``pack``: one try costs 0.45 s, a short word falls in minutes.
MIN_PASSWORD_CHARS = 8


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def _scrypt(secret: bytes, salt: bytes, cost: Cost) -> bytes:
    return hashlib.scrypt(secret, salt=salt, n=cost.n, r=cost.r, p=cost.p,
                          maxmem=cost.memory + 2 * 1024 * 1024, dklen=KEY_BYTES)


def answer_hasher(salt: bytes, puzzle_id: str, cost: Cost = ANSWER_COST) -> Callable[[str], str]:
    """The digest function of one puzzle: its own salt, so equal answers of two puzzles differ.

    The last few answers are remembered, so a group that sends the same answer twice (or the
    pack's own check after writing) does not pay twice.
    """
    puzzle_salt = _DOMAIN + salt + b"\0" + puzzle_id.encode("utf-8")

    @lru_cache(maxsize=16)
    def digest(key: str) -> str:
        return _scrypt(key.encode("utf-8"), puzzle_salt, cost).hex()

    return digest


class WrongPassword(Exception):
    """The password does not open the trainer's part (or that part was changed)."""


def trainer_key(password: str, salt: bytes, cost: Cost = TRAINER_COST) -> bytes:
    return _scrypt(password.encode("utf-8"), _DOMAIN + b"trainer\0" + salt, cost)


def lock(plain: bytes, key: bytes, bound_to: bytes) -> bytes:
    """Compress and encrypt: nonce + AES-256-GCM ciphertext (with its tag); ``bound_to`` is authenticated too."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, zlib.compress(plain, 9), _DOMAIN + bound_to)


def unlock(blob: bytes, key: bytes, bound_to: bytes, limit: int) -> bytes:
    """Undo :func:`lock`; :class:`WrongPassword` for a wrong key or changed bytes, at most ``limit`` bytes out."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(blob) < NONCE_BYTES + 16:
        raise WrongPassword()
    try:
        packed = AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], _DOMAIN + bound_to)
    except InvalidTag:
        raise WrongPassword() from None
    try:
        return inflate_bounded(packed, limit)
    except InflateError:
        raise WrongPassword() from None
