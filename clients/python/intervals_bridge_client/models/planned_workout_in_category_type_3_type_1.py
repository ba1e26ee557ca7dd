from enum import StrEnum

class PlannedWorkoutInCategoryType3Type1(StrEnum):
    NOTE = "NOTE"
    RACE_A = "RACE_A"
    RACE_B = "RACE_B"
    RACE_C = "RACE_C"
    WORKOUT = "WORKOUT"

    def __str__(self) -> str:
        return str(self.value)
