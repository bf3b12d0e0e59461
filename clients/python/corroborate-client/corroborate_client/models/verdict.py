from enum import StrEnum


class Verdict(StrEnum):
    FALSE = "false"
    MIXED = "mixed"
    MOSTLY_FALSE = "mostly_false"
    MOSTLY_TRUE = "mostly_true"
    OTHER = "other"
    TRUE = "true"
    UNPROVEN = "unproven"

    def __str__(self) -> str:
        return str(self.value)
