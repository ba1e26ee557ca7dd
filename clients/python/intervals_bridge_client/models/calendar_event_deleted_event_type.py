from enum import StrEnum

class CalendarEventDeletedEventType(StrEnum):
    CALENDAR_EVENT_DELETED = "calendar_event.deleted"

    def __str__(self) -> str:
        return str(self.value)
