/* The home page's "Karte der Woche" / "Card of the week": one card of the deck, chosen by
   the ISO week (Monday to Sunday) in the reader's browser, so everyone sees the same card
   all week and the next card the week after. The deck comes from the build:
   hb-deck.json beside the home page (hooks/handbook/practice.py), in deck order. Without
   JavaScript, or if the file cannot be read, the box keeps its link to all the cards.
   The counting is shared as window.hbDeck with the card of the day (hb-day.js). */
(function () {
  "use strict";

  var DAY = 24 * 60 * 60 * 1000;
  var FIRST_MONDAY = Date.UTC(1970, 0, 5);   // weeks are counted from this Monday

  /* Weeks since 5 January 1970 up to the Monday of today's ISO week (local date). */
  function weekNumber(today) {
    var day = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
    var monday = day - ((today.getDay() + 6) % 7) * DAY;
    return Math.round((monday - FIRST_MONDAY) / (7 * DAY));
  }

  /* Days since 1 January 1970 up to today's local date: one number a calendar day. */
  function dayNumber(today) {
    return Math.round(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) / DAY);
  }

  /* The place in a deck of `size` cards for a week or day number, round and round. */
  function place(size, number) {
    return ((number % size) + size) % size;
  }

  /* Shared with the card of the day (hb-day.js), which counts days the same way. */
  window.hbDeck = { weekNumber: weekNumber, dayNumber: dayNumber, place: place };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function show(box, deck) {
    if (!Array.isArray(deck) || !deck.length) return;
    var card = deck[weekNumber(new Date()) % deck.length];
    var link = element("a", "hb-week-title", card.title);
    link.href = new URL(card.url + "#hb-card-heading", document.baseURI).href;  // the card itself
    var heading = element("p", "hb-week-card");
    heading.appendChild(element("span", "hb-week-kind", card.kind));
    heading.appendChild(link);
    var fallback = box.querySelector(".hb-week-fallback");
    var place = fallback ? fallback.closest("p") : null;
    box.insertBefore(heading, place);
    box.insertBefore(element("p", "hb-week-principle", card.principle), place);
    box.setAttribute("data-hb-card", card.id);
  }

  var box = document.querySelector(".hb-week");
  if (!box || !window.fetch) return;
  window.fetch(new URL("hb-deck.json", document.baseURI).href)
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (deck) { show(box, deck); })
    .catch(function () { /* offline copy or no deck: the link to all cards stays */ });
})();
