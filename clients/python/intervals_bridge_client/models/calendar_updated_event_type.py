from enum import StrEnum

class CalendarUpdatedEventType(StrEnum):
    CALENDAR_UPDATED = "calendar.updated"

    def __str__(self) -> str:
        return str(self.value)
