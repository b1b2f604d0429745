"""Demo content for the F-CRIN press office, in French with English translations.

Each step is a function taking a :class:`DemoContext`; later features append their own step
to ``STEPS`` in the order their content depends on each other.
"""

from . import awareness, coverage, experts, legal, media, networks, press, site

STEPS = [
    site.load,
    networks.load,
    # Before the releases: the lupus release's quotes name an expert of the directory.
    experts.load,
    press.load,
    awareness.load,
    # Lists the releases on their awareness days: keep it after the awareness days step.
    press.link_awareness_days,
    coverage.load,
    # After the networks and releases whose galleries it fills.
    media.load,
    legal.load,
]
