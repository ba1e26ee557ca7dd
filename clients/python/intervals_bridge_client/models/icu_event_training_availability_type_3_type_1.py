from enum import StrEnum

class IcuEventTrainingAvailabilityType3Type1(StrEnum):
    LIMITED = "LIMITED"
    NORMAL = "NORMAL"
    UNAVAILABLE = "UNAVAILABLE"

    def __str__(self) -> str:
        return str(self.value)
