"""schema.org JSON-LD for event pages (Event), news posts (NewsArticle) and trainings (Course)."""

from __future__ import annotations

import json
from typing import Any

from . import dates
from .dates import When
from .models import Event, NewsPost, Training
from .plaintext import from_markdown
from .text import Text
from .views import EventView

Json = dict[str, Any]


def script_json(data: Json) -> str:
    """JSON for a <script type="application/ld+json">: no text in it can close the element."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _iso(when: When, end: bool = False) -> str:
    """A date-time with the site's time zone's offset, or a day alone."""
    return dates.aware(when, end_of_day=end).isoformat() if hasattr(when, "hour") else when.isoformat()


def _text(value: Text | None, lang: str) -> str:
    return from_markdown(value.get(lang)[0]) if value else ""


def organization(name: str, url: str | None = None) -> Json:
    """An organisation by its name, and its web address when the site knows one."""
    return {"@type": "Organization", "name": name, **({"url": url} if url else {})}


def event_status(event: Event) -> str:
    """schema.org's eventStatus: a postponed event with its new date known is rescheduled."""
    if event.status == "postponed":
        name = "EventRescheduled" if event.previous_start is not None else "EventPostponed"
    else:
        name = "EventCancelled" if event.status == "cancelled" else "EventScheduled"
    return f"https://schema.org/{name}"


def place(name: str, region: str, country: str) -> Json:
    """The schema.org location: the event's own place, in the site's region and country (extra.region, extra.country)."""
    address: Json = {"@type": "PostalAddress", **({"addressRegion": region} if region else {})}
    address |= {"addressCountry": country} if country else {}
    found: Json = {"@type": "Place", "name": name or region, **({"address": address} if len(address) > 1 else {})}
    return {"location": found} if found["name"] else {}


def event_ld(
    view: EventView,
    url: str,
    organizer: Json | None,
    image: str,
    area: tuple[str, str] = ("", ""),
    currency: str = "EUR",
) -> Json | None:
    """The Event markup, or None for an event whose date is not known (schema.org requires a startDate)."""
    event, lang = view.event, view.lang
    if event.start is None:
        return None
    data: Json = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": view.title,
        "startDate": _iso(event.start),
        "endDate": _iso(event.end or event.start, end=event.end is not None),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": event_status(event),
        **place(view.where, *area),
        "description": view.summary or view.title,
        "url": url,
        **({"organizer": organizer} if organizer else {}),
        **({"image": [image]} if image else {}),
        "inLanguage": lang,
    }
    if event.registration is not None:
        offer: Json = {
            "@type": "Offer",
            "url": event.registration.url,
            "price": "0",
            "priceCurrency": currency,  # the site's (extra.projectsite.currency)
            "availability": "https://schema.org/InStock",
        }
        if event.registration.deadline is not None:
            offer["validThrough"] = _iso(event.registration.deadline, end=True)
        data["offers"] = offer
    if event.capacity is not None:
        data["maximumAttendeeCapacity"] = event.capacity
    if event.previous_start is not None:
        data["previousStartDate"] = _iso(event.previous_start)
    return data


def news_ld(post: NewsPost, url: str, publisher: Json | None, image: str) -> Json:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title,
        "datePublished": dates.aware(post.date).isoformat(),
        "description": post.summary or post.title,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": post.lang,
        **({"author": publisher, "publisher": publisher} if publisher else {}),
        **({"image": [image]} if image else {}),
    }


def course_ld(training: Training, lang: str, url: str, provider: Json | None) -> Json:
    instances = [
        {
            "@type": "CourseInstance",
            "name": module.title.get(lang)[0],
            "startDate": module.date.isoformat(),
            "courseMode": "onsite",
            **(
                {"instructor": [{"@type": "Person", "name": name} for name in module.trainers]}
                if module.trainers
                else {}
            ),
            **({"location": _text(training.venue, lang)} if training.venue else {}),
        }
        for module in training.modules
    ]
    return {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": f"{url}#{training.id}",
        "name": training.title.get(lang)[0],
        "description": _text(training.goal, lang) or training.title.get(lang)[0],
        "url": f"{url}#{training.id}",
        **({"provider": provider} if provider else {}),
        "inLanguage": lang,
        **({"timeRequired": f"PT{training.volume.total:g}H"} if training.volume else {}),
        "hasCourseInstance": instances,
    }
