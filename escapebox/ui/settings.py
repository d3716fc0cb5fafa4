"""Player preferences that change how the game looks and sounds, not how it plays.

A settings screen (later) edits a :class:`Settings`; the screens only read
it.  ``--beamer`` is a preset: fullscreen and large text, so body text is at
least 1/28 of the screen height (40 of 1080 logical px).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

TEXT_STEPS = {"small": 0.85, "normal": 1.0, "large": 1.18, "extra_large": 1.36}


@dataclass(frozen=True)
class Settings:
    text_size: str = "normal"
    reduced_motion: bool = False
    sound: bool = True
    timer_visible: bool = True
    language: str = "nl"
    theme: str = "default"
    fullscreen: bool = False

    @property
    def text_scale(self) -> float:
        return TEXT_STEPS.get(self.text_size, 1.0)

    def beamer(self) -> "Settings":
        """The beamer preset: large text and the full screen."""
        return replace(self, text_size="large", fullscreen=True)

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Settings":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})
