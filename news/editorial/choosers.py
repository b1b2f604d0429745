"""Snippet choosers and listings whose button texts follow the editor's language.

Wagtail formats a snippet chooser's texts ("Choose topic") once, when the snippet is registered at
start-up, with no language active: a French editor would read them in English. And its texts are one
sentence for every model ("Add %(model_name)s"), which French cannot fill in without the model's
article and gender ("Ajouter un(e) contact presse"): a viewset may give whole sentences instead.
"""

from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext

from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.widgets import AdminSnippetChooser


def _about(text, model):
    return lazy(lambda: gettext(text) % {"object": model._meta.verbose_name}, str)()


class LocalizedSnippetChooser(AdminSnippetChooser):
    def __init__(self, model, texts=None, **kwargs):
        super().__init__(model, **kwargs)
        texts = texts or {}
        self.choose_one_text = texts.get("choose_one") or _about("Choose %(object)s", model)
        self.choose_another_text = texts.get("choose_another") or _about("Choose another %(object)s", model)
        self.link_to_chosen_text = _about("Edit this %(object)s", model)


class LocalizedSnippetChooserViewSet(SnippetChooserViewSet):
    chooser_texts = None  # {"choose_one": …, "choose_another": …}, given by a WordedSnippetViewSet

    @cached_property
    def widget_class(self):
        return LocalizedSnippetChooser(model=self.model, texts=self.chooser_texts, icon=self.icon)


class WordedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose "Add" and "Choose" buttons are sentences of their own (lazy gettext)."""

    chooser_viewset_class = LocalizedSnippetChooserViewSet
    add_item_label = None
    choose_one_text = None
    choose_another_text = None

    def get_index_view_kwargs(self, **kwargs):
        view_kwargs = super().get_index_view_kwargs(**kwargs)
        if self.add_item_label:
            view_kwargs["add_item_label"] = self.add_item_label
        return view_kwargs

    @cached_property
    def chooser_viewset(self):
        return self.chooser_viewset_class(
            self.get_chooser_admin_url_namespace(),
            model=self.model,
            url_prefix=self.get_chooser_admin_base_path(),
            icon=self.icon,
            per_page=self.chooser_per_page,
            chooser_texts={"choose_one": self.choose_one_text, "choose_another": self.choose_another_text},
            **({"page_title": self.choose_one_text} if self.choose_one_text else {}),
        )
