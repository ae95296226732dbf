// The site's search: Pagefind's Default UI in a modal dialog, in the page's language. Nothing of it loads
// until the visitor opens search; then its script and styles come from this site's own pagefind/ folder.
(function () {
  "use strict";
  // Pagefind's interface has no Estonian; the other languages of the engine (en, ru) are its own.
  var PAGEFIND_STRINGS = {
    et: {
      placeholder: "Otsi",
      clear_search: "Tühjenda",
      load_more: "Näita rohkem tulemusi",
      search_label: "Otsi sellelt saidilt",
      filters_label: "Filtrid",
      zero_results: "[SEARCH_TERM]: tulemusi ei leitud",
      many_results: "[SEARCH_TERM]: [COUNT] tulemust",
      one_result: "[SEARCH_TERM]: [COUNT] tulemus",
      total_zero_results: "Tulemusi ei leitud",
      total_one_result: "[COUNT] tulemus",
      total_many_results: "[COUNT] tulemust",
      alt_search: "[SEARCH_TERM]: tulemusi ei leitud. Tulemused otsingule [DIFFERENT_TERM]",
      search_suggestion: "[SEARCH_TERM]: tulemusi ei leitud. Proovi mõnda neist otsingutest:",
      searching: "Otsin: [SEARCH_TERM]…",
      results_label: "Otsingu tulemused",
      keyboard_navigate: "liigu",
      keyboard_select: "vali",
      keyboard_clear: "tühjenda",
      keyboard_close: "sulge",
      keyboard_search: "otsi",
      error_search: "Otsing ebaõnnestus",
      filter_selected_one: "[COUNT] valitud",
      filter_selected_many: "[COUNT] valitud",
      input_hint: "Tulemused ilmuvad kirjutamise ajal",
      loading: "Laadin",
    },
  };
  var CLOSE = { et: "Sulge otsing", en: "Close search", ru: "Закрыть поиск" };

  var button = document.querySelector("[data-projectsite-search]");
  if (!button) return;
  var lang = (document.documentElement.lang || "en").toLowerCase().split("-")[0];
  var bundle = new URL(button.getAttribute("data-projectsite-search"), location.href);
  var dialog = null;
  var loading = null;

  function stylesheet(href) {
    return new Promise(function (resolve, reject) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.onload = resolve;
      link.onerror = reject;
      document.head.appendChild(link);
    });
  }

  function script(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function makeDialog() {
    var box = document.createElement("dialog");
    box.className = "projectsite-search";
    box.setAttribute("aria-label", button.getAttribute("aria-label"));
    var close = document.createElement("button");
    close.type = "button";
    close.className = "projectsite-search__close";
    close.setAttribute("aria-label", CLOSE[lang] || CLOSE.en);
    close.textContent = "×";
    close.addEventListener("click", function () {
      box.close();
    });
    var ui = document.createElement("div");
    ui.id = "projectsite-search-ui";
    box.append(close, ui);
    // A click on the backdrop (outside the dialog's box) closes it, as Escape does.
    box.addEventListener("click", function (event) {
      if (event.target === box) box.close();
    });
    box.addEventListener("close", function () {
      button.focus();
    });
    document.body.appendChild(box);
    return box;
  }

  function start() {
    var base = bundle.pathname.replace(/pagefind\/$/, "");
    var options = {
      element: "#projectsite-search-ui",
      bundlePath: bundle.pathname,
      baseUrl: base,
      showImages: false,
      showSubResults: true,
      autofocus: true,
    };
    if (PAGEFIND_STRINGS[lang]) options.translations = PAGEFIND_STRINGS[lang];
    new window.PagefindUI(options);
  }

  function load() {
    if (!loading) {
      loading = Promise.all([
        stylesheet(new URL("pagefind-ui.css", bundle).href),
        stylesheet(new URL("../assets/search.css", bundle).href),
        script(new URL("pagefind-ui.js", bundle).href),
      ]).then(start);
    }
    return loading;
  }

  function focusInput() {
    var input = dialog.querySelector("input");
    if (input) input.focus();
  }

  button.addEventListener("click", function () {
    if (!dialog) dialog = makeDialog();
    dialog.showModal();
    load().then(focusInput);
  });
})();
