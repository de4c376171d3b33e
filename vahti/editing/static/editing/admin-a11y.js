// Vahti: give each rich-text editor in the Wagtail admin the name and language of its
// field, so that screen readers announce what is being edited, in the right language
// (Draftail labels only editors that have text; an empty one is named by its placeholder
// alone).
(function () {
  "use strict";

  function nameEditors(root) {
    root.querySelectorAll("[role='textbox'][contenteditable='true']").forEach((editor) => {
      // The field's value travels in a hidden input; its label points at that input, and
      // it says which language the text is in (vahti.core.i18n).
      const input = editor.closest(".w-field__input")?.querySelector("input[type='hidden'][id]");
      if (input?.lang && !editor.lang) {
        editor.lang = input.lang;
      }
      if (editor.getAttribute("aria-labelledby") || editor.getAttribute("aria-label")) {
        return;
      }
      const label = input && document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
      if (!label) {
        return;
      }
      if (!label.id) {
        label.id = `${input.id}-label`;
      }
      editor.setAttribute("aria-labelledby", label.id);
    });
  }

  // A "late task" link of the start page (vahti/editing/home.py) names the task:
  // ?task=<id>#tab-tehtavat. Once its tab is open, move to the task's first field.
  function focusNamedTask() {
    const id = new URLSearchParams(window.location.search).get("task");
    if (!id || !/^\d+$/.test(id)) {
      return;
    }
    const idInput = document.querySelector(`input[type='hidden'][name^='tasks-'][name$='-id'][value='${id}']`);
    const row = idInput?.closest("[id^='inline_child_tasks-']");
    if (!row) {
      return;
    }
    let tries = 0;
    const focusWhenShown = () => {
      const field = [...row.querySelectorAll("input:not([type='hidden']), select, textarea")].find(
        (element) => element.offsetParent !== null,
      );
      if (field) {
        field.scrollIntoView({ block: "center" });
        field.focus();
      } else if (tries++ < 50) {
        window.setTimeout(focusWhenShown, 50);
      }
    };
    focusWhenShown();
  }

  function start() {
    focusNamedTask();
    nameEditors(document);
    new MutationObserver(() => nameEditors(document)).observe(document.body, {
      childList: true,
      subtree: true,
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
