from enum import StrEnum

class WorkoutFileInFormat(StrEnum):
    ERG = "erg"
    FIT = "fit"
    MRC = "mrc"
    ZWO = "zwo"

    def __str__(self) -> str:
        return str(self.value)
