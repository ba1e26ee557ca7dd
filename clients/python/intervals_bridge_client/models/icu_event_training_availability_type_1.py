from enum import StrEnum

class IcuEventTrainingAvailabilityType1(StrEnum):
    LIMITED = "LIMITED"
    NORMAL = "NORMAL"
    UNAVAILABLE = "UNAVAILABLE"

    def __str__(self) -> str:
        return str(self.value)
