// The Embargo panel's sentence follows the go-live date as it is typed or picked: the server words it
// (news.editorial.embargo_sentence), in the editor's language, with what it knows of the translations.
// The status side panel's "Set schedule" and "Edit schedule" open Wagtail's schedule dialog, which
// releases do without: they lead to the Embargo panel instead, as both are the same go-live date.
(() => {
  const SCHEDULE_BUTTON = '[data-a11y-dialog-show="schedule-publishing-dialog"]';

  const goToField = (input) => {
    const tab = input.closest('[role="tabpanel"]');
    if (tab && tab.hidden) document.getElementById(tab.getAttribute("aria-labelledby"))?.click();
    // After the tab has switched, which moves the focus to the tab itself.
    setTimeout(() => {
      input.scrollIntoView({ block: "center" });
      input.focus();
    });
  };

  const follow = (sentence) => {
    const input = document.getElementById(sentence.dataset.embargoInput);
    if (!input) return;
    let timer;
    let asked = 0;
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const question = ++asked;
        const url = new URL(sentence.dataset.embargoUrl, window.location.href);
        url.searchParams.set("go_live_at", input.value);
        const response = await fetch(url, { headers: { Accept: "application/json" } });
        if (!response.ok || question !== asked) return;
        const { lines } = await response.json();
        sentence.replaceChildren(
          ...lines.map((line) => {
            const paragraph = document.createElement("p");
            paragraph.textContent = line;
            return paragraph;
          }),
        );
      }, 200);
    };
    input.addEventListener("input", update);
    input.addEventListener("change", update);
    if (!document.getElementById("schedule-publishing-dialog")) {
      document.addEventListener("click", (event) => {
        if (event.target.closest(SCHEDULE_BUTTON)) goToField(input);
      });
    }
  };
  const start = () => document.querySelectorAll("[data-embargo-sentence]").forEach(follow);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
