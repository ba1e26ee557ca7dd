from enum import StrEnum

class IcuSportSettingsPaceLoadTypeType3Type1(StrEnum):
    RUN = "RUN"
    SWIM = "SWIM"

    def __str__(self) -> str:
        return str(self.value)
