from enum import StrEnum


class LinkRelation(StrEnum):
    CITES = "cites"
    SYNDICATES = "syndicates"

    def __str__(self) -> str:
        return str(self.value)
