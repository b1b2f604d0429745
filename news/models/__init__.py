from .awareness import (
    AwarenessCalendarPage,
    AwarenessDayDate,
    AwarenessDayKitDocument,
    AwarenessDayKitImage,
    AwarenessDayNetwork,
    AwarenessDayPage,
    AwarenessDayRelease,
    AwarenessDayTheme,
    AwarenessDayTopic,
)
from .topics import Topic

__all__ = [
    "AwarenessCalendarPage",
    "AwarenessDayDate",
    "AwarenessDayKitDocument",
    "AwarenessDayKitImage",
    "AwarenessDayNetwork",
    "AwarenessDayPage",
    "AwarenessDayRelease",
    "AwarenessDayTheme",
    "AwarenessDayTopic",
    "Topic",
]
