from enum import StrEnum

class ChatUpdateEventType(StrEnum):
    CHAT_UPDATE = "chat.update"

    def __str__(self) -> str:
        return str(self.value)
