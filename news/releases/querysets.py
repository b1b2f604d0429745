from django.apps import apps
from django.db.models import Exists, OuterRef

from wagtail.query import PageQuerySet

from .. import visibility


class PressReleaseQuerySet(PageQuerySet):
    def published(self):
        """The releases the public may see (``news.visibility``): live, public, and past their source's embargo."""
        return visibility.public(self)

    def with_source_status(self):
        """Annotates ``source_live_flag``: whether the source page is public (its embargo has lifted);
        aliases ``source_locale_id``."""
        withheld = visibility.withheld_source_pages().filter(translation_key=OuterRef("translation_key"))
        return self.alias(source_locale_id=visibility.source_locale_id()).annotate(source_live_flag=~Exists(withheld))

    def newest_first(self):
        return self.order_by("-release_date", "-first_published_at", "-pk")

    # Filtered by an IN list of the links' page ids, not an EXISTS per release: the database starts
    # from the topic's or network's links instead of visiting the whole archive.
    def with_topic(self, topic):
        """Releases about ``topic`` in any language: links may point to another language's copy."""
        links = apps.get_model("news", "PressReleaseTopic").objects.filter(topic__translation_key=topic.translation_key)
        return self.filter(pk__in=links.values("page_id"))

    def with_network(self, network):
        links = apps.get_model("news", "PressReleaseNetwork").objects.filter(
            network__translation_key=network.translation_key
        )
        return self.filter(pk__in=links.values("page_id"))
