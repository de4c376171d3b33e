/* The action list's filters with htmx. Each answer rewrites the list of the filters'
 * errors (out of band, into the page's alert region); this marks every input of the
 * form as that list now says, invalid and described by its error (<li id="<input's
 * id>_error">) or neither, as the server draws the page without JavaScript. The inputs
 * themselves are not replaced: someone may be typing in one while the answer comes. */
(function () {
  "use strict";

  function mark() {
    var form = document.querySelector("form.filters");
    if (!form) {
      return;
    }
    form.querySelectorAll("input[id], select[id]").forEach(function (input) {
      var errorId = input.id + "_error";
      var described = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
        return id && id !== errorId;
      });
      if (document.getElementById(errorId)) {
        input.setAttribute("aria-invalid", "true");
        described.push(errorId);
      } else {
        input.removeAttribute("aria-invalid");
      }
      if (described.length) {
        input.setAttribute("aria-describedby", described.join(" "));
      } else {
        input.removeAttribute("aria-describedby");
      }
    });
  }

  document.addEventListener("htmx:afterSettle", mark);
})();
