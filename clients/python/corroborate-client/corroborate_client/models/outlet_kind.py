from enum import StrEnum


class OutletKind(StrEnum):
    BROADCASTER = "broadcaster"
    MAGAZINE = "magazine"
    NEWSPAPER = "newspaper"
    ONLINE = "online"
    OTHER = "other"
    WIRE_AGENCY = "wire_agency"

    def __str__(self) -> str:
        return str(self.value)
