// Progressive enhancements; without JavaScript every page stays as built.

// Material wraps wide tables in a scrolling frame as the page renders: let keyboard users focus it to scroll.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (frame) {
    frame.tabIndex = 0;
  });
});
