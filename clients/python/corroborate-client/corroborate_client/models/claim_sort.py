from enum import StrEnum


class ClaimSort(StrEnum):
    FIRST_REPORTED_AT = "first_reported_at"
    RELEVANCE = "relevance"
    VALUE_1 = "-outlets"
    VALUE_2 = "-independent_origins"
    VALUE_4 = "-first_reported_at"
    VALUE_5 = "-last_reported_at"

    def __str__(self) -> str:
        return str(self.value)
