// Vahti: give each rich-text editor in the Wagtail admin the name of its field, so that
// screen readers announce what is being edited (Draftail labels only editors that have
// text; an empty one is named by its placeholder alone).
(function () {
  "use strict";

  function nameEditors(root) {
    root.querySelectorAll("[role='textbox'][contenteditable='true']").forEach((editor) => {
      if (editor.getAttribute("aria-labelledby") || editor.getAttribute("aria-label")) {
        return;
      }
      // The field's value travels in a hidden input; its label points at that input.
      const input = editor.closest(".w-field__input")?.querySelector("input[type='hidden'][id]");
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

  function start() {
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
