from enum import StrEnum

class WellnessPushFailedEventType(StrEnum):
    WELLNESS_PUSH_FAILED = "wellness.push_failed"

    def __str__(self) -> str:
        return str(self.value)
