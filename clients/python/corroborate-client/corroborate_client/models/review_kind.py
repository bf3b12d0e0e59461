from enum import StrEnum


class ReviewKind(StrEnum):
    CLAIM_MERGE = "claim_merge"
    CLAIM_PROPOSAL = "claim_proposal"
    COPY = "copy"
    CREDITED_ORIGIN = "credited_origin"

    def __str__(self) -> str:
        return str(self.value)
