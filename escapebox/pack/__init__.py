"""``.escapebox`` packs: one shareable file per scenario, safe to open from a USB stick.

A pack is a zip file with a plain ``manifest.json`` and, for everything
else, *obfuscated* entries: the scenario document (typed answers replaced
by salted hashes), the solutions the auto-player needs, and exactly the
image files the scenario uses.  Obfuscation (zlib, then XOR with a
keystream derived from the pack's random salt) only stops casual peeking —
a player who unzips the file sees no answers — it is not cryptography:
the salt is in the manifest, so the program (and a determined reader) can
always recover the content.

``writer`` builds packs, ``reader`` opens them (refusing hostile archives
before anything is written to disk), ``layout`` holds the names and limits
both sides agree on.
"""
