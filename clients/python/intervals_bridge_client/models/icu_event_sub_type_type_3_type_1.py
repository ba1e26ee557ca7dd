from enum import StrEnum

class IcuEventSubTypeType3Type1(StrEnum):
    COMMUTE = "COMMUTE"
    COOLDOWN = "COOLDOWN"
    NONE = "NONE"
    RACE = "RACE"
    WARMUP = "WARMUP"

    def __str__(self) -> str:
        return str(self.value)
