from enum import StrEnum

class IcuActivityPaceLoadTypeType2Type1(StrEnum):
    RUN = "RUN"
    SWIM = "SWIM"

    def __str__(self) -> str:
        return str(self.value)
