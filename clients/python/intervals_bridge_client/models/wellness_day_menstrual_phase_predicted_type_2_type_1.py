from enum import StrEnum

class WellnessDayMenstrualPhasePredictedType2Type1(StrEnum):
    FOLLICULAR = "FOLLICULAR"
    LUTEAL = "LUTEAL"
    NONE = "NONE"
    OVULATING = "OVULATING"
    PERIOD = "PERIOD"

    def __str__(self) -> str:
        return str(self.value)
