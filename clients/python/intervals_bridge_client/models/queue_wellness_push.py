from enum import StrEnum

class QueueWellnessPush(StrEnum):
    NOW = "now"

    def __str__(self) -> str:
        return str(self.value)
