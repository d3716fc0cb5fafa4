"""A rectangle on an image, in percent, so it fits the picture at any size."""

from __future__ import annotations

from typing import Annotated

from escapebox.scenario.types import Frozen, Rule, between, part


def _from_list(value):
    """Trainers write an area as ``[x, y, width, height]``."""
    if isinstance(value, (list, tuple)):
        if len(value) != 4:
            raise ValueError("area_four_numbers")
        return dict(zip("xywh", value))
    return value


@part
class Area(Frozen):
    """Written as ``[x, y, width, height]`` in percent of the image (0–100)."""

    x: Annotated[float, between(0, 100)]
    y: Annotated[float, between(0, 100)]
    w: Annotated[float, between(high=100, above=0)]
    h: Annotated[float, between(high=100, above=0)]

    def __post_init__(self):
        if self.x + self.w > 100.001 or self.y + self.h > 100.001:
            raise ValueError("area_outside_image")

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        """Editors should accept the short list form trainers actually write."""
        as_object = handler(core_schema)
        as_list = {"type": "array", "items": {"type": "number", "minimum": 0, "maximum": 100},
                   "minItems": 4, "maxItems": 4, "description": "[x, y, breedte, hoogte] in procent"}
        return {"anyOf": [as_list, as_object]}

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px <= self.x + self.w and self.y <= py <= self.y + self.h

    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2

    def describe(self) -> str:
        return f"[{self.x:g}, {self.y:g}, {self.w:g}, {self.h:g}]"


#: How a field holds an area: the list form is turned into the mapping first.
AreaSpec = Annotated[Area, Rule("BeforeValidator", _from_list)]
