"""A rectangle on an image, in percent, so it fits the picture at any size."""

from __future__ import annotations

from pydantic import Field, model_validator

from escapebox.scenario.types import Frozen


class Area(Frozen):
    """Written as ``[x, y, width, height]`` in percent of the image (0–100)."""

    x: float = Field(ge=0, le=100)
    y: float = Field(ge=0, le=100)
    w: float = Field(gt=0, le=100)
    h: float = Field(gt=0, le=100)

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, value):
        if isinstance(value, (list, tuple)):
            if len(value) != 4:
                raise ValueError("area_four_numbers")
            return dict(zip("xywh", value))
        return value

    @model_validator(mode="after")
    def _inside(self):
        if self.x + self.w > 100.001 or self.y + self.h > 100.001:
            raise ValueError("area_outside_image")
        return self

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
