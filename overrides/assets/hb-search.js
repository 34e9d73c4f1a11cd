/* The header search box, answered by Pagefind (hooks/handbook/search.py builds its index).
 *
 * The theme's own JavaScript still opens and closes the search dialog, focuses it on "/"
 * or "s", moves through the results with the arrow keys and follows the best one on
 * Enter; this file only fills the result list, in the theme's markup. Pagefind loads the
 * index of the page's <html lang>, so results are always in the language being read.
 * Every file comes from this site, also when it is served below a sub-path.
 */
(() => {
  "use strict";

  const form = document.forms.namedItem("hb-search");
  if (!form) return;
  const input = form.querySelector(".md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  const result = document.querySelector(".md-search-result");
  const list = result.querySelector(".md-search-result__list");
  const scrollwrap = document.querySelector(".md-search__scrollwrap");
  const theme = JSON.parse(document.getElementById("__config").textContent);
  const messages = JSON.parse(document.getElementById("hb-search-config").textContent);
  const root = new URL(theme.base.replace(/\/?$/, "/"), location.href);  // the site root
  const HIGHLIGHT = "h";   // the query parameter that marks the words on the result page
  const PAGE = 10;         // results loaded at a time; more as the list is scrolled

  const say = (key, count) => theme.translations[key].replace("#", count);

  let pagefind = null;
  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(async (api) => {
        await api.options({ baseUrl: root.pathname, highlightParam: HIGHLIGHT });
        await api.init();
        return api;
      });
      pagefind.catch(() => { pagefind = null; });
    }
    return pagefind;
  }

  function element(tag, attributes = {}, text = null) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== null) node.textContent = text;
    return node;
  }

  /* One page or section, as the theme renders it; Pagefind's excerpts are HTML-escaped
     text with <mark> around the hits. */
  function entry(url, title, excerpt, { parent = false, score = 0 } = {}) {
    const link = element("a", { href: url, class: "md-search-result__link", tabindex: "-1" });
    const article = element("article", {
      class: "md-search-result__article md-typeset", "data-md-score": String(score) });
    if (parent) article.append(element("div", { class: "md-search-result__icon md-icon" }));
    article.append(element(parent ? "h1" : "h2", {}, title));
    if (excerpt) {
      const teaser = element("p");
      teaser.innerHTML = excerpt;
      article.append(teaser);
    }
    link.append(article);
    return link;
  }

  /* The forms of the words Pagefind matched on a page ("Beschwerde" for "Beschwerden"),
     added to its links so that the page opened from a result marks all of them. */
  function marking(page) {
    const words = new Set([page.excerpt, ...page.sub_results.map((s) => s.excerpt)]
      .flatMap((html) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)])
      .map((match) => match[1].toLowerCase().replace(/[^\p{L}\p{N}-]+/gu, ""))
      .filter(Boolean));
    return (url) => {
      const target = new URL(url, location.href);
      const terms = new Set([...target.searchParams.getAll(HIGHLIGHT), ...words]);
      target.searchParams.delete(HIGHLIGHT);
      terms.forEach((term) => target.searchParams.append(HIGHLIGHT, term));
      return target.pathname + target.search + target.hash;
    };
  }

  function item(page, score) {
    const li = element("li", { class: "md-search-result__item" });
    const mark = marking(page);
    const title = page.meta.title || page.url;
    const sections = [...page.sub_results]
      .sort((a, b) => b.locations.length - a.locations.length);
    const best = sections.shift();
    const onPage = !best || !best.url.includes("#");
    // a hit in a page's checklist card opens the page at its card (the thing to act on)
    const atCard = !onPage && best.url.endsWith("#hb-card-heading");
    li.append(entry(mark(atCard ? best.url : page.url), title, onPage ? page.excerpt : "",
      { parent: true, score }));
    const more = sections.filter((section) => section.url.includes("#"));
    if (!onPage) li.append(entry(mark(best.url), best.title, best.excerpt));
    if (more.length) {
      const details = element("details", { class: "md-search-result__more" });
      const summary = element("summary", { tabindex: "-1" });
      summary.append(element("div", {}, more.length === 1
        ? say("search.result.more.one") : say("search.result.more.other", more.length)));
      details.append(summary, ...more.map((s) => entry(mark(s.url), s.title, s.excerpt)));
      li.append(details);
    }
    return li;
  }

  let ticket = 0;           // the newest query; answers to older ones are dropped
  let observer = null;

  const loadData = (results, from) =>
    Promise.all(results.slice(from, from + PAGE).map((result) => result.data()));

  /* Append one batch of result pages; a last, empty item loads the next batch when it
     is scrolled into view. */
  function append(results, from, pages, mine) {
    pages.forEach((page, n) => list.append(item(page, results.length - from - n)));
    if (from + PAGE >= results.length) return;
    const rest = element("li", { class: "hb-search-more", "aria-hidden": "true" });
    list.append(rest);
    observer = new IntersectionObserver(async (seen) => {
      if (!seen.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      const next = await loadData(results, from + PAGE);
      if (mine !== ticket) return;
      rest.remove();
      append(results, from + PAGE, next, mine);
    }, { root: scrollwrap, rootMargin: "0px 0px 300px 0px" });   // a little ahead
    observer.observe(rest);
  }

  function answer(text) {
    list.replaceChildren();
    meta.textContent = text;
  }

  function answered(query) {
    result.dataset.query = query;   // the query the list now answers (read by the tests)
  }

  async function search() {
    const mine = ++ticket;
    const query = input.value.trim();
    if (observer) observer.disconnect();
    if (!query) {
      answer(say("search.result.placeholder"));
      answered(query);
      return;
    }
    let found;
    try {
      found = await (await load()).debouncedSearch(query, {}, 120);
    } catch (error) {
      if (mine === ticket) {
        answer(messages.unavailable);
        answered(query);
      }
      return;
    }
    if (found === null || mine !== ticket) return;   // a newer query is on its way
    const pages = await loadData(found.results, 0);
    if (mine !== ticket) return;
    const count = found.results.length;
    answer(count === 0 ? messages.none.replace("{query}", query)
      : count === 1 ? say("search.result.one") : say("search.result.other", count));
    append(found.results, 0, pages, mine);
    answered(query);
  }

  meta.textContent = say("search.result.placeholder");
  input.addEventListener("focus", () => { load().catch(() => {}); }, { once: true });
  input.addEventListener("input", search);
  form.addEventListener("reset", () => setTimeout(search));
  if (input.value) search();   // a query typed before this script ran

  /* On a page opened from a result: mark the searched words in the article. */
  if (new URLSearchParams(location.search).get(HIGHLIGHT)) {
    import(new URL("pagefind/pagefind-highlight.js", root).href)
      .then(() => new window.PagefindHighlight({
        highlightParam: HIGHLIGHT,
        addStyles: false,   // the theme styles <mark>; an inline <style> needs a CSP exception
        markOptions: {      // whole words only, so "complaint" is not marked inside "complaints"
          className: "pagefind-highlight",
          accuracy: { value: "exactly", limiters: [...".,;:!?()[]\"'„“”‚‘’«»–—…/"] },
        },
      }))
      .catch(() => {});
  }
})();
