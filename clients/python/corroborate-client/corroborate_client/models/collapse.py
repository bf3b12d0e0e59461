from enum import StrEnum


class Collapse(StrEnum):
    CITES = "cites"
    NONE = "none"
    OWNER = "owner"
    SYNDICATES = "syndicates"

    def __str__(self) -> str:
        return str(self.value)
