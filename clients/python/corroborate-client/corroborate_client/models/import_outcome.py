from enum import StrEnum


class ImportOutcome(StrEnum):
    CREATED = "created"
    LINKED = "linked"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
