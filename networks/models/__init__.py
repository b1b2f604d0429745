from .pages import NetworkCareProtocol, NetworkCoordinator, NetworkIndexPage, NetworkKind, NetworkPage, NetworkTopic
from .protocols import CareProtocol

__all__ = [
    "CareProtocol",
    "NetworkCareProtocol",
    "NetworkCoordinator",
    "NetworkIndexPage",
    "NetworkKind",
    "NetworkPage",
    "NetworkTopic",
]
