from enum import StrEnum

class FitnessUpdatedEventType(StrEnum):
    FITNESS_UPDATED = "fitness.updated"

    def __str__(self) -> str:
        return str(self.value)
