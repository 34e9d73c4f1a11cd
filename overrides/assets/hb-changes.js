/* "My checklists": a card whose checklist changed (in git, after the reader last ticked it
   in this browser) shows what changed. The changes come in the page, hidden
   (partials/hb-changes-practice.html); the ticks are hb-practice.js's, read here only
   (localStorage "hb-practice", never sent anywhere). Ticking the card again, which
   stores a new date, makes the note go away. */
(function () {
  "use strict";

  var notes = document.querySelector("[data-hb-changes]");
  var practice = document.querySelector("[data-hb-practice]");
  if (!notes || !practice) return;

  function ticked() {
    try {
      var data = JSON.parse(window.localStorage.getItem("hb-practice") || "{}");
      return data && typeof data.cards === "object" && data.cards !== null ? data.cards : {};
    } catch (error) {
      return {};
    }
  }

  function show() {
    var cards = ticked();
    practice.querySelectorAll(".hb-practice-news").forEach(function (note) { note.remove(); });
    notes.querySelectorAll("[data-hb-changed]").forEach(function (note) {
      var card = note.getAttribute("data-hb-changed");
      var entry = cards[card];
      var section = practice.querySelector("[data-hb-card='" + card + "']");
      if (!section || !entry || !entry.changed || !Array.isArray(entry.ticked) || !entry.ticked.length) return;
      // to the second: a card ticked in the morning and changed at noon is news
      if (Date.parse(entry.changed) >= Date.parse(note.getAttribute("data-hb-time"))) return;
      var copy = note.cloneNode(true);
      copy.removeAttribute("data-hb-changed");
      copy.setAttribute("role", "note");
      section.insertBefore(copy, section.querySelector("ul"));
    });
  }

  show();
  document.addEventListener("change", function () { window.setTimeout(show, 0); });
  window.addEventListener("storage", show);
})();
