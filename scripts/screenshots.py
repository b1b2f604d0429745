"""Screenshots of the running site at desktop and phone widths: `make screenshots` (server on ADDRESS).

By default every public page type of the demo content, in French and English; name other paths to
take those instead. Each shot is the whole page, named after the path and the width.
"""

import argparse
import os
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

WIDTHS = {"desktop": (1280, 800), "mobile": (375, 812)}
# One page of each public template of the demo content, in both languages.
DEFAULT_PATHS = [
    "/fr/",
    "/en/",
    "/fr/communiques/",
    "/en/press-releases/",
    "/fr/communiques/journee-mondiale-du-lupus-cri-imidiate/",
    "/en/press-releases/world-lupus-day-cri-imidiate/",
    "/fr/reseaux/",
    "/en/networks/",
    "/fr/reseaux/cri-imidiate/",
    "/en/networks/cri-imidiate/",
    "/fr/reseaux/themes/lupus-systemique/",
    "/en/networks/topics/systemic-lupus/",
    "/fr/journees-de-sensibilisation/",
    "/en/awareness-days/",
    "/fr/journees-de-sensibilisation/journee-mondiale-du-lupus/",
    "/en/awareness-days/world-lupus-day/",
    "/fr/recherche/?q=lupus",
    "/en/search/?q=lupus",
    "/fr/page-introuvable/",
    "/en/page-not-found/",
    "/fr/revue-de-presse/",
    "/en/press-coverage/",
    "/fr/accessibilite/",
    "/en/accessibility/",
    "/fr/experts/",
    "/en/experts/",
    "/fr/phototheque/",
    "/en/media-library/",
    "/fr/alerts/",
    "/en/alerts/",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    parser.add_argument("--base-url", default=f"http://{os.environ.get('ADDRESS', '127.0.0.1:8000')}")
    parser.add_argument("--out", type=Path, default=Path(".artifacts/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        for label, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for path in args.paths:
                page.goto(args.base_url + path)
                name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "root"
                target = args.out / f"{name}-{label}.png"
                page.screenshot(path=target, full_page=True)
                print(target)  # noqa: T201
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
