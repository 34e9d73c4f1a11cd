/* Ticks on the cards' checklists, kept in this browser only (localStorage) and never sent
   anywhere. Progressive: each item of a card's `ul.hb-checklist` (on the card's page, the
   cards page and the practice page) becomes a checkbox with its label; without JavaScript
   the checklist stays a list.

   Stored under one key, per card id and item number, the same for every language:
     {"cards": {"<card id>": {"ticked": [0, 2], "changed": "<ISO date and time>"}}}
   The practice page (hooks/handbook/practice.py) shows every card's ticks and last change. */
(function () {
  "use strict";

  var KEY = "hb-practice";
  var CARD = ".hb-card[id^='hb-card-'], [data-hb-card]";

  function read() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      if (data && typeof data.cards === "object" && data.cards !== null) return data;
    } catch (error) { /* unreadable: start again */ }
    return { cards: {} };
  }

  function write(data) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(data));
    } catch (error) { /* storage off or full: the ticks last for this page view */ }
  }

  function cardId(holder) {
    return holder.getAttribute("data-hb-card") || holder.id.slice("hb-card-".length);
  }

  function ticksOf(data, card) {
    var entry = data.cards[card];
    return entry && Array.isArray(entry.ticked) ? entry.ticked : [];
  }

  function enhance(list, number) {
    var holder = list.closest(CARD);
    if (!holder || list.classList.contains("hb-ticks")) return;
    var card = cardId(holder);
    list.classList.add("hb-ticks");
    Array.prototype.forEach.call(list.children, function (item, index) {
      var box = document.createElement("input");
      box.type = "checkbox";
      box.className = "hb-tick";
      box.id = "hb-tick-" + number + "-" + index;
      box.setAttribute("data-card", card);
      box.setAttribute("data-item", String(index));
      var label = document.createElement("label");
      label.htmlFor = box.id;
      while (item.firstChild) label.appendChild(item.firstChild);
      item.appendChild(box);
      item.appendChild(label);
    });
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  /* Every checkbox and the practice page's summaries as stored (also after another tab
     changed them). */
  function show() {
    var data = read();
    document.querySelectorAll("input.hb-tick").forEach(function (box) {
      var ticks = ticksOf(data, box.getAttribute("data-card"));
      box.checked = ticks.indexOf(Number(box.getAttribute("data-item"))) !== -1;
    });
    var practice = document.querySelector("[data-hb-practice]");
    if (!practice) return;
    var lang = practice.getAttribute("data-locale") || document.documentElement.lang || undefined;
    var started = [];
    practice.querySelectorAll("[data-hb-card]").forEach(function (section) {
      var card = section.getAttribute("data-hb-card");
      var entry = data.cards[card] || {};
      var total = section.querySelectorAll("input.hb-tick").length;
      var done = ticksOf(data, card).filter(function (index) { return index < total; }).length;
      var parts = [done ? format(practice.getAttribute("data-count"), { done: done, total: total })
                        : practice.getAttribute("data-none")];
      var changed = entry.changed ? new Date(entry.changed) : null;
      if (changed && !isNaN(changed.getTime())) {
        var date = changed.toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
        parts.push(format(practice.getAttribute("data-changed"), { date: date }));
        section.querySelector("[data-hb-state]").setAttribute("data-changed", entry.changed);
      }
      section.querySelector("[data-hb-state]").textContent = parts.join(" · ");
      if (done) started.push({ section: section, text: parts[0] });
    });
    summarise(practice, started);
  }

  /* At the top: how many cards are started, each a link down to its checklist. */
  function summarise(practice, started) {
    var summary = practice.querySelector(".hb-practice-summary");
    var total = practice.querySelectorAll("[data-hb-card]").length;
    summary.hidden = false;
    summary.querySelector(".hb-practice-total").textContent = started.length
      ? format(practice.getAttribute("data-summary"), { started: started.length, total: total })
      : practice.getAttribute("data-summary-none");
    var list = summary.querySelector(".hb-practice-started");
    list.textContent = "";
    started.forEach(function (entry) {
      var link = document.createElement("a");
      link.href = "#" + entry.section.querySelector("h2").id;
      link.textContent = entry.section.querySelector("h2 a").textContent;
      var item = document.createElement("li");
      item.appendChild(link);
      item.appendChild(document.createTextNode(" · " + entry.text));
      list.appendChild(item);
    });
  }

  function tick(event) {
    var box = event.target;
    if (!box.classList || !box.classList.contains("hb-tick")) return;
    var card = box.getAttribute("data-card");
    var index = Number(box.getAttribute("data-item"));
    var data = read();
    var ticks = ticksOf(data, card).filter(function (other) { return other !== index; });
    if (box.checked) ticks.push(index);
    ticks.sort(function (a, b) { return a - b; });
    data.cards[card] = { ticked: ticks, changed: new Date().toISOString() };
    write(data);
    show();
  }

  function clearAll(practice) {
    if (!window.confirm(practice.getAttribute("data-confirm"))) return;
    try { window.localStorage.removeItem(KEY); } catch (error) { /* nothing stored */ }
    show();
    practice.querySelector(".hb-practice-status").textContent = practice.getAttribute("data-cleared");
  }

  function start() {
    document.querySelectorAll(".hb-checklist").forEach(enhance);
    var practice = document.querySelector("[data-hb-practice]");
    if (practice) {
      practice.classList.add("hb-practice--ready");
      var button = practice.querySelector(".hb-practice-clear");
      button.hidden = false;
      button.addEventListener("click", function () { clearAll(practice); });
    }
    show();
    document.addEventListener("change", tick);
    window.addEventListener("storage", function (event) {
      if (event.key === KEY || event.key === null) show();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
