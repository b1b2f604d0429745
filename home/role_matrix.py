"""What each editorial role may do to each kind of object in the admin, written once.

Wagtail's group permissions (``home.roles``) give the rights to edit and publish pages, to upload
images and documents, to edit snippets; they cannot withhold what comes with them: "change" lets a
writer delete a draft, "publish" lets a publisher delete, move or unpublish any page below the
section, the section included, and changing an image or a document lets its holder delete it, even
when published releases show it. The tables below say who may; ``tests/test_role_matrix.py`` asks
every cell through the admin. Administrators (superusers) may do everything.

Where each table is enforced:

- pages: ``RoleMatrixRules``, the page permission tester of every page type
  (``NEWS_PAGE_PERMISSION_RULES``), so the admin neither offers (buttons, "more" menus, the
  editor's action menu, bulk actions) nor performs what a cell refuses; ``home.wagtail_hooks``
  refuses it again before Wagtail deletes, moves or unpublishes;
- files: ``home.admin_urls`` (the delete views) and ``home.wagtail_hooks`` (bulk deletion); a file is
  "in use" when Wagtail's reference index lists a use of it (its "Usage" tab);
- admin: reports by ``fcrin_site.middleware.ReportsByRoleMiddleware`` and ``construct_reports_menu``;
  the press releases listing by ``news.editorial.permissions.may_list_releases`` (rights on a press
  room); the page chooser by the embargo rule (``news.releases.permissions``);
- snippets, translation and e-mail alerts: the groups' model permissions (``home.roles``).
"""

from django.conf import settings

from wagtail.images.models import AbstractImage
from wagtail.models import ReferenceIndex

from .roles import EMBARGO_TRANSLATORS, PUBLISHERS, TRANSLATORS, WRITERS

PAGE_KINDS = {
    "home.homepage": "home",
    "news.pressroompage": "press_room",
    "news.pressreleasepage": "release",
    "networks.networkindexpage": "network_index",
    "networks.networkpage": "network_page",
    "news.awarenesscalendarpage": "calendar",
    "news.awarenessdaypage": "awareness_day",
    "news.expertindexpage": "expert_index",
    "news.expertpage": "expert",
    "news.coveragepage": "coverage",
    "news.medialibrarypage": "media_library",
}
ROLE_GROUPS = {WRITERS: "writer", PUBLISHERS: "publisher", TRANSLATORS: "translator", EMBARGO_TRANSLATORS: "translator"}
# The pages a correspondent meets are their own network's: Wagtail's page permissions hold them there.
CORRESPONDENT = "correspondent"
ROLE_NAMES = ["writer", "publisher", "translator", CORRESPONDENT]

# The French pages (the translators' English pages follow the same rows but for "edit").
PAGES = """
role           kind           edit unpublish delete move
writer         home           no   no        no     no
writer         press_room     yes  no        no     no
writer         release        yes  no        no     no
writer         network_index  yes  no        no     no
writer         network_page   yes  no        no     no
writer         calendar       yes  no        no     no
writer         awareness_day  yes  no        no     no
writer         expert_index   yes  no        no     no
writer         expert         yes  no        no     no
writer         coverage       yes  no        no     no
writer         media_library  yes  no        no     no
publisher      home           no   no        no     no
publisher      press_room     yes  no        no     no
publisher      release        yes  yes       no     no
publisher      network_index  yes  no        no     no
publisher      network_page   yes  yes       no     no
publisher      calendar       yes  no        no     no
publisher      awareness_day  yes  yes       no     no
publisher      expert_index   yes  no        no     no
publisher      expert         yes  yes       no     no
publisher      coverage       yes  no        no     no
publisher      media_library  yes  no        no     no
translator     home           no   no        no     no
translator     press_room     no   no        no     no
translator     release        no   no        no     no
translator     network_index  no   no        no     no
translator     network_page   no   no        no     no
translator     calendar       no   no        no     no
translator     awareness_day  no   no        no     no
translator     expert_index   no   no        no     no
translator     expert         no   no        no     no
translator     coverage       no   no        no     no
translator     media_library  no   no        no     no
correspondent  home           no   no        no     no
correspondent  press_room     no   no        no     no
correspondent  release        no   no        no     no
correspondent  network_index  no   no        no     no
correspondent  network_page   yes  no        no     no
correspondent  calendar       no   no        no     no
correspondent  awareness_day  no   no        no     no
correspondent  expert_index   no   no        no     no
correspondent  expert         no   no        no     no
correspondent  coverage       no   no        no     no
correspondent  media_library  no   no        no     no
"""

# Images and documents. A wrong upload may be taken back; a file that a page or a snippet uses
# (a published release, its press kit, a draft in review) is deleted by an administrator only.
FILES = """
role           kind             upload delete
writer         image            yes    yes
writer         image_in_use     yes    no
writer         document         yes    yes
writer         document_in_use  yes    no
publisher      image            yes    yes
publisher      image_in_use     yes    no
publisher      document         yes    yes
publisher      document_in_use  yes    no
translator     image            no     no
translator     image_in_use     no     no
translator     document         no     no
translator     document_in_use  no     no
correspondent  image            no     no
correspondent  image_in_use     no     no
correspondent  document         no     no
correspondent  document_in_use  no     no
"""

SNIPPETS = """
role           kind           add  edit delete
writer         topic          yes  yes  no
writer         press_contact  yes  yes  no
writer         boilerplate    yes  yes  no
writer         care_protocol  yes  yes  no
writer         clipping       yes  yes  no
writer         media_item     yes  yes  no
publisher      topic          yes  yes  yes
publisher      press_contact  yes  yes  yes
publisher      boilerplate    yes  yes  yes
publisher      care_protocol  yes  yes  yes
publisher      clipping       yes  yes  yes
publisher      media_item     yes  yes  yes
translator     topic          no   no   no
translator     press_contact  no   no   no
translator     boilerplate    no   no   no
translator     care_protocol  no   no   no
translator     clipping       no   no   no
translator     media_item     no   no   no
correspondent  topic          no   no   no
correspondent  press_contact  no   no   no
correspondent  boilerplate    no   no   no
correspondent  care_protocol  no   no   no
correspondent  clipping       no   no   no
correspondent  media_item     no   no   no
"""

# reports: every report of the Reports menu (Wagtail's, wagtail-localize's, the translation status).
# releases_listing: the "Press releases" listing. page_chooser: a release under embargo is listed in
# the page chooser (the "translator" row is a translator without the embargo clearance,
# ``NEWS_EMBARGO_CLEARED_GROUPS``). translation: wagtail-localize's Translate and Sync actions on a
# French page. alerts: the e-mail alerts' screens (subscribers, send log, accredited journalists,
# advance notices), which hold readers' and journalists' addresses and send in the office's name.
ADMIN = """
role           kind              open translate sync
writer         reports           no   -         -
writer         releases_listing  yes  -         -
writer         page_chooser      yes  -         -
writer         translation       -    no        no
writer         alerts            no   -         -
publisher      reports           yes  -         -
publisher      releases_listing  yes  -         -
publisher      page_chooser      yes  -         -
publisher      translation       -    yes       yes
publisher      alerts            yes  -         -
translator     reports           no   -         -
translator     releases_listing  yes  -         -
translator     page_chooser      no   -         -
translator     translation       -    no        no
translator     alerts            no   -         -
correspondent  reports           no   -         -
correspondent  releases_listing  no   -         -
correspondent  page_chooser      no   -         -
correspondent  translation       -    no        no
correspondent  alerts            no   -         -
"""


def parse_matrix(text):
    """``{(role, kind): {action: bool}}`` of a table; "-" marks an action that does not apply."""
    header, *rows = (line.split() for line in text.strip().splitlines())
    if header[:2] != ["role", "kind"]:
        raise ValueError(f"A table starts with role and kind, not {header[:2]}")
    cells = {}
    for role, kind, *answers in rows:
        if role not in ROLE_NAMES or answers.count("yes") + answers.count("no") + answers.count("-") != len(answers):
            raise ValueError(f"Unknown role or answer in the row {role} {kind} {answers}")
        cells[(role, kind)] = {
            action: answer == "yes" for action, answer in zip(header[2:], answers, strict=True) if answer != "-"
        }
    return cells


TABLES = {"pages": PAGES, "files": FILES, "snippets": SNIPPETS, "admin": ADMIN}
CELLS = {cell: actions for table in TABLES.values() for cell, actions in parse_matrix(table).items()}


def correspondents_prefix():
    return getattr(settings, "NETWORKS_CORRESPONDENTS_GROUP_NAME", "").split("{", 1)[0]


def roles_of(user):
    """The roles of ``user``'s groups, read once per user object (an admin listing asks for each row)."""
    if not hasattr(user, "_role_matrix_roles"):
        names = set(user.groups.values_list("name", flat=True))
        roles = {ROLE_GROUPS[name] for name in names if name in ROLE_GROUPS}
        prefix = correspondents_prefix()
        if prefix and any(name.startswith(prefix) for name in names):
            roles.add(CORRESPONDENT)
        user._role_matrix_roles = roles
    return user._role_matrix_roles


def allows(user, action, kind):
    """Whether the matrix lets ``user`` do ``action`` to an object of ``kind``; Wagtail's permissions still apply."""
    if user.is_active and user.is_superuser:
        return True
    return any(CELLS.get((role, kind), {}).get(action, False) for role in roles_of(user))


def page_kind(page):
    content_type = page.cached_content_type
    return PAGE_KINDS.get(f"{content_type.app_label}.{content_type.model}")


def allows_on_page(user, action, page):
    return allows(user, action, page_kind(page))


class RoleMatrixRules:
    """The page table over a ``PagePermissionTester``: what Wagtail's tester allows and the matrix too."""

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and allows_on_page(self.user, "delete", self.page)

    def can_move(self):
        return super().can_move() and allows_on_page(self.user, "move", self.page)

    def can_unpublish(self):
        return super().can_unpublish() and allows_on_page(self.user, "unpublish", self.page)


def file_kind(obj):
    """``image`` or ``document``, with ``_in_use`` when the reference index lists a use of it."""
    kind = "image" if isinstance(obj, AbstractImage) else "document"
    return f"{kind}_in_use" if ReferenceIndex.get_references_to(obj).exists() else kind
