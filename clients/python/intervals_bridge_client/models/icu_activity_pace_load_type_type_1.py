from enum import StrEnum

class IcuActivityPaceLoadTypeType1(StrEnum):
    RUN = "RUN"
    SWIM = "SWIM"

    def __str__(self) -> str:
        return str(self.value)
