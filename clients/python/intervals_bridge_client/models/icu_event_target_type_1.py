from enum import StrEnum

class IcuEventTargetType1(StrEnum):
    AUTO = "AUTO"
    HR = "HR"
    PACE = "PACE"
    POWER = "POWER"

    def __str__(self) -> str:
        return str(self.value)
