from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce


def localized_targets(queryset, links, target_field, locale):
    """The objects ``links`` point to through ``target_field``, each in ``locale`` when translated.

    Links keep pointing where the editor (or wagtail-localize's copy of the source's links)
    left them, so a translated page may link to source-language objects. Resolving them here, in
    one query, keeps the right language whatever order things were translated in. Objects keep
    the links' order; untranslated ones are shown in their own language rather than dropped.
    """
    translated_elsewhere = queryset.model._default_manager.filter(
        translation_key=OuterRef("translation_key"), locale=locale
    )
    if isinstance(links, QuerySet):
        target_ids = links.values(target_field)
        target_keys = links.values(f"{target_field}__translation_key")
        position = links.filter(**{f"{target_field}__translation_key": OuterRef("translation_key")})
        # A link without a sort order comes first, as in memory below: the databases order NULLs apart.
        position = Coalesce(Subquery(position.order_by("sort_order").values("sort_order")[:1]), Value(0))
    else:
        # A preview's links are in memory (modelcluster), where subqueries cannot be built.
        target_ids = [
            getattr(link, f"{target_field}_id") for link in sorted(links, key=lambda link: link.sort_order or 0)
        ]
        if not target_ids:
            return queryset.none()
        key_of = dict(queryset.model._default_manager.filter(pk__in=target_ids).values_list("pk", "translation_key"))
        target_keys = [key_of[pk] for pk in target_ids if pk in key_of]
        whens = [When(translation_key=key, then=Value(order)) for order, key in enumerate(target_keys)]
        position = Case(*whens, default=Value(len(target_keys))) if whens else Value(0)
    in_locale = Q(locale=locale, translation_key__in=target_keys)
    untranslated = Q(pk__in=target_ids) & ~Exists(translated_elsewhere)
    return (
        # Both alternatives are among the targets' translation keys: saying so first lets the
        # database look them up by key instead of testing every row of the table against the OR.
        queryset.filter(translation_key__in=target_keys)
        .filter(in_locale | untranslated)
        .annotate(link_position=position)
        .order_by("link_position", "pk")
    )


class Vocabulary:
    """Every object of a shared vocabulary, to give what ``localized_targets`` gives without a query.

    ``shown`` are the objects a reader may see; ``every`` the (pk, translation key, locale id) of
    those and of any other object of their translation keys, shown or not.
    """

    def __init__(self, shown, every):
        self.shown = {obj.pk: obj for obj in shown}
        self.keys = {}
        self.translations = {}
        for pk, key, locale_id in every:
            self.keys[pk] = key
            self.translations[key, locale_id] = pk

    def localize(self, targets, locale):
        """``localized_targets`` for links given as (target id, sort order), as a list; None when a
        target is not in the vocabulary (created since it was read), for the caller to ask the database."""
        positions = {}
        found = {}
        for target_id, sort_order in targets:
            key = self.keys.get(target_id)
            if key is None:
                return None
            position = sort_order or 0
            positions[key] = min(position, positions.get(key, position))
            # The translation in ``locale`` when there is one (even one the reader may not see), else the target.
            pk = self.translations.get((key, locale), target_id)
            if pk in self.shown:
                found[pk] = key
        return sorted((self.shown[pk] for pk in found), key=lambda obj: (positions[found[obj.pk]], obj.pk))
