"""The models Django loads for the app, from the domain packages that define them."""

from .alerts.deliveries import Announcement, Correction, Delivery
from .alerts.journalists import AdvanceNotice, Journalist
from .alerts.subscribers import Subscriber
from .awareness.links import (
    AwarenessDayDate,
    AwarenessDayKitDocument,
    AwarenessDayKitImage,
    AwarenessDayNetwork,
    AwarenessDayRelease,
    AwarenessDayTheme,
    AwarenessDayTopic,
)
from .awareness.pages import AwarenessCalendarPage, AwarenessDayPage
from .coverage.clippings import Clipping, ClippingNetwork, ClippingRelease, ClippingTopic
from .coverage.pages import CoveragePage
from .editorial.review import ReleaseReviewTask
from .experts.pages import ExpertIndexPage, ExpertLanguage, ExpertNetwork, ExpertPage, ExpertTopic
from .media.galleries import ReleaseGalleryItem
from .media.items import MediaItem
from .media.library import MediaLibraryPage
from .releases.boilerplates import Boilerplate
from .releases.contacts import PressContact
from .releases.embargo_previews import EmbargoPreviewLink
from .releases.pages import (
    PressReleaseAttachment,
    PressReleaseBoilerplate,
    PressReleaseContact,
    PressReleaseNetwork,
    PressReleasePage,
    PressReleaseTopic,
)
from .releases.press_room import PressRoomPage
from .releases.settings import PressOfficeDefaultBoilerplate, PressOfficeDefaultContact, PressOfficeSettings
from .releases.topics import Topic

__all__ = [
    "AdvanceNotice",
    "Announcement",
    "AwarenessCalendarPage",
    "Correction",
    "AwarenessDayDate",
    "AwarenessDayKitDocument",
    "AwarenessDayKitImage",
    "AwarenessDayNetwork",
    "AwarenessDayPage",
    "AwarenessDayRelease",
    "AwarenessDayTheme",
    "AwarenessDayTopic",
    "Boilerplate",
    "Clipping",
    "ClippingNetwork",
    "ClippingRelease",
    "ClippingTopic",
    "CoveragePage",
    "Delivery",
    "EmbargoPreviewLink",
    "ExpertIndexPage",
    "ExpertLanguage",
    "ExpertNetwork",
    "ExpertPage",
    "ExpertTopic",
    "Journalist",
    "MediaItem",
    "MediaLibraryPage",
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
    "ReleaseGalleryItem",
    "ReleaseReviewTask",
    "Subscriber",
    "Topic",
]
