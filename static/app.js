// talentdex: progressive enhancement only. Every page works without this file.
"use strict";

// Copy buttons: shown only when the clipboard is available.
document.querySelectorAll("button.copy").forEach((button) => {
  if (!navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const text = button.dataset.copy ?? new URL(button.dataset.copyUrl, location.href).href;
    try {
      await navigator.clipboard.writeText(text);
      button.dataset.done = "1";
      button.textContent = "Copied · 已复制";
    } catch {
      button.textContent = "Copy failed";
    }
  });
});

// Facets: closed in the HTML so a phone's first screen shows results; opened on wide screens.
const WIDE = window.matchMedia("(min-width: 641px)");
function openWhenWide(root) {
  if (!WIDE.matches) return;
  root.querySelectorAll("details[data-wide-open]").forEach((d) => {
    d.open = true;
  });
}
openWhenWide(document);

// Compare: changed rows are open in the HTML; on a phone they start closed, one line each.
if (!WIDE.matches) {
  document.querySelectorAll("details[data-narrow-close]").forEach((d) => {
    d.open = false;
  });
}

// Search as you type: refresh results after a pause, keeping the URL shareable.
const liveForm = document.querySelector("form[data-live]");
if (liveForm) {
  const input = liveForm.querySelector("input[name=q]");
  const results = document.getElementById("results");
  let timer = 0;
  let controller = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const params = new URLSearchParams(new FormData(liveForm));
      params.delete("offset");
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch("/search?" + params, { signal: controller.signal });
        if (!response.ok) return;
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.getElementById("results");
        if (fresh && results) {
          results.replaceChildren(...fresh.childNodes);
          openWhenWide(results);
          history.replaceState(null, "", "/search?" + params);
        }
      } catch {
        /* aborted or offline: the submit button still works */
      }
    }, 250);
  });
}
