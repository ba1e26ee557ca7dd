from enum import StrEnum

class IcuActivitySubTypeType2Type1(StrEnum):
    COMMUTE = "COMMUTE"
    COOLDOWN = "COOLDOWN"
    NONE = "NONE"
    RACE = "RACE"
    WARMUP = "WARMUP"

    def __str__(self) -> str:
        return str(self.value)
