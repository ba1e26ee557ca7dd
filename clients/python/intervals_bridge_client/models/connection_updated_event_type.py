from enum import StrEnum

class ConnectionUpdatedEventType(StrEnum):
    CONNECTION_UPDATED = "connection.updated"

    def __str__(self) -> str:
        return str(self.value)
