from .pages import Honorific, NetworkCareProtocol, NetworkCoordinator, NetworkIndexPage, NetworkPage, NetworkTopic
from .protocols import CareProtocol

__all__ = [
    "CareProtocol",
    "NetworkCareProtocol",
    "Honorific",
    "NetworkCoordinator",
    "NetworkIndexPage",
    "NetworkPage",
    "NetworkTopic",
]
