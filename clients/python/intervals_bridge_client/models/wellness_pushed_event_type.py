from enum import StrEnum

class WellnessPushedEventType(StrEnum):
    WELLNESS_PUSHED = "wellness.pushed"

    def __str__(self) -> str:
        return str(self.value)
