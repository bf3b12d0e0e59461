from enum import StrEnum


class SearchFormat(StrEnum):
    FACTCHECKTOOLS = "factchecktools"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
