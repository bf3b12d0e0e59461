from enum import StrEnum


class EventType(StrEnum):
    ARTICLE_COPY_DETECTED = "article.copy_detected"
    CLAIM_CORROBORATION_CHANGED = "claim.corroboration_changed"
    CLAIM_CREATED = "claim.created"
    CLAIM_DISPUTED = "claim.disputed"
    CLAIM_MERGED = "claim.merged"
    REVIEW_CREATED = "review.created"
    REVIEW_QUEUE_ITEM_ADDED = "review_queue.item_added"

    def __str__(self) -> str:
        return str(self.value)
