from enum import StrEnum

class ConnectionRevokedEventType(StrEnum):
    CONNECTION_REVOKED = "connection.revoked"

    def __str__(self) -> str:
        return str(self.value)
