from enum import StrEnum

class IcuSportSettingsElevationCorrectionType1(StrEnum):
    AUTO = "AUTO"
    NO = "NO"
    YES = "YES"

    def __str__(self) -> str:
        return str(self.value)
