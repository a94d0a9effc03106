/* Programme pages: « Imprimer ce jour » prints one day, and on the programme page the filters by track, room and
   language show only the matching sessions, without loading a page. Without JavaScript both are plain links: to the
   day's page and to each filter's page. The filter stays in the address (?salle=frioul), so Back and a shared link work. */
(function () {
  "use strict";

  /* Imprimer ce jour: only that day on paper (print.css hides the others while html[data-print-day] is set). */
  function printDay(slug) {
    document.querySelectorAll(".programme-day").forEach(function (day) {
      if (day.dataset.day === slug) day.dataset.printing = ""; else delete day.dataset.printing;
    });
    document.documentElement.dataset.printDay = slug;
    window.print();
  }

  window.addEventListener("afterprint", function () {
    delete document.documentElement.dataset.printDay;
    document.querySelectorAll(".programme-day[data-printing]").forEach(function (day) { delete day.dataset.printing; });
  });

  document.querySelectorAll("[data-print-day]").forEach(function (control) {
    control.addEventListener("click", function (event) {
      event.preventDefault();
      printDay(control.dataset.printDay);
    });
  });

  /* Filters, in place: only on the programme page, which holds every session. */
  var nav = document.querySelector(".programme-filters[data-in-place]");
  if (!nav) return;
  var links = Array.prototype.slice.call(nav.querySelectorAll("a[data-filter]"));
  var kinds = links.map(function (link) { return link.dataset.filter; }).filter(Boolean);
  var status = nav.querySelector(".programme-filters__status");
  var sessions = Array.prototype.slice.call(document.querySelectorAll(".programme-day article.session"));

  function hideEmpty(selector) {
    document.querySelectorAll(selector).forEach(function (element) {
      element.hidden = !element.querySelector("article.session:not([hidden])");
    });
  }

  function apply(kind, value, announce) {
    var shown = 0;
    sessions.forEach(function (article) {
      var keep = !kind || article.getAttribute("data-" + kind) === value;
      article.hidden = !keep;
      if (keep) shown += 1;
    });
    hideEmpty(".programme-day .timeline__slot");
    hideEmpty(".programme-day");
    links.forEach(function (link) {
      var current = kind ? link.dataset.filter === kind && link.dataset.value === value : !link.dataset.filter;
      if (current) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
    });
    if (announce) status.textContent = nav.dataset.labelCount.replace("{nombre}", shown);
  }

  function address(kind, value) {
    var params = new URLSearchParams(location.search);
    kinds.forEach(function (name) { params.delete(name); });
    if (kind) params.set(kind, value);
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  function fromAddress(announce) {
    var params = new URLSearchParams(location.search);
    var found = links.filter(function (link) { return link.dataset.filter && params.get(link.dataset.filter) === link.dataset.value; })[0];
    if (found) apply(found.dataset.filter, found.dataset.value, announce);
    else apply("", "", announce);
  }

  links.forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;  /* a new tab: the plain page */
      event.preventDefault();
      var kind = link.dataset.filter || "";
      var value = link.dataset.value || "";
      history.pushState({filter: kind, value: value}, "", address(kind, value));
      apply(kind, value, true);
    });
  });

  window.addEventListener("popstate", function () { fromAddress(true); });
  if (kinds.some(function (name) { return new URLSearchParams(location.search).has(name); })) fromAddress(true);
})();
