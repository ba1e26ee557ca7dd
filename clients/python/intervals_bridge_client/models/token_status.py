from enum import StrEnum

class TokenStatus(StrEnum):
    ACTIVE = "active"
    INVALID = "invalid"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
