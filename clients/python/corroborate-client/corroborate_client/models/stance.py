from enum import StrEnum


class Stance(StrEnum):
    DISPUTES = "disputes"
    REPORTS = "reports"
    SUPPORTS = "supports"

    def __str__(self) -> str:
        return str(self.value)
