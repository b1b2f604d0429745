"""The demo steps' translation helper; it lives in ``news`` so that the reusable apps can use it too."""

from news.editorial.translation import TranslationShapeError, translate

DemoTranslationError = TranslationShapeError

__all__ = ["DemoTranslationError", "TranslationShapeError", "translate"]
