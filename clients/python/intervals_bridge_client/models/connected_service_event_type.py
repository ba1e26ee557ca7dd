from enum import StrEnum

class ConnectedServiceEventType(StrEnum):
    CONNECTED_SERVICE = "connected.service"

    def __str__(self) -> str:
        return str(self.value)
