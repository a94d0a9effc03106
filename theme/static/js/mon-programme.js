/* Programme pages: « Mon programme » (a star button on each session, the choice kept in localStorage,
   overlap warnings, an .ics export built in the browser) and « Maintenant / Ensuite » (in Europe/Paris time).
   The stars, the « Mon programme » box and its link are in the HTML, in their final place and marked
   data-script-only (base.html hides them without JavaScript): this script only binds and fills them, so
   nothing moves when it runs. Without JavaScript the whole programme is still listed.
   Testing: ?maintenant=2027-06-10T09:45 (Paris local time) replaces "now". */
(function () {
  "use strict";

  var STORE = "eventsite:mon-programme";
  var ZONE = "Europe/Paris";
  var box = document.getElementById("mon-programme");
  var now = document.getElementById("maintenant");
  if (!box || !now) return;
  var sessions = Array.prototype.slice.call(document.querySelectorAll("article.session[data-start]"));

  function text(element, selector) {
    var found = element.querySelector(selector);
    return found ? found.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function info(article) {
    var day = article.closest(".programme-day");
    return {
      id: article.id, start: article.dataset.start, end: article.dataset.end, status: article.dataset.status,
      title: text(article, ".session__title"), when: text(article, ".session__when"),
      room: text(article, ".session__room"), day: day ? text(day, "h2") : ""
    };
  }

  function load() {
    try { return JSON.parse(localStorage.getItem(STORE) || "[]").filter(function (id) { return typeof id === "string"; }); }
    catch (error) { return []; }
  }

  function save(ids) {
    try { localStorage.setItem(STORE, JSON.stringify(ids)); } catch (error) { /* private mode: kept for this page only */ }
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function overlaps(a, b) { return a.start < b.end && b.start < a.end; }

  function item(session, extra) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = "#" + session.id;
    link.textContent = session.title;
    li.appendChild(link);
    li.appendChild(document.createTextNode(" — " + [session.day, session.when, session.room].filter(Boolean).join(", ")));
    (extra || []).forEach(function (line) {
      var warning = document.createElement("strong");
      warning.className = "my-programme__overlap";
      warning.textContent = line;
      li.appendChild(document.createElement("br"));
      li.appendChild(warning);
    });
    return li;
  }

  function chosen() {
    var ids = load();
    return sessions.filter(function (article) { return ids.indexOf(article.id) !== -1; }).map(info);
  }

  function render() {
    var picked = chosen();
    var list = box.querySelector(".my-programme__list");
    list.textContent = "";
    picked.forEach(function (session) {
      var clashes = picked.filter(function (other) { return other !== session && overlaps(session, other); });
      list.appendChild(item(session, clashes.map(function (other) { return "⚠ " + format(box.dataset.labelOverlap, {titre: other.title}); })));
    });
    box.querySelector(".my-programme__empty").hidden = picked.length > 0;
    box.querySelector(".my-programme__actions").hidden = picked.length === 0;  /* no control that does nothing */
    box.querySelector(".my-programme__count").textContent = format(box.dataset.labelCount, {nombre: picked.length});
    sessions.forEach(function (article) {
      var button = article.querySelector(".star");
      var on = picked.some(function (session) { return session.id === article.id; });
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.querySelector(".star__icon").textContent = on ? "★" : "☆";
    });
  }

  function toggle(id) {
    var ids = load();
    var at = ids.indexOf(id);
    if (at === -1) ids.push(id); else ids.splice(at, 1);
    save(ids);
    render();
  }

  function bindStar(article) {
    article.querySelector("button.star").addEventListener("click", function () { toggle(article.id); });
  }

  /* iCalendar (RFC 5545) */
  function escapeText(value) { return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n"); }
  function stamp(iso) { return iso.replace(/[-:]/g, "").slice(0, 13) + "00"; }
  function fold(line) {
    var out = [];
    for (var i = 0; i < line.length; i += 60) out.push((i ? " " : "") + line.slice(i, i + 60));
    return out.join("\r\n");
  }

  function calendar(picked) {
    var page = location.href.split("#")[0].split("?")[0];
    var utc = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//eventsite//mon-programme//FR", "CALSCALE:GREGORIAN",
      "X-WR-CALNAME:" + escapeText(box.dataset.calendarName),
      "BEGIN:VTIMEZONE", "TZID:" + ZONE,
      "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
      "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
      "END:VTIMEZONE"];
    picked.forEach(function (session) {
      lines.push("BEGIN:VEVENT", "UID:" + session.id + "@" + location.host, "DTSTAMP:" + utc,
        "DTSTART;TZID=" + ZONE + ":" + stamp(session.start), "DTEND;TZID=" + ZONE + ":" + stamp(session.end),
        "SUMMARY:" + escapeText(session.title), "LOCATION:" + escapeText(session.room), "URL:" + page + "#" + session.id,
        "STATUS:" + (session.status === "cancelled" ? "CANCELLED" : "CONFIRMED"), "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function exportCalendar() {
    var url = URL.createObjectURL(new Blob([calendar(chosen())], {type: "text/calendar;charset=utf-8"}));
    var link = document.createElement("a");
    link.href = url;
    link.download = box.dataset.calendarFile;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /* Maintenant / Ensuite */
  function parisNow() {
    var override = new URLSearchParams(location.search).get("maintenant");
    if (override && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(override)) return override;
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23"})
      .formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day + "T" + parts.hour + ":" + parts.minute;
  }

  function fill(selector, empty, found) {
    var list = now.querySelector(selector);
    found.forEach(function (session) { list.appendChild(item(session)); });
    list.hidden = found.length === 0;
    now.querySelector(empty).hidden = found.length > 0;
  }

  function showNowNext() {
    var at = parisNow();
    var today = at.slice(0, 10);
    var held = sessions.map(info).filter(function (s) { return s.status !== "cancelled"; });
    if (!held.some(function (s) { return s.start.slice(0, 10) === today; })) return;
    var running = held.filter(function (s) { return s.start <= at && at < s.end; });
    var later = held.filter(function (s) { return s.start > at && s.start.slice(0, 10) === today; });
    var next = later.length ? later.reduce(function (a, b) { return a.start < b.start ? a : b; }).start : null;
    fill(".now-next__now", ".now-next__none-now", running);
    fill(".now-next__next", ".now-next__none-next", later.filter(function (s) { return s.start === next; }));
    now.hidden = false;
  }

  sessions.forEach(bindStar);
  box.querySelector(".my-programme__export").addEventListener("click", exportCalendar);
  render();
  showNowNext();
  window.addEventListener("storage", function (event) { if (event.key === STORE) render(); });
})();
