from enum import StrEnum


class AsOfBasis(StrEnum):
    PUBLISHED = "published"
    RECORDED = "recorded"

    def __str__(self) -> str:
        return str(self.value)
