from enum import StrEnum


class Sourcing(StrEnum):
    ANONYMOUS = "anonymous"
    DOCUMENT = "document"
    NAMED = "named"
    OFFICIAL = "official"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
