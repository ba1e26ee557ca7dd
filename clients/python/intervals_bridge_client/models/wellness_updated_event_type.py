from enum import StrEnum

class WellnessUpdatedEventType(StrEnum):
    WELLNESS_UPDATED = "wellness.updated"

    def __str__(self) -> str:
        return str(self.value)
