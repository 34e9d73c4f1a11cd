/* The header search box, answered by Pagefind (hooks/search_index.py builds its index).
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
  const list = document.querySelector(".md-search-result__list");
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

  function item(page, score) {
    const li = element("li", { class: "md-search-result__item" });
    const title = page.meta.title || page.url;
    const sections = [...page.sub_results]
      .sort((a, b) => b.locations.length - a.locations.length);
    const best = sections.shift();
    const onPage = !best || !best.url.includes("#");
    li.append(entry(page.url, title, onPage ? page.excerpt : "", { parent: true, score }));
    const more = sections.filter((section) => section.url.includes("#"));
    if (!onPage) li.append(entry(best.url, best.title, best.excerpt));
    if (more.length) {
      const details = element("details", { class: "md-search-result__more" });
      const summary = element("summary", { tabindex: "-1" });
      summary.append(element("div", {}, more.length === 1
        ? say("search.result.more.one") : say("search.result.more.other", more.length)));
      details.append(summary, ...more.map((s) => entry(s.url, s.title, s.excerpt)));
      li.append(details);
    }
    return li;
  }

  let ticket = 0;           // the newest query; answers to older ones are dropped
  let observer = null;

  async function show(query, results, from, mine) {
    const pages = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
    if (mine !== ticket) return;
    pages.forEach((page, n) => list.append(item(page, results.length - from - n)));
    if (from + PAGE < results.length) {
      const rest = element("li", { class: "hb-search-more", "aria-hidden": "true" });
      list.append(rest);
      observer = new IntersectionObserver((seen) => {
        if (!seen.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        rest.remove();
        show(query, results, from + PAGE, mine);
      }, { root: scrollwrap });
      observer.observe(rest);
    }
  }

  async function search() {
    const mine = ++ticket;
    const query = input.value.trim();
    if (observer) observer.disconnect();
    if (!query) {
      list.replaceChildren();
      meta.textContent = say("search.result.placeholder");
      return;
    }
    let found;
    try {
      found = await (await load()).debouncedSearch(query, {}, 120);
    } catch (error) {
      list.replaceChildren();
      meta.textContent = messages.unavailable;
      return;
    }
    if (found === null || mine !== ticket) return;   // a newer query is on its way
    list.replaceChildren();
    const count = found.results.length;
    meta.textContent = count === 0 ? messages.none.replace("{query}", query)
      : count === 1 ? say("search.result.one") : say("search.result.other", count);
    await show(query, found.results, 0, mine);
  }

  meta.textContent = say("search.result.placeholder");
  input.addEventListener("focus", () => { load().catch(() => {}); }, { once: true });
  input.addEventListener("input", search);
  form.addEventListener("reset", () => setTimeout(search));
  if (input.value) search();   // a query typed before this script ran

  /* On a page opened from a result: mark the searched words in the article. */
  if (new URLSearchParams(location.search).get(HIGHLIGHT)) {
    import(new URL("pagefind/pagefind-highlight.js", root).href)
      .then(() => new window.PagefindHighlight({ highlightParam: HIGHLIGHT, addStyles: false }))
      .catch(() => {});
  }
})();
