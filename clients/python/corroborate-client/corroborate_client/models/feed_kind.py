from enum import StrEnum


class FeedKind(StrEnum):
    FEED = "feed"
    SITEMAP = "sitemap"

    def __str__(self) -> str:
        return str(self.value)
