from enum import StrEnum

class SportSettingsUpdatedEventType(StrEnum):
    SPORT_SETTINGS_UPDATED = "sport_settings.updated"

    def __str__(self) -> str:
        return str(self.value)
