/* Small reading aids on every page:
   - printing: each link in the page's text carries its full address, which the print
     stylesheet (handbook.css) writes after the link;
   - the 404 page: "search the handbook" opens the header's search box. */
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

  printTargets();
  searchLinks();
})();
