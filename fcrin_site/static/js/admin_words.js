// wagtail-localize's translation editor writes two texts without gettext: its menu's label for
// screen readers ("More actions") and the title of its tab ("Français to Anglais translation").
// They are put in the admin's language here, from the catalogue (locale/overrides/…/djangojs.po).
(() => {
    const { gettext, interpolate } = window.django || {};
    if (!gettext) {
        return;
    }
    const menuLabel = "More actions";
    const tabTitle = /^(.+) to (.+) translation$/;

    const translate = (root) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const changes = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.nodeValue.trim();
            if (text === menuLabel) {
                changes.push([node, gettext(menuLabel)]);
            } else if (tabTitle.test(text)) {
                const [, source, target] = text.match(tabTitle);
                changes.push([node, interpolate(gettext("%(source)s to %(target)s translation"), { source, target }, true)]);
            }
        }
        changes.forEach(([node, value]) => {
            if (node.nodeValue !== value) {
                node.nodeValue = value;
            }
        });
    };

    translate(document.body);
    new MutationObserver((mutations) => mutations.forEach((mutation) => {
        mutation.addedNodes.forEach((node) => translate(node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode));
    })).observe(document.body, { childList: true, subtree: true });
})();
