/* Search page: Pagefind's interface, served from the site itself. Without it the page lists every page. */
(function () {
  "use strict";
  var root = document.getElementById("recherche");
  if (!root || typeof window.PagefindUI !== "function") {
    return;
  }
  var ui = new window.PagefindUI({
    element: "#recherche",
    showSubResults: true,
    showImages: false,
    resetStyles: false
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
})();
