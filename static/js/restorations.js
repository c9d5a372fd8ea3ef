// The restorers' search (search/templates/search/restorations.html): filters apply as they change.
//
// Progressive enhancement only: without this script the form works as it is, with its
// "Apply filters" button. With it, a changed filter fetches the same page with the form's
// parameters, and the filters' panel, its summary and the results are replaced by the new
// ones; the address follows (Back returns to the previous filters), focus stays on the
// control that had it, and a status message says how many records match.
// Served from the site (Content-Security-Policy: script-src 'self'); no inline code.
(function () {
  "use strict";

  const form = document.querySelector("form.rsearch");
  const filters = document.getElementById("rsearch-filters");
  const status = document.getElementById("rsearch-status");
  if (!form || !filters || !status || !window.fetch || !window.DOMParser) return;

  // Wide screens show the filters as a column (site.css): keep the disclosure open there.
  const wide = window.matchMedia("(min-width: 50rem)");
  const followWidth = () => {
    if (wide.matches) filters.open = true;
  };
  followWidth();
  wide.addEventListener("change", followWidth);
  filters.querySelector("summary").addEventListener("click", (event) => {
    if (wide.matches) event.preventDefault();
  });

  let pending = null;
  let timer = 0;

  function addressOf() {
    const url = new URL(form.action, window.location.href);
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "") url.searchParams.append(name, value);
    }
    return url;
  }

  // The control that has focus, described so that its twin can be found in the new markup.
  function focusKey() {
    const element = document.activeElement;
    if (!element || !form.contains(element)) return null;
    if (element.name) return { name: element.name, value: element.type === "checkbox" ? element.value : null };
    if (element.id) return { id: element.id };
    return null;
  }

  function focusAgain(key) {
    if (!key) return;
    let element = null;
    if (key.id) {
      element = document.getElementById(key.id);
    } else {
      const all = form.querySelectorAll(`[name="${CSS.escape(key.name)}"]`);
      element = Array.from(all).find((candidate) => key.value === null || candidate.value === key.value) || null;
    }
    if (element) element.focus({ preventScroll: true });
  }

  function swap(doc) {
    const openMore = new Set(
      Array.from(filters.querySelectorAll("details.facet__more[open]"), (details) => details.dataset.facet),
    );
    const key = focusKey();
    const heading = doc.getElementById("rsearch-results");
    const said = heading ? heading.textContent.trim() : "";
    for (const selector of ["#rsearch-panel", "#rsearch-filters > summary", "#rsearch-answer"]) {
      const now = document.querySelector(selector);
      const next = doc.querySelector(selector);
      if (now && next) now.replaceWith(document.adoptNode(next));
    }
    const query = doc.getElementById("rsearch-q");
    if (query) document.getElementById("rsearch-q").value = query.value;
    for (const details of filters.querySelectorAll("details.facet__more")) {
      if (openMore.has(details.dataset.facet)) details.open = true;
    }
    focusAgain(key);
    filters.querySelector("summary").addEventListener("click", (event) => {
      if (wide.matches) event.preventDefault();
    });
    status.textContent = said;
  }

  async function load(url, remember) {
    if (pending) pending.abort();
    pending = new AbortController();
    const answer = document.getElementById("rsearch-answer");
    answer.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, { headers: { Accept: "text/html" }, signal: pending.signal });
      if (!response.ok) {
        // A bad value (400) or the search server down (503): the page explains it in full.
        window.location.assign(url);
        return;
      }
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      if (remember) window.history.pushState({ rsearch: true }, "", url);
      swap(doc);
    } catch (error) {
      if (error.name !== "AbortError") window.location.assign(url);
    } finally {
      answer.removeAttribute("aria-busy");
    }
  }

  filters.addEventListener("change", (event) => {
    const control = event.target;
    if (!control.name || (control.checkValidity && !control.checkValidity())) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => load(addressOf(), true), 150);
  });

  window.addEventListener("popstate", () => load(new URL(window.location.href), false));
})();
