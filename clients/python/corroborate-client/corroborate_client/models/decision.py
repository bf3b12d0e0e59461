from enum import StrEnum


class Decision(StrEnum):
    LINK = "link"
    NONE = "none"
    SUGGEST = "suggest"

    def __str__(self) -> str:
        return str(self.value)
