"""Test-wide settings: no display, no sound card, and never the user's real data folder."""

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("ESCAPEBOX_DATA_DIR", tempfile.mkdtemp(prefix="escapebox-test-data-"))
