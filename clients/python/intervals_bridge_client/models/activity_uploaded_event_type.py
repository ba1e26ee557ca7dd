from enum import StrEnum

class ActivityUploadedEventType(StrEnum):
    ACTIVITY_UPLOADED = "activity.uploaded"

    def __str__(self) -> str:
        return str(self.value)
