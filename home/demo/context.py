from dataclasses import dataclass, field

from wagtail.models import Locale


@dataclass
class DemoContext:
    stdout: object
    created: list = field(default_factory=list)

    @property
    def fr(self):
        return Locale.objects.get(language_code="fr")

    @property
    def en(self):
        return Locale.objects.get(language_code="en")

    def report(self, obj):
        self.created.append(obj)
        self.stdout.write(f"  + {obj._meta.verbose_name}: {obj}")
