"""``.escapebox`` packs: one shareable file per scenario, safe to open from a USB stick.

The format (pack format 1)
--------------------------
A pack is a zip file.  Every entry is *stored* (not zip-compressed), and
every entry except the manifest is obfuscated:

``manifest.json`` (plain JSON, readable by anyone who unzips the pack)
    ``escapebox_pack`` (format number), ``escapebox_version``, ``created``
    (UTC), ``scenario`` (``id``, ``title``, ``format``), ``obfuscation``
    (``method`` = ``zlib+xor-shake256``, the random ``salt`` in hex, a note)
    and ``entries``: every other entry with its ``name``, ``size`` and
    ``sha256`` (of the stored bytes).
``scenario.bin``
    The scenario YAML as the trainer wrote it, except that each code,
    word and meta puzzle has ``answer_sha256`` (salted hashes of the
    normalised accepted answers) and ``near_misses_sha256`` (hash →
    feedback) instead of ``answer`` and ``near_misses``.
``solutions.bin``
    JSON: ``digest`` (SHA-256 of the original YAML, so resuming a session
    sees an unchanged scenario) and ``solutions`` (puzzle id → first
    accepted answer), which the walkthrough, the facilitator's "reveal"
    and the auto-player need.
``assets/<path>``
    Exactly the files the scenario names (images of rooms, objects, clues,
    items, spot puzzles and endings, and icon files in the folder), at the
    path the scenario uses.

Obfuscation is zlib, then XOR with SHAKE-256 of salt and entry name
(:mod:`escapebox.pack.obfuscate`).  It stops *casual peeking* — a player
who opens the pack in a zip tool or a text editor sees no answers, hints
or feedback — and is **not cryptography**: the salt is in the manifest,
so the program (and anyone determined) can always recover the content.
The hashes are a second layer for the typed answers: a decoded document
still does not list the alternative answers or near misses.

``writer`` builds packs, ``reader`` opens them (refusing hostile archives
before anything is written to disk, see ``safety``), ``layout`` holds the
names and limits both sides agree on.
"""
