// Vahti: start the parts of the Wagtail admin that Wagtail starts with inline scripts
// (inline panels, choosers, date and time pickers). The admin's Content-Security-Policy
// refuses inline scripts, so Vahti puts each one's options in data attributes instead
// (vahti/editing/templates/wagtailadmin/, vahti/editing/csp.py), and this file starts
// them: those on the page, and those added later (a new task row holds date fields).
(function () {
  "use strict";

  const STARTERS = {
    InlinePanel: (options) => new window.InlinePanel(options),
    MultipleChooserPanel: (options) => new window.MultipleChooserPanel(options),
    DateChooser: (options, id) => window.initDateChooser(id, options),
    TimeChooser: (options, id) => window.initTimeChooser(id, options),
    DateTimeChooser: (options, id) => window.initDateTimeChooser(id, options),
    // SnippetChooser, PageChooser, ImageChooser, DocumentChooser… (vahti/editing/csp.py)
    Chooser: (options, id, element) => {
      const name = element.dataset.vahtiConstructor;
      if (/^[A-Za-z]*Chooser$/.test(name) && typeof window[name] === "function") {
        return new window[name](id, options);
      }
      throw new Error(`Vahti: no chooser called ${name}`);
    },
  };

  function startAll(root) {
    root.querySelectorAll("[data-vahti-init]").forEach((element) => {
      // Rows waiting in a <template> are started once they are added to the form.
      if (element.dataset.vahtiStarted || element.closest("template")) {
        return;
      }
      const start = STARTERS[element.dataset.vahtiInit];
      if (!start) {
        return;
      }
      element.dataset.vahtiStarted = "true";
      start(JSON.parse(element.dataset.vahtiOptions || "{}"), element.dataset.vahtiId, element);
    });
  }

  // The date picker writes its (hidden) apply button in English; Vahti's catalogue
  // (locale/*/djangojs.po) translates it.
  function nameDatePickerButtons(root) {
    if (typeof window.gettext !== "function") {
      return;
    }
    root.querySelectorAll(".xdsoft_save_selected:not([data-vahti-named])").forEach((button) => {
      button.dataset.vahtiNamed = "true";
      button.textContent = window.gettext("Save selected");
    });
  }

  function begin() {
    startAll(document);
    nameDatePickerButtons(document);
    new MutationObserver(() => {
      startAll(document);
      nameDatePickerButtons(document);
    }).observe(document.body, {
      childList: true,
      subtree: true,
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", begin);
  } else {
    begin();
  }
})();
