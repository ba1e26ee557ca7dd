from enum import StrEnum

class ActivityAnalyzedEventType(StrEnum):
    ACTIVITY_ANALYZED = "activity.analyzed"

    def __str__(self) -> str:
        return str(self.value)
