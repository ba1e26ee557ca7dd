from enum import StrEnum

class IcuSportSettingsPaceUnitsType3Type1(StrEnum):
    MINS_KM = "MINS_KM"
    MINS_MILE = "MINS_MILE"
    NONE = "NONE"
    SECS_100M = "SECS_100M"
    SECS_100Y = "SECS_100Y"
    SECS_250M = "SECS_250M"
    SECS_400M = "SECS_400M"
    SECS_500M = "SECS_500M"

    def __str__(self) -> str:
        return str(self.value)
