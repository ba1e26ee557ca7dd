from enum import StrEnum

class IcuIntervalTypeType2Type1(StrEnum):
    RECOVERY = "RECOVERY"
    WORK = "WORK"

    def __str__(self) -> str:
        return str(self.value)
