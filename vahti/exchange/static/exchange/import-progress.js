// The import's progress page follows the import by itself: while it runs, the part of
// the page that says where it stands is fetched again every few seconds and put in
// place (a live region, so a screen reader hears it), without reloading the page or
// moving the focus. Without scripts the page's "Refresh" link does the same.
(function () {
  "use strict";
  const region = document.getElementById("import-progress-region");
  if (!region || region.dataset.running !== "true") {
    return;
  }
  const every = Number(region.dataset.refresh || 2) * 1000;
  function poll() {
    fetch(window.location.href, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        const fresh = new DOMParser()
          .parseFromString(html, "text/html")
          .getElementById("import-progress-region");
        if (!fresh) {
          return;
        }
        region.replaceChildren(...fresh.childNodes);
        region.dataset.running = fresh.dataset.running;
        if (fresh.dataset.running === "true") {
          window.setTimeout(poll, every);
        }
      })
      .catch(() => window.setTimeout(poll, every * 2));
  }
  window.setTimeout(poll, every);
})();
