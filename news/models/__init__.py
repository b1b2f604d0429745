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
from .boilerplates import Boilerplate
from .contacts import PressContact
from .embargo_previews import EmbargoPreviewLink
from .press_room import PressRoomPage
from .releases import (
    PressReleaseAttachment,
    PressReleaseBoilerplate,
    PressReleaseContact,
    PressReleaseNetwork,
    PressReleasePage,
    PressReleaseTopic,
)
from .review import ReleaseReviewTask
from .settings import PressOfficeDefaultBoilerplate, PressOfficeDefaultContact, PressOfficeSettings
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
    "Boilerplate",
    "EmbargoPreviewLink",
    "PressContact",
    "PressOfficeDefaultBoilerplate",
    "PressOfficeDefaultContact",
    "PressOfficeSettings",
    "PressReleaseAttachment",
    "PressReleaseBoilerplate",
    "PressReleaseContact",
    "PressReleaseNetwork",
    "PressReleasePage",
    "PressReleaseTopic",
    "PressRoomPage",
    "ReleaseReviewTask",
    "Topic",
]
