from enum import StrEnum

class IcuActivityWithIntervalsPaceLoadTypeType1(StrEnum):
    RUN = "RUN"
    SWIM = "SWIM"

    def __str__(self) -> str:
        return str(self.value)
