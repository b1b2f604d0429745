// The lay summary's words per sentence, counted as the editor types, as news/releases/readability.py counts them.
(() => {
  const WORD = /[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*/gu;

  const lengths = (text) =>
    text
      .split(/(?<=[.!?…])\s+/u)
      .map((sentence) => (sentence.match(WORD) || []).length)
      .filter((count) => count > 0);

  const follow = (hint) => {
    const input = document.getElementById(hint.dataset.readabilityInput);
    if (!input) return;
    const limit = Number(hint.dataset.readabilityLimit);
    const counts = hint.querySelector("[data-readability-counts]");
    const warning = hint.querySelector("[data-readability-warning]");
    input.addEventListener("input", () => {
      const found = lengths(input.value);
      counts.textContent = found.length ? found.join(" · ") : "–";
      warning.hidden = !found.some((count) => count > limit);
    });
  };

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-readability]").forEach(follow);
  });
})();
