from enum import StrEnum

class DownloadWorkoutFileFormat(StrEnum):
    ERG = "erg"
    FIT = "fit"
    MRC = "mrc"
    ZWO = "zwo"

    def __str__(self) -> str:
        return str(self.value)
