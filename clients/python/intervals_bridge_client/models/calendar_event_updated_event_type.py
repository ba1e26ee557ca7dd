from enum import StrEnum

class CalendarEventUpdatedEventType(StrEnum):
    CALENDAR_EVENT_UPDATED = "calendar_event.updated"

    def __str__(self) -> str:
        return str(self.value)
