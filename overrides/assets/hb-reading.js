/* Small reading aids on every page:
   - printing: each link in the page's text carries its full address, which the print
     stylesheet (handbook.css) writes after the link;
   - the 404 page: "search the handbook" opens the header's search box;
   - the language switch keeps your place: the section you are reading is carried over as
     its number among the page's headings (a page and its translation have the same
     sections in the same order, with different anchors), and the other page scrolls to it. */
(function () {
  "use strict";

  function printTargets() {
    document.querySelectorAll(".md-content article a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#" || link.classList.contains("headerlink") ||
          link.classList.contains("md-content__button") || link.classList.contains("hb-suggest") || !/^(https?:|[^:]*$)/.test(href)) return;
      link.setAttribute("data-hb-target", link.href);
    });
  }

  function searchLinks() {
    document.querySelectorAll("a.hb-open-search").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var toggle = document.getElementById("__search");
        var input = document.querySelector(".md-search__input");
        if (!toggle || !input) return;          // no search box: follow the link home
        event.preventDefault();
        toggle.checked = true;
        toggle.dispatchEvent(new Event("change"));
        input.focus();
      });
    });
  }

  var SECTION = /^#hb-section-(\d+)$/;

  function headings() {
    return Array.prototype.slice.call(
      document.querySelectorAll(".md-content article :is(h2, h3)[id]"));
  }

  /* The number of the heading the reader has scrolled past last; -1 at the page's top. */
  function currentSection() {
    var list = headings();
    var named = list.findIndex(function (heading) { return "#" + heading.id === location.hash; });
    // the reading line: just below the header, where a heading scrolled to the top stops
    // (the theme's scroll margin keeps it clear of the header)
    var header = document.querySelector(".md-header");
    var margin = list.length ? parseFloat(getComputedStyle(list[0]).scrollMarginTop) || 0 : 0;
    var line = Math.max(header ? header.offsetHeight : 0, margin) + 8;
    var passed = -1;
    list.forEach(function (heading, index) {
      if (heading.getBoundingClientRect().top <= line) passed = index;
    });
    if (named !== -1 && Math.abs(list[named].getBoundingClientRect().top - line) < window.innerHeight / 2) {
      return named;
    }
    return passed;
  }

  function languageLinks() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var index = currentSection();
        if (index < 0 || link.hreflang === document.documentElement.lang) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        // The theme's own handler (on the body) would go to the page's top: not this time.
        event.preventDefault();
        event.stopPropagation();
        location.href = link.href.split("#")[0] + "#hb-section-" + index;
      });
    });
  }

  function arriveAtSection() {
    var match = SECTION.exec(location.hash);
    if (!match) return;
    var heading = headings()[Number(match[1])];
    if (!heading) return;
    history.replaceState(null, "", "#" + heading.id);
    heading.scrollIntoView({ behavior: "instant" });
  }

  printTargets();
  searchLinks();
  languageLinks();
  arriveAtSection();
})();
