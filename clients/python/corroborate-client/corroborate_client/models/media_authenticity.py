from enum import StrEnum


class MediaAuthenticity(StrEnum):
    DECONTEXTUALIZEDCONTENT = "DecontextualizedContent"
    EDITEDORCROPPEDCONTENT = "EditedOrCroppedContent"
    ORIGINALMEDIACONTENT = "OriginalMediaContent"
    SATIREORPARODYCONTENT = "SatireOrParodyContent"
    STAGEDCONTENT = "StagedContent"
    TRANSFORMEDCONTENT = "TransformedContent"

    def __str__(self) -> str:
        return str(self.value)
