from enum import StrEnum

class IcuWellnessMenstrualPhasePredictedType3Type1(StrEnum):
    FOLLICULAR = "FOLLICULAR"
    LUTEAL = "LUTEAL"
    NONE = "NONE"
    OVULATING = "OVULATING"
    PERIOD = "PERIOD"

    def __str__(self) -> str:
        return str(self.value)
