from enum import StrEnum

class ActivityAchievementsEventType(StrEnum):
    ACTIVITY_ACHIEVEMENTS = "activity.achievements"

    def __str__(self) -> str:
        return str(self.value)
