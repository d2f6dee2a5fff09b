// Small progressive enhancements; every feature also works without JavaScript.
(function () {
  "use strict";

  // A permalink /t/<id>-<slug>#p<post> may point at a post on a later page:
  // when the post is not on this page, ask the server where it lives.
  function followPostAnchor() {
    var match = /^#p(\d+)$/.exec(window.location.hash);
    if (match && !document.getElementById("p" + match[1]) && document.querySelector(".posts")) {
      window.location.replace("/p/" + match[1]);
    }
  }

  // "Quote" inserts the quoted post into the reply box on this page instead of
  // opening the separate reply page.
  function enableInlineQuotes() {
    var textarea = document.querySelector("#reply textarea");
    if (!textarea || !window.fetch) { return; }
    document.querySelectorAll("[data-quote-url]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        fetch(link.getAttribute("data-quote-url"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
          .then(function (data) {
            var before = textarea.value && !/\n\n$/.test(textarea.value) ? textarea.value.replace(/\n*$/, "\n\n") : textarea.value;
            textarea.value = before + data.markdown;
            textarea.focus();
            textarea.setSelectionRange(textarea.value.length, textarea.value.length);
            textarea.scrollIntoView({ block: "center" });
          })
          .catch(function () { window.location.href = link.href; });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    followPostAnchor();
    enableInlineQuotes();
  });
  window.addEventListener("hashchange", followPostAnchor);
})();
