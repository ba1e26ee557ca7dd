from enum import StrEnum

class ActivityDeletedEventType(StrEnum):
    ACTIVITY_DELETED = "activity.deleted"

    def __str__(self) -> str:
        return str(self.value)
