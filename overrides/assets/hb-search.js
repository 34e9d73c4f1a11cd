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
  const theme = JSON.parse(document.getElementById("__config").textContent);
  const messages = JSON.parse(document.getElementById("hb-search-config").textContent);
  const root = new URL(theme.base.replace(/\/?$/, "/"), location.href);  // the site root
  const HIGHLIGHT = "h";   // the query parameter that marks the words on the result page

  const say = (key, count) => theme.translations[key].replace("#", count);

  /* Pagefind ranks by how often a page uses the query's words (BM25) by default: a long
     page that names a complaint in passing five times outranks one with a "Bei einer
     Beschwerde" heading. Ranked by where the words stand instead (title, heading, text;
     termFrequency 0), a page about the words comes first, and the relative cut below
     (CUT) then drops the passing mentions. Measured in ARCHITECTURE.md, "Search". */
  const RANKING = { termFrequency: 0 };
  let pagefind = null;
  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(async (api) => {
        await api.options({ baseUrl: root.pathname, highlightParam: HIGHLIGHT, ranking: RANKING });
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

  /* The words a page is also found by (hooks/handbook/search.py) sit hidden between these
     two; an excerpt from them would be a list of words, so the page's own text stands in. */
  const HIDDEN = /\bhbterms\b[\s\S]*?\bhbtermsend\b/g;
  const plain = (html) => html.replace(/<[^>]*>/g, "").replace(/&[^;]+;/g, " ")
    .replace(/…/g, " ").replace(/\s+/g, " ").trim();
  const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");

  function fromHidden(page, html) {
    const hidden = (page.content.match(HIDDEN) || []).join(" ");
    const text = plain(html);
    return /\bhbterms/.test(text) || (text.length > 0 && hidden.includes(text));
  }

  /* The page's words (Pagefind's locations count them) and which of them are hidden. */
  function wordsOf(page) {
    if (!page.hbWords) {
      const words = page.content.split(/\s+/);
      let inside = false;
      const hidden = words.map((word) => {
        if (word === "hbterms") inside = true;
        const here = inside;
        if (/^hbtermsend/.test(word)) inside = false;
        return here;
      });
      page.hbWords = { words, hidden };
    }
    return page.hbWords;
  }

  /* An excerpt from the visible words between two positions of the page: around the first
     word the query matched as a whole (centred), or from the start; matched words marked. */
  function ownExcerpt(page, wanted, { from = 0, to = Infinity, centred = true } = {}) {
    const { words, hidden } = wordsOf(page);
    const shown = words.slice(from, to).filter((word, n) => !hidden[from + n] && word);
    const matches = (word) => wanted.some((term) =>
      whole(term, fold(word.replace(/[^\p{L}\p{N}-]+/gu, ""))));
    const at = centred ? Math.max(0, shown.findIndex(matches)) : 0;
    const start = Math.max(0, at - 12);
    return shown.slice(start, start + 30).map((word) => (matches(word)
      ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word))).join(" ") + " …";
  }

  /* A section's first visible words after its heading: where its hidden words matched (a
     scene's situations, a heading's synonyms: they stand right after the heading), Pagefind's
     excerpt is from them, and a scene's first sentences say what it is about. */
  function sectionExcerpt(page, section, wanted) {
    const from = section.anchor ? section.anchor.location : 0;
    const next = page.sub_results.map((s) => (s.anchor ? s.anchor.location : 0))
      .filter((at) => at > from);
    return ownExcerpt(page, wanted, {
      from: from + (section.title || "").split(/\s+/).length,
      to: next.length ? Math.min(...next) : Infinity,
      centred: false,
    });
  }

  /* A page's sections with a hit, best first, each with an excerpt of its visible text.
     Counted: hits in the visible text and in a heading's hidden words (weighed as the
     heading), not in the page's own hidden words (weight 1), which sit in its last section. */
  function sectionsOf(page, wanted) {
    const { hidden } = wordsOf(page);
    return page.sub_results.map((s) => ({
      ...s,
      hits: s.weighted_locations.filter((l) => !hidden[l.location] || l.weight > 1).length,
      // found by a heading's hidden words: a scene by its situation's name
      scene: s.weighted_locations.some((l) => hidden[l.location] && l.weight > 1),
      excerpt: fromHidden(page, s.excerpt) ? sectionExcerpt(page, s, wanted) : s.excerpt,
    })).filter((s) => s.hits).sort((a, b) => b.hits - a.hits);
  }

  function item(page, score, wanted) {
    const li = element("li", { class: "md-search-result__item" });
    const mark = marking(page);
    const title = page.meta.title || page.url;
    const sections = sectionsOf(page, wanted);
    const best = sections.shift();
    const onPage = !best || !best.url.includes("#");
    // a hit in a page's checklist card opens the page at its card (the thing to act on); a
    // section found by its heading's hidden words (a scene by its situation's name) there
    const there = !onPage && (best.url.endsWith("#hb-card-heading") || best.scene);
    const excerpt = fromHidden(page, page.excerpt) ? ownExcerpt(page, wanted) : page.excerpt;
    li.append(entry(mark(there ? best.url : page.url), title, onPage ? excerpt : "",
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

  /* Which results to show. Pagefind falls back to the longest start of a word it knows when
     a query word is not in the index ("vor" for "Vorgesetzte", "Kunden" for
     "Kundenzufriedenheit"): a page counts only where a query word matched a whole word on
     it (or a form of it: Beschwerden, Beschwerde), never a short fragment. Pages matching
     the most query words are kept, and of those the ones scoring at least CUT of the best. */
  const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
  const MIN_TERM = 3;      // shorter words (an, by, per) decide nothing
  const WHOLE = 0.6;       // share of a query word a matched word must begin with
  const CUT = 0.35;        // of the best score
  const ENDING = 2;        // letters of an ending two forms of a word may differ in
  const MIN_STEM = 4;      // letters two forms of a word share at least (fewer join too much)
  // Pagefind folds ö to o and reads oe as ö: compare the same way. After a vowel or q the
  // e is a sound of its own, not an umlaut (Quelle, Steuer, neue, Dauer): kept
  const fold = (word) => word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss").replace(/(^|[^aeiouyq])([aou])e/g, "$1$2");
  const terms = (query) => (query.match(WORD) || []).map(fold).filter((t) => t.length >= MIN_TERM);
  // the words Pagefind marked on a page, without the punctuation it marks with them ("listen.").
  // A section's hidden words (hooks/handbook/search.py) draw its excerpt to them, away from
  // the words its text matched: there, every word the section matched counts (its locations
  // are word positions in the page's text).
  const marks = (html) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);
  const marked = (page) => {
    const { words } = wordsOf(page);
    return [page.excerpt, ...page.sub_results.map((s) => s.excerpt)].flatMap(marks)
      .concat(page.sub_results.filter((s) => fromHidden(page, s.excerpt))
        .flatMap((s) => s.locations.map((at) => words[at] || "")))
      .map((word) => fold(word).replace(/[^\p{L}\p{N}-]+/gu, "")).filter(Boolean);
  };

  function common(a, b) {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
    return n;
  }
  /* The endings that make another form of the same word, in the languages whose endings
     are written down here: Pagefind's stemmer also joins words that are not forms of each
     other ("manager" with "manage", "Ausdruck" with "ausdrücklich"). Folded as the words
     are (fold). Another language keeps the rules of thumb in whole(). */
  const ENDINGS = {
    de: ["", "e", "em", "en", "end", "ende", "er", "ern", "es", "et", "n", "s", "st", "t", "te",
      "ten"],
    en: ["", "d", "e", "ed", "es", "ies", "ied", "ing", "s", "y"],
  }[document.documentElement.lang];
  const isEnding = (tail) => ENDINGS.includes(tail);
  /* Did the query word match this word of the page as a whole: the page's word goes on
     from it (Beschwerde: Beschwerden), or the two are forms of one word (listening:
     listens, zuhören: zuhört, wütender: wütend)? */
  function whole(term, word) {
    if (word.startsWith(term)) return true;
    const same = common(term, word);
    if (ENDINGS) {
      for (let stem = same; stem >= MIN_STEM; stem -= 1) {
        if (isEnding(term.slice(stem)) && isEnding(word.slice(stem))) return true;
      }
      return false;
    }
    if (term.startsWith(word)) return word.length >= WHOLE * term.length;
    return same >= 4 && same >= term.length - ENDING && word.length - same <= ENDING + 1;
  }

  /* A page with a query word in its title or a heading is about it, whatever its score:
     ranked by where the words stand, a match in one page's title would otherwise cut off
     the pages with it in a heading. (Pagefind weighs body text 1, headings more.) */
  const headed = (page) => page.weighted_locations.some((location) => location.weight > 1);

  /* A page written for other readers than staff (front matter `search: staff: false`: the
     trainers' page, the sources) names every topic of the handbook in passing, in run
     sheets and summaries: it counts only where a query word stands in its title or a
     heading, and then comes after the staff pages; where no page counts, it is judged as
     any page. (Its Pagefind weight cannot do this: that would lower its headings too.) */
  const forStaff = (page) => page.meta.staff !== "false";

  /* The results to show, and how many query words the best of them matched. */
  function choose(query, results, pages) {
    const wanted = terms(query);
    const entries = results.map((result, n) => {
      const words = marked(pages[n]);
      const hits = wanted.filter((term) => words.some((word) => whole(term, word))).length;
      return { result, page: pages[n], hits, staff: forStaff(pages[n]) };
    });
    const counted = entries.filter((entry) => entry.hits && (entry.staff || headed(entry.page)));
    const pool = counted.length ? counted : entries;
    const most = Math.max(0, ...pool.map((entry) => entry.hits));
    if (!most) return { most, chosen: [] };
    const kept = pool.filter((entry) => entry.hits === most);
    const best = Math.max(...kept.map((entry) => entry.result.score));
    const chosen = kept.filter((entry) => entry.result.score >= CUT * best || headed(entry.page));
    return { most, chosen: [...chosen.filter((e) => e.staff), ...chosen.filter((e) => !e.staff)] };
  }

  /* A German compound the index does not hold ("Kundenzufriedenheit"), asked again as its
     parts: the start Pagefind matched ("kunden") and the rest ("zufriedenheit"). */
  const LINKING_S = /(ung|heit|keit|schaft|ion|tät|tat)$/;
  function split(query, pages) {
    const words = [...new Set(pages.flatMap(marked))];
    const parts = (query.match(WORD) || []).map((original) => {
      const term = fold(original);
      if (words.some((word) => whole(term, word))) return original;
      const head = words.filter((word) => term.startsWith(word) && word.length >= 4
        && term.length - word.length >= 4).sort((a, b) => b.length - a.length)[0];
      if (!head) return original;
      let rest = term.slice(head.length);
      if (LINKING_S.test(head) && rest.startsWith("s")) rest = rest.slice(1);
      return `${head} ${rest}`;
    });
    return parts.join(" ");
  }

  let ticket = 0;           // the newest query; answers to older ones are dropped

  const loadData = (results) => Promise.all(results.map((result) => result.data()));

  function answer(text) {
    list.replaceChildren();
    meta.textContent = text;
  }

  function answered(query) {
    result.dataset.query = query;   // the query the list now answers (read by the tests)
  }

  /* The query words that decide. A word found on nearly every page ("Kunde", "customer")
     decides nothing, nor does a word no page holds as a whole (only as a fragment): with
     other words beside them, the search ranks by those alone. */
  const COMMON = 0.7;      // share of all pages
  async function informative(api, query, pages) {
    const words = query.match(WORD) || [];
    if (words.length < 2) return query;
    const seen = [...new Set(pages.flatMap(marked))];
    const all = (await api.search(null)).results.length;
    const counts = await Promise.all(words.map(async (word) =>
      word.length < MIN_TERM ? all : (await api.search(word)).results.length));
    const kept = words.filter((word, n) => counts[n] < COMMON * all
      && seen.some((seenWord) => whole(fold(word), seenWord)));
    return kept.length ? kept.join(" ") : query;
  }

  /* Asked without its accents ("Lösung" as "losung"; in German also "Loesung"): Pagefind
     ranks an exact "ö" above a typed "o" or "oe", and the relative cut would then keep
     different pages for the spellings. English keeps its "oe" and "ue" ("queue"). */
  const unaccented = (query) => (document.documentElement.lang === "de" ? fold(query)
    : query.normalize("NFD").replace(/\p{M}/gu, ""));
  async function find(api, query) {
    const found = await api.search(unaccented(query));
    const pages = await loadData(found.results);
    return { pages, ...choose(query, found.results, pages) };
  }

  async function search() {
    const mine = ++ticket;
    const query = input.value.trim();
    if (!query) {
      answer(say("search.result.placeholder"));
      answered(query);
      return;
    }
    let chosen;
    try {
      const api = await load();
      await new Promise((resolve) => { setTimeout(resolve, 120); });   // typing goes on
      if (mine !== ticket) return;   // a newer query is on its way
      const first = await find(api, query);
      // compounds the index does not hold, as parts; then only the words that decide
      const parts = split(query, first.pages);
      const second = parts === query ? first : await find(api, parts);
      const asked = await informative(api, parts, second.pages);
      const final = asked === parts ? second : await find(api, asked);
      chosen = final.most ? final.chosen : first.chosen;
    } catch (error) {
      if (mine === ticket) {
        answer(messages.unavailable);
        answered(query);
      }
      return;
    }
    if (mine !== ticket) return;
    const count = chosen.length;
    answer(count === 0 ? messages.none.replace("{query}", query)
      : count === 1 ? say("search.result.one") : say("search.result.other", count));
    chosen.forEach((entry, n) => list.append(item(entry.page, count - n, terms(input.value))));
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
