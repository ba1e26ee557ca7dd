from enum import StrEnum

class IcuSportSettingsTizOrderType1(StrEnum):
    HR_PACE_POWER = "HR_PACE_POWER"
    HR_POWER_PACE = "HR_POWER_PACE"
    PACE_HR_POWER = "PACE_HR_POWER"
    PACE_POWER_HR = "PACE_POWER_HR"
    POWER_HR_PACE = "POWER_HR_PACE"
    POWER_PACE_HR = "POWER_PACE_HR"

    def __str__(self) -> str:
        return str(self.value)
