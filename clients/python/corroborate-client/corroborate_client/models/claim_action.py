from enum import StrEnum


class ClaimAction(StrEnum):
    ALREADY_ATTRIBUTED = "already_attributed"
    CREATED = "created"
    LINKED = "linked"

    def __str__(self) -> str:
        return str(self.value)
