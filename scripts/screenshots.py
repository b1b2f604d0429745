"""Screenshots of the running site at desktop and phone widths: `make screenshots` (server on ADDRESS)."""

import argparse
import os
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

WIDTHS = {"desktop": 1280, "mobile": 375}
DEFAULT_PATHS = ["/fr/", "/en/", "/fr/page-introuvable/"]


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
        for label, width in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": 900})
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
