from enum import StrEnum

class IcuActivityHrLoadTypeType1(StrEnum):
    AVG_HR = "AVG_HR"
    HRSS = "HRSS"
    HR_ZONES = "HR_ZONES"

    def __str__(self) -> str:
        return str(self.value)
