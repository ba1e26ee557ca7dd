from enum import StrEnum

class IcuActivityWithIntervalsGapModelType2Type1(StrEnum):
    NONE = "NONE"
    STRAVA_RUN = "STRAVA_RUN"

    def __str__(self) -> str:
        return str(self.value)
