from enum import StrEnum

class ActivityUpdatedEventType(StrEnum):
    ACTIVITY_UPDATED = "activity.updated"

    def __str__(self) -> str:
        return str(self.value)
