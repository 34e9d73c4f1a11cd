/* "Karte des Tages" / "Card of the day", the break-room screen (hooks/handbook/daily.py,
   partials/hb-day.html): of the deck's cards on the page, it shows the one for the reader's
   local date, counted with the card of the week's day counter (hb-week.js, window.hbDeck),
   so that every screen shows the same card on one day and the next card the day after,
   without a new build. The buttons, the arrow keys and Page Up / Page Down (what a
   presentation remote sends) browse; Home goes back to the day's card. Left open, the screen
   moves on to the new day's card after midnight. On a wide screen the card is fitted to
   the window, so that a TV never needs scrolling. Without JavaScript every card stays. */
(function () {
  "use strict";

  var screen = document.querySelector("[data-hb-day]");
  var deck = window.hbDeck;
  if (!screen || !deck) return;
  var cards = Array.prototype.slice.call(screen.querySelectorAll("[data-hb-day-card]"));
  if (!cards.length) return;

  var WIDE = window.matchMedia("(min-width: 60em) and (min-aspect-ratio: 4/3)");
  var SMALLEST = 0.6;  // the fitted type never shrinks below this share of its size
  var today = deck.dayNumber(new Date());
  var shown = today;  // the day number whose card is on screen

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  /* A wide screen shows the card without scrolling: the type shrinks in small steps until
     the page fits its window (a long card on a small TV); it never grows past its size. */
  function fit() {
    var scale = 1;
    screen.style.setProperty("--hb-day-scale", "1");
    if (!WIDE.matches) return;
    var page = document.documentElement;
    while (page.scrollHeight > window.innerHeight && scale > SMALLEST) {
      scale = Math.round((scale - 0.05) * 100) / 100;
      screen.style.setProperty("--hb-day-scale", String(scale));
    }
  }

  function show(number) {
    shown = number;
    var index = deck.place(cards.length, number);
    cards.forEach(function (card, n) { card.hidden = n !== index; });
    screen.setAttribute("data-hb-day-shown", cards[index].getAttribute("data-hb-day-card"));
    screen.querySelector(".hb-day-position").textContent =
      format(screen.getAttribute("data-position"), { n: index + 1, total: cards.length });
    screen.querySelector("[data-hb-day-today]").hidden = number === today;
    screen.querySelector("[data-hb-day-date]").textContent = new Date().toLocaleDateString(
      screen.getAttribute("data-locale") || document.documentElement.lang || undefined,
      { weekday: "long", day: "numeric", month: "long", year: "numeric" });
    fit();
  }

  /* Keys from a keyboard or a presenter, unless the reader is typing (the search box). */
  var STEPS = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 };
  function onKey(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key in STEPS) show(shown + STEPS[event.key]);
    else if (event.key === "Home") show(today);
    else return;
    event.preventDefault();
  }

  /* A screen left on overnight: the new day's card once the date has changed. */
  function checkDate() {
    var now = deck.dayNumber(new Date());
    if (now !== today) {
      today = now;
      show(today);
    }
  }

  screen.classList.add("hb-day--ready");
  screen.querySelector(".hb-day-controls").hidden = false;
  screen.querySelectorAll("[data-hb-day-step]").forEach(function (button) {
    button.addEventListener("click", function () {
      show(shown + Number(button.getAttribute("data-hb-day-step")));
    });
  });
  screen.querySelector("[data-hb-day-today]").addEventListener("click", function () {
    show(today);
  });
  document.addEventListener("keydown", onKey);
  window.addEventListener("resize", fit);
  window.setInterval(checkDate, 30 * 1000);
  show(today);
})();
