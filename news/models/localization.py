from django.db.models import Exists, OuterRef, Q, Subquery


def localized_targets(queryset, links, target_field, locale):
    """The objects ``links`` point to through ``target_field``, each in ``locale`` when translated.

    Links keep pointing where the editor (or wagtail-localize's copy of the source's links)
    left them, so a translated page may link to source-language objects. Resolving them here, in
    one query, keeps the right language whatever order things were translated in. Objects keep
    the links' order; untranslated ones are shown in their own language rather than dropped.
    """
    target_keys = links.values(f"{target_field}__translation_key")
    translated_elsewhere = queryset.model._default_manager.filter(
        translation_key=OuterRef("translation_key"), locale=locale
    )
    in_locale = Q(locale=locale, translation_key__in=target_keys)
    untranslated = Q(pk__in=links.values(target_field)) & ~Exists(translated_elsewhere)
    position = links.filter(**{f"{target_field}__translation_key": OuterRef("translation_key")}).order_by("sort_order")
    return (
        # Both alternatives are among the targets' translation keys: saying so first lets the
        # database look them up by key instead of testing every row of the table against the OR.
        queryset.filter(translation_key__in=target_keys)
        .filter(in_locale | untranslated)
        .annotate(link_position=Subquery(position.values("sort_order")[:1]))
        .order_by("link_position", "pk")
    )
