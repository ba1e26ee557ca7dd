from enum import StrEnum

class ConnectionUpdatedEventDataStatus(StrEnum):
    ACTIVE = "active"
    INVALID = "invalid"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
