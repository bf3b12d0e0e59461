from enum import StrEnum


class ReviewsSearchFormat(StrEnum):
    FACTCHECKTOOLS = "factchecktools"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
