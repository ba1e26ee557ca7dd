from enum import StrEnum

class IcuIcuAchievementTypeType1(StrEnum):
    BEST_PACE = "BEST_PACE"
    BEST_POWER = "BEST_POWER"
    FTP_UP = "FTP_UP"
    LTHR_UP = "LTHR_UP"

    def __str__(self) -> str:
        return str(self.value)
