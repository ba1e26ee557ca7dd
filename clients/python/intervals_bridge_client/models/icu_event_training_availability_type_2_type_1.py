from enum import StrEnum

class IcuEventTrainingAvailabilityType2Type1(StrEnum):
    LIMITED = "LIMITED"
    NORMAL = "NORMAL"
    UNAVAILABLE = "UNAVAILABLE"

    def __str__(self) -> str:
        return str(self.value)
