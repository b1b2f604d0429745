"""Snippet choosers whose button texts follow the editor's language.

Wagtail formats a snippet chooser's texts ("Choose topic") once, when the snippet is registered at
start-up, with no language active: a French editor would read them in English.
"""

from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext

from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.widgets import AdminSnippetChooser


def _about(text, model):
    return lazy(lambda: gettext(text) % {"object": model._meta.verbose_name}, str)()


class LocalizedSnippetChooser(AdminSnippetChooser):
    def __init__(self, model, **kwargs):
        super().__init__(model, **kwargs)
        self.choose_one_text = _about("Choose %(object)s", model)
        self.choose_another_text = _about("Choose another %(object)s", model)
        self.link_to_chosen_text = _about("Edit this %(object)s", model)


class LocalizedSnippetChooserViewSet(SnippetChooserViewSet):
    @cached_property
    def widget_class(self):
        return LocalizedSnippetChooser(model=self.model, icon=self.icon)
