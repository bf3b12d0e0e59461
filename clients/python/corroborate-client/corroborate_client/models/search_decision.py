from enum import StrEnum


class SearchDecision(StrEnum):
    LINK = "link"
    SUGGEST = "suggest"

    def __str__(self) -> str:
        return str(self.value)
