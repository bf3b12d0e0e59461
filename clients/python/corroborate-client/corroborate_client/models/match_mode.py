from enum import StrEnum


class MatchMode(StrEnum):
    AUTO = "auto"
    EXACT = "exact"

    def __str__(self) -> str:
        return str(self.value)
