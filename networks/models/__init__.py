from .pages import (
    Honorific,
    NetworkCareProtocol,
    NetworkCoordinator,
    NetworkGalleryItem,
    NetworkIndexPage,
    NetworkPage,
    NetworkTopic,
)
from .protocols import CareProtocol

__all__ = [
    "CareProtocol",
    "NetworkCareProtocol",
    "Honorific",
    "NetworkCoordinator",
    "NetworkGalleryItem",
    "NetworkIndexPage",
    "NetworkPage",
    "NetworkTopic",
]
