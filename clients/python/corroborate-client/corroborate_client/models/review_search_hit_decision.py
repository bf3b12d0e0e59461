from enum import StrEnum


class ReviewSearchHitDecision(StrEnum):
    LINK = "link"
    SUGGEST = "suggest"

    def __str__(self) -> str:
        return str(self.value)
