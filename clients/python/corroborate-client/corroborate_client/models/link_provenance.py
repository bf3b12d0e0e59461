from enum import StrEnum


class LinkProvenance(StrEnum):
    DETECTED = "detected"
    STATED = "stated"

    def __str__(self) -> str:
        return str(self.value)
