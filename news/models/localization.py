from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Subquery, Value, When


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
        position = Subquery(position.order_by("sort_order").values("sort_order")[:1])
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
