// Progressive enhancements; without JavaScript every page stays as built.

// Material wraps wide tables in a scrolling frame as the page renders: let keyboard users focus it to scroll.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (frame) {
    frame.tabIndex = 0;
  });
});

// Between the daily rebuilds, an event whose end has passed leaves "upcoming": on the events page it
// moves to the top of its year among the past events, on the home page it is removed.
document$.subscribe(function () {
  var heading = document.getElementById("upcoming");
  var list = heading && heading.nextElementSibling;
  if (!list || list.tagName !== "UL") return;
  var now = Date.now();
  list.querySelectorAll("a[data-ends]").forEach(function (link) {
    if (Date.parse(link.dataset.ends) >= now) return;
    var item = link.closest("li");
    if (heading.dataset.past) pastList(pastSection(heading, list), link.dataset.ends.slice(0, 4)).prepend(item);
    else item.remove();
  });
  if (!list.querySelector("li")) {
    var note = document.createElement("p");
    note.textContent = heading.dataset.empty;
    list.replaceWith(note);
  }
});

function pastSection(upcoming, list) {
  var past = document.getElementById("past");
  if (!past) {
    past = document.createElement("h2");
    past.id = "past";
    past.textContent = upcoming.dataset.past;
    list.after(past);
  }
  return past;
}

// The list of a past year: in its <details> (the year's heading is its summary), made (open) when missing.
function pastList(past, year) {
  var yearHeading = document.getElementById("past-" + year);
  var group = yearHeading && yearHeading.closest("details");
  if (!group) {
    group = document.createElement("details");
    group.className = "ps-year";
    group.open = true;
    var summary = document.createElement("summary");
    yearHeading = document.createElement("h3");
    yearHeading.id = "past-" + year;
    yearHeading.textContent = year;
    summary.append(yearHeading);
    group.append(summary, document.createElement("ul"));
    past.after(group);
  }
  return group.querySelector("ul");
}

