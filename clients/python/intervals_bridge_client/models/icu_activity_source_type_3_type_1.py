from enum import StrEnum

class IcuActivitySourceType3Type1(StrEnum):
    CONCEPT2 = "CONCEPT2"
    COROS = "COROS"
    DROPBOX = "DROPBOX"
    GARMIN_CONNECT = "GARMIN_CONNECT"
    HUAWEI = "HUAWEI"
    MANUAL = "MANUAL"
    OAUTH_CLIENT = "OAUTH_CLIENT"
    POLAR = "POLAR"
    STRAVA = "STRAVA"
    SUUNTO = "SUUNTO"
    UPLOAD = "UPLOAD"
    WAHOO = "WAHOO"
    ZEPP = "ZEPP"
    ZWIFT = "ZWIFT"

    def __str__(self) -> str:
        return str(self.value)
