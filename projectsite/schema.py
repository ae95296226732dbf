"""JSON Schemas of the data files, from the same models that validate them, with help in both languages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .kinds import DATA_FILES, KINDS
from .languages import Languages
from .locales import UNCONFIGURED_SITE_LANGUAGES

# (Estonian, English) help for each field, by "Model.field" or, shared by every model, by "field".
HELP: dict[str, tuple[str, str]] = {
    "id": (
        "Püsiv tunnus: väiketähed, numbrid ja '-'; on aadressis.",
        "A lasting id: lowercase letters, digits and '-'; part of the address.",
    ),
    "title": ("Pealkiri: tekst või et:/en:.", "Title: text, or et:/en:."),
    "trainers": ("Koolitajate nimed.", "The trainers' names."),
    "time": ('Kellaaeg, näiteks "14:00" või "14:15–15:15".', 'Time of day, e.g. "14:00" or "14:15–15:15".'),
    "item": ("Mis sel ajal toimub.", "What happens at that time."),
    "Event.start": (
        "Algus: AAAA-KK-PP või AAAA-KK-PP TT:MM (saidi ajavööndis); jäta välja, kui kuupäev pole veel teada.",
        "Start: YYYY-MM-DD or YYYY-MM-DD HH:MM (the site's time zone); leave it out while the date is not known.",
    ),
    "Event.year": (
        "Ainult sündmusele ilma alguseta (start): aasta, kui see on teada.",
        "Only for an event without a start: the year, when that is known.",
    ),
    "Event.end": ("Lõpp, mitte enne algust.", "End, not before the start."),
    "Event.location": ("Toimumiskoht.", "Where it takes place."),
    "Event.summary": ("Kokkuvõte (Markdown).", "Summary (Markdown)."),
    "Event.agenda": ("Päevakava.", "The agenda."),
    "Event.registration": ("Registreerimine: url ja tähtaeg.", "Registration: url and deadline."),
    "Event.capacity": ("Kohtade arv.", "Number of places."),
    "Event.tags": ("Sildid.", "Tags."),
    "Event.published": ("Millal sündmusest teatati (uudisvoo jaoks).", "When the event was announced (for the feed)."),
    "Event.status": (
        "scheduled (toimub), cancelled (jääb ära) või postponed (edasi lükatud).",
        "scheduled, cancelled or postponed.",
    ),
    "Event.previous_start": (
        "Edasi lükatud sündmuse algne algus; start on siis uus aeg.",
        "A postponed event's original start; start is then the new date.",
    ),
    "Registration.url": (
        "Registreerimisvormi aadress (https://...).",
        "The registration form's address (https://...).",
    ),
    "Registration.deadline": (
        "Registreerimise tähtaeg, mitte pärast algust.",
        "Registration deadline, not after the start.",
    ),
    "Training.period": ("Toimumise aeg: start ja end.", "When it runs: start and end."),
    "Training.volume": (
        "Maht akadeemilistes tundides; kokku arvutatakse.",
        "Volume in academic hours; the total is counted.",
    ),
    "Training.venue": ("Toimumiskoht.", "Venue."),
    "Training.target_group": ("Sihtrühm.", "Target group."),
    "Training.goal": ("Eesmärk.", "Goal."),
    "Training.completion": ("Lõpetamise tingimused.", "Completion conditions."),
    "Training.outcomes": ("Õpiväljundid.", "Learning outcomes."),
    "Training.registration_url": ("Registreerimisvormi aadress.", "The registration form's address."),
    "Training.daily_schedule": ("Koolituspäeva ajakava.", "The daily schedule."),
    "Training.modules": ("Koolitusmoodulid.", "The modules."),
    "Module.date": ("Mooduli kuupäev, programmi perioodi sees.", "The module's date, within the programme's period."),
    "Module.hours": ("Maht: contact ja independent.", "Hours: contact and independent."),
    "Module.goals": ("Mooduli eesmärgid.", "The module's goals."),
    "Hours.contact": ("Auditoorse töö tunnid.", "Contact hours."),
    "Hours.independent": ("Iseseisva töö tunnid.", "Independent work hours."),
    "Period.start": ("Algus, AAAA-KK-PP.", "Start, YYYY-MM-DD."),
    "Period.end": ("Lõpp, AAAA-KK-PP.", "End, YYYY-MM-DD."),
    "MediaItem.date": ("Ilmumise kuupäev.", "Date published."),
    "MediaItem.title": ("Pealkiri nii, nagu see ilmus.", "The headline as published."),
    "MediaItem.outlet": ("Väljaanne.", "Outlet."),
    "MediaItem.url": ("Artikli aadress.", "The article's address."),
    "MediaItem.language": ("Artikli keel: et või en.", "The article's language: et or en."),
    "TeamMember.name": ("Nimi.", "Name."),
    "TeamMember.role": ("Roll projektis.", "Role in the project."),
    "TeamMember.email": ("E-posti aadress.", "E-mail address."),
    "TeamMember.phone": ("Telefon, näiteks +372 5560 3988.", "Phone, e.g. +372 5560 3988."),
    "Text": (
        "Tekst: lihtsalt sõnad (mõlemas keeles sama) või et: (kohustuslik) ja en:.",
        "Text: plain words (the same in both languages), or et: (required) and en:.",
    ),
    # the engine's settings (extra.projectsite in mkdocs.yml)
    "SiteExtra.time_zone": (
        "Ajavöönd (IANA nimi, näiteks Europe/Tallinn); vaikimisi saidi esimese keele maa oma.",
        "The time zone (its IANA name, like Europe/Oslo); default: that of the site's first language's country.",
    ),
    "SiteExtra.currency": (
        "Valuuta ISO 4217 kood (EUR, NOK); vaikimisi saidi esimese keele maa oma.",
        "The currency's ISO 4217 code (EUR, NOK); default: that of the site's first language's country.",
    ),
    "SiteExtra.csv_encoding": (
        "Kodeering, millega lugeda CSV-faili, mis pole UTF-8 (näiteks windows-1257).",
        "The encoding of a CSV file that is not UTF-8 (like windows-1252); default: the first language's Windows one.",
    ),
    "SiteExtra.date_note": (
        "Märkus lehe kuupäevade all (näiteks seadus, mis neid nõuab); vaikimisi pole.",
        "A note under each page's dates (like the law that asks for them); default: none.",
    ),
    "SiteExtra.funder_logo": (
        "Rahastajate logo: fail saidi sees (näiteks assets/logo.svg), mitte teise saidi aadress.",
        "The funders' logo: a file of the site (like assets/logo.svg), never another site's address.",
    ),
    "NewsletterSettings.form_url": (
        "Liitumisvormi aadress (https://); tühi: vormi pole.",
        "The sign-up form's address (https://); empty: no form.",
    ),
    "NewsletterSettings.reply_to": (
        "Vastuste aadress: üks e-posti aadress, ilma nimeta.",
        "The reply-to address: one bare e-mail address, without a name.",
    ),
}
FILE_TITLES = {
    "events": ("Sündmused", "Events"),
    "trainings": ("Koolitused", "Trainings"),
    "media": ("Meediakajastused", "Media coverage"),
    "team": ("Meeskond", "Team"),
}


def _help(key: str) -> dict[str, str]:
    et, en = HELP[key]
    return {"description": f"{et} / {en}"}


def _annotate(schema: dict[str, Any]) -> dict[str, Any]:
    for model, definition in schema.get("$defs", {}).items():
        if model in HELP:
            definition.update(_help(model))
        for field, prop in definition.get("properties", {}).items():
            key = f"{model}.{field}" if f"{model}.{field}" in HELP else field
            if key in HELP:
                prop.update(_help(key))
            prop["title"] = field
    return schema


def _text_schema(languages: Languages) -> dict[str, Any]:
    """A text: plain words, or one string per language of the site, the original required."""
    words = {"type": "string", "minLength": 1}
    per_language = {
        "type": "object",
        "properties": {lang: words for lang in languages},
        "required": [languages.original],
        "additionalProperties": False,
    }
    return {"anyOf": [words, per_language]}


def data_schema(name: str, languages: Languages | None = None) -> dict[str, Any]:
    schema = TypeAdapter(DATA_FILES[name]).json_schema()
    if "Text" in schema.get("$defs", {}):
        schema["$defs"]["Text"] = {
            **schema["$defs"]["Text"],
            **_text_schema(languages or Languages(UNCONFIGURED_SITE_LANGUAGES)),
        }
    kind = KINDS.get(name)
    et, en = kind.title if kind is not None else FILE_TITLES[name]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{et} / {en}",
        "description": f"data/{name}.yaml",
        **_annotate(schema),
    }


def settings_schema(languages: Languages | None = None) -> dict[str, Any]:
    """The engine's settings: the `extra.projectsite` block of mkdocs.yml."""
    from .settings import SiteExtra  # the settings build on the data's models

    schema = TypeAdapter(SiteExtra).json_schema()
    if "Text" in schema.get("$defs", {}):
        schema["$defs"]["Text"] = {
            **schema["$defs"]["Text"],
            **_text_schema(languages or Languages(UNCONFIGURED_SITE_LANGUAGES)),
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Mootori seaded / The engine's settings",
        "description": "extra.projectsite in mkdocs.yml",
        **_annotate(schema),
    }


def write_schemas(folder: Path, languages: Languages | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    settings = folder / "settings.json"
    settings.write_text(json.dumps(settings_schema(languages), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    written = [settings]
    for name in DATA_FILES:
        path = folder / f"{name}.json"
        path.write_text(json.dumps(data_schema(name, languages), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
