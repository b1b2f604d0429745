from news.models import Topic

from .translation import translate


def ensure_topic(demo, fr, en, description_fr="", description_en=""):
    """The French topic ``fr`` = (name, slug) with its English translation ``en``, created once."""
    (name_fr, slug_fr), (name_en, slug_en) = fr, en
    topic = Topic.objects.filter(locale=demo.fr, slug=slug_fr).first()
    if topic is None:
        topic = Topic.objects.create(locale=demo.fr, name=name_fr, slug=slug_fr, description=description_fr)
        demo.report(topic)
    if not topic.has_translation(demo.en):
        translate(topic, demo.en, Topic(locale=demo.en, name=name_en, slug=slug_en, description=description_en))
    return topic
