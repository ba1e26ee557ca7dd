from enum import StrEnum

class IcuEventTargetType3Type1(StrEnum):
    AUTO = "AUTO"
    HR = "HR"
    PACE = "PACE"
    POWER = "POWER"

    def __str__(self) -> str:
        return str(self.value)
