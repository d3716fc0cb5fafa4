"""``.escapebox`` packs: one shareable file per scenario, safe to open from a USB stick.

The format (pack format 2)
--------------------------
A pack is a zip file.  Every entry is *stored* (not zip-compressed), and
every entry except the manifest is obfuscated:

``manifest.json`` (plain JSON, readable by anyone who unzips the pack)
    ``escapebox_pack`` (format number), ``escapebox_version``, ``created``
    (UTC), ``scenario`` (``id``, ``title``, ``format``), ``obfuscation``
    (``method`` = ``zlib+xor-shake256``, the random ``salt`` in hex, a note),
    ``answers`` (``kdf`` = ``scrypt``, its ``n``, ``r``, ``p`` and random
    ``salt``), ``trainer`` (``cipher`` = ``scrypt+aes-256-gcm``, the scrypt
    ``n``, ``r``, ``p`` and ``salt`` of the trainer's key; ``null`` for a pack
    made without a password) and ``entries``: every other entry with its
    ``name``, ``size`` and ``sha256`` (of the stored bytes).
``scenario.bin``
    The scenario YAML as the trainer wrote it, except what each puzzle's kind
    keeps secret (``PuzzleBase.secrets`` / ``sealed_entry``): a code, word or
    meta puzzle has ``answer: ["-"]`` and no ``near_misses``; a choice's
    options have no ``correct`` and no ``feedback``.  Instead each such
    puzzle has ``sealed``: ``opens`` (the scrypt digests of every accepted
    answer and variant, normalised as the puzzle's ``check`` compares, or of
    the set of right options), ``feedback`` (digest of a near miss or of a
    wrong option → its feedback) and ``facts`` (what the screen shows anyway:
    a code's number of digits, whether a choice has several right options).
``solutions.bin`` (only with a trainer password)
    The trainer's own scenario file, zlib-compressed and encrypted with
    AES-256-GCM (nonce first) under a key derived from the password with
    scrypt; the trainer's salt is authenticated with it.  Opened with the
    password it is the scenario as written: the facilitator console's answer,
    ``escapebox walkthrough``, the printed answer sheet and the auto-player.
``assets/<path>``
    Exactly the files the scenario names (images of rooms, objects, clues,
    items, spot puzzles and endings, and icon files in the folder), at the
    path the scenario uses.

What is secret, and what is not
-------------------------------
Obfuscation is zlib, then XOR with SHAKE-256 of salt and entry name
(:mod:`escapebox.pack.obfuscate`).  It stops *casual peeking* (a player who
opens the pack in a zip tool sees no hints or feedback) and is **not
cryptography**: the salt is in the manifest, so anyone determined reads the
scenario, its clues, hints and texts, as the game itself must.

What is secret is in :mod:`escapebox.pack.kdf`: every answer check is one
scrypt (n=2^14, r=8, p=1: 46 ms and 16 MiB per guess on one core of our
2-core test machine), and the answers themselves are readable only with the
trainer's password (scrypt n=2^17: 0.45 s per try, then AES-256-GCM).  What
remains possible without the password, measured in docs/robustness.md:

* trying every value of a short answer: a 4-digit code has 10,000, about
  8 minutes; 6 digits about 13 hours; a choice of 4 options at most 4 tries
  (15 when several may be right); an order, match, spot or combine puzzle is
  not sealed at all: its answer is the puzzle's own structure, readable by
  whoever undoes the obfuscation;
* trying the scenario's own words: an answer that stands in a clue or hint is
  found in seconds (``escapebox pack`` and ``validate --pack`` warn);
* guessing the trainer's password, at 0.45 s per guess: choose a sentence.

Packs of format 1 (XOR only, fast SHA-256 hashes, solutions readable) are
refused with a message asking to pack again: their answers were never safe,
and reading them would keep that promise alive.

``writer`` builds packs, ``reader`` opens them (refusing hostile archives
before anything is written to disk, see ``safety``), ``answers`` seals and
unseals the puzzles, ``kdf`` holds the slow hash and the cipher, ``layout``
the names and limits both sides agree on.
"""
