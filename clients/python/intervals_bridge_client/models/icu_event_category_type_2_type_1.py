from enum import StrEnum

class IcuEventCategoryType2Type1(StrEnum):
    FITNESS_DAYS = "FITNESS_DAYS"
    HOLIDAY = "HOLIDAY"
    INJURED = "INJURED"
    NOTE = "NOTE"
    PLAN = "PLAN"
    RACE_A = "RACE_A"
    RACE_B = "RACE_B"
    RACE_C = "RACE_C"
    SEASON_START = "SEASON_START"
    SET_EFTP = "SET_EFTP"
    SET_FITNESS = "SET_FITNESS"
    SICK = "SICK"
    TARGET = "TARGET"
    WORKOUT = "WORKOUT"

    def __str__(self) -> str:
        return str(self.value)
