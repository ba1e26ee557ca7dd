from enum import StrEnum

class IcuPowerModelTypeType2Type1(StrEnum):
    ECP = "ECP"
    FFT_CURVES = "FFT_CURVES"
    MORTON_3P = "MORTON_3P"
    MS_2P = "MS_2P"

    def __str__(self) -> str:
        return str(self.value)
