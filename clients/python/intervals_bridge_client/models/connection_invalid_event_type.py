from enum import StrEnum

class ConnectionInvalidEventType(StrEnum):
    CONNECTION_INVALID = "connection.invalid"

    def __str__(self) -> str:
        return str(self.value)
