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

  // While a title is typed on the new-thread form, similar threads (solved ones
  // first) appear below it, so that an existing answer is read instead of asked again.
  function enableSimilarThreads() {
    var box = document.querySelector("[data-similar-url]");
    var input = document.querySelector("input[name=title]");
    if (!box || !input || !window.fetch) { return; }
    var list = box.querySelector("ul");
    var solvedLabel = box.getAttribute("data-solved-label") || "";
    var timer = null;
    var latest = "";
    function show(threads) {
      list.textContent = "";
      threads.forEach(function (thread) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = thread.url;
        link.target = "_blank";
        link.rel = "noopener";
        link.textContent = thread.title;
        item.appendChild(link);
        if (thread.solved) {
          var tag = document.createElement("span");
          tag.className = "tag tag--solved";
          tag.textContent = "✔ " + solvedLabel;
          item.appendChild(document.createTextNode(" "));
          item.appendChild(tag);
        }
        var board = document.createElement("span");
        board.className = "meta";
        board.textContent = thread.board;
        item.appendChild(document.createTextNode(" "));
        item.appendChild(board);
        list.appendChild(item);
      });
      box.hidden = threads.length === 0;
    }
    function lookUp() {
      var title = input.value.trim();
      if (title === latest) { return; }
      latest = title;
      if (title.length < 4) { show([]); return; }
      var url = box.getAttribute("data-similar-url") + "?title=" + encodeURIComponent(title);
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          // 429: asked too often for now; what is shown stays until the next answer.
          if (response.status === 429) { return null; }
          return response.ok ? response.json() : { threads: [] };
        })
        .then(function (data) { if (data && title === latest) { show(data.threads); } })
        .catch(function () { /* no suggestions; asking still works */ });
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookUp, 300);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    followPostAnchor();
    enableInlineQuotes();
    enableSimilarThreads();
  });
  window.addEventListener("hashchange", followPostAnchor);
})();
