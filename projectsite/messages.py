"""Every message to the editor, in English and Estonian: a key and its parameters, rendered in either."""

from __future__ import annotations

import importlib
import locale
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

# The language of a message where the editor's has no text for it, and of logs.
FALLBACK = "en"

CATALOGUE: dict[str, dict[str, str]] = {
    # what was written, named in words
    "nothing": {"en": "nothing", "et": "mitte midagi"},
    "yes_no": {"en": "the yes/no value {value}", "et": "jah/ei väärtus {value}"},
    "number": {"en": "the number {value}", "et": "arv {value}"},
    "quoted": {"en": "'{value}'", "et": "„{value}“"},
    "a_list": {"en": "a list", "et": "loend"},
    "a_group": {"en": "a group of fields", "et": "väljade rühm"},
    "a_text_kind": {
        "en": "text: plain words, or one line per language, like 'et:' and 'en:'",
        "et": "tekst: lihtsalt sõnad või iga keel oma real, näiteks 'et:' ja 'en:'",
    },
    "a_group_kind": {"en": "a group of fields (name: value lines)", "et": "väljade rühm (read kujul nimi: väärtus)"},
    # shapes and types
    "missing": {"en": "the required field '{field}' is missing", "et": "kohustuslik väli '{field}' puudub"},
    "unknown_near": {
        "en": "unknown field '{key}': did you mean '{near}'?",
        "et": "tundmatu väli '{key}': kas mõtlesid '{near}'?",
    },
    "unknown_known": {
        "en": "unknown field '{key}': known fields are: {known}",
        "et": "tundmatu väli '{key}': lubatud väljad on {known}",
    },
    "comma_cut": {
        "en": "'{key}' reads as a field name: a text inside {{...}} was cut at a comma; put the text in quotes, or write it on its own line",
        "et": "'{key}' loetakse välja nimeks: tekst {{...}} sees katkes koma kohalt; pane tekst jutumärkidesse või kirjuta see eraldi reale",
    },
    "expected": {"en": "expected {kind}, found {found}", "et": "oodati: {kind}; leiti {found}"},
    "expected_list": {
        "en": "expected a list (lines starting with '- '), found {found}",
        "et": "oodati loendit (read, mis algavad '- '); leiti {found}",
    },
    "expected_text": {"en": "expected text, found {found}", "et": "oodati teksti; leiti {found}"},
    "expected_int": {"en": "expected a whole number, found {found}", "et": "oodati täisarvu; leiti {found}"},
    "expected_number": {
        "en": "expected a number (with a decimal point, like 2.5), found {found}",
        "et": "oodati arvu (kümnendpunktiga, näiteks 2.5); leiti {found}",
    },
    "expected_yes_no": {
        "en": "expected true or false, found {found}",
        "et": "oodati väärtust true või false; leiti {found}",
    },
    "not_accepted": {"en": "this value is not accepted here: {found}", "et": "seda väärtust siin ei sobi: {found}"},
    "more_than": {
        "en": "must be more than {limit}, found {found}",
        "et": "peab olema suurem kui {limit}; leiti {found}",
    },
    "at_least": {"en": "must be {limit} or more, found {found}", "et": "peab olema vähemalt {limit}; leiti {found}"},
    "at_most": {"en": "must be {limit} or less, found {found}", "et": "peab olema kõige rohkem {limit}; leiti {found}"},
    "currency_code": {
        "en": "expected a currency's three-letter code (EUR, NOK), found '{value}'",
        "et": "oodati valuuta kolmetähelist koodi (EUR, NOK); leiti '{value}'",
    },
    "empty_text": {
        "en": "is empty; write some text or remove the line",
        "et": "on tühi; kirjuta tekst või eemalda rida",
    },
    "needs_entry": {"en": "needs at least one entry", "et": "vajab vähemalt ühte kirjet"},
    "one_of": {
        "en": "must be one of {expected}, found {found}",
        "et": "peab olema üks järgmistest: {expected}; leiti {found}",
    },
    # field formats
    "date_dotted": {
        "en": "'{value}' is written day.month.year; write dates as {wanted}, here {fixed}",
        "et": "'{value}' on kirjutatud kujul päev.kuu.aasta; kirjuta kuupäevad kujul {wanted}, siin {fixed}",
    },
    "date_format": {
        "en": "'{value}' is not a date in the form {wanted} (for example 2022-06-14)",
        "et": "'{value}' ei ole kuupäev kujul {wanted} (näiteks 2022-06-14)",
    },
    "date_type": {"en": "expected a date in the form {wanted}", "et": "oodati kuupäeva kujul {wanted}"},
    "form_day": {"en": "YYYY-MM-DD", "et": "AAAA-KK-PP"},
    "form_when": {"en": "YYYY-MM-DD or YYYY-MM-DD HH:MM", "et": "AAAA-KK-PP või AAAA-KK-PP TT:MM"},
    "impossible_date": {
        "en": "'{value}' is not a real date: no such day in the calendar",
        "et": "'{value}' ei ole päris kuupäev: sellist päeva kalendris ei ole",
    },
    "impossible_time": {"en": "'{value}' is not a real time of day", "et": "'{value}' ei ole päris kellaaeg"},
    "id_format": {
        "en": "'{value}' is not a usable id: use lowercase letters, digits and '-' (for example opening-seminar-2022)",
        "et": "'{value}' ei sobi id-ks: kasuta väiketähti, numbreid ja '-' (näiteks avaseminar-2022)",
    },
    "url_format": {
        "en": "'{value}' is not a web address: it must start with https:// and name a site, like https://www.example.ee/page",
        "et": "'{value}' ei ole veebiaadress: see peab algama https:// ja nimetama saidi, näiteks https://www.example.ee/leht",
    },
    "url_scheme": {
        "en": "'{value}' is not an address the site can link: only https://, http:// and mailto: addresses are allowed",
        "et": "„{value}“ ei ole aadress, millele sait saab viidata: lubatud on ainult https://, http:// ja mailto: aadressid",
    },
    "url_character": {
        "en": "'{value}' contains {char}, which an address can't hold as written; copy the address from the browser's address bar (there it is percent-encoded, like %20 for a space)",
        "et": "„{value}“: märki {char} ei saa aadressis nii kirjutada; kopeeri aadress brauseri aadressiribalt (seal on see kodeeritud, näiteks tühik kui %20)",
    },
    "char_space": {"en": "a space", "et": "tühik"},
    "char_invisible": {
        "en": "an invisible character ({code}: a line break, tab or control character)",
        "et": "nähtamatu märk ({code}: reavahetus, tabulaator või juhtmärk)",
    },
    "email_format": {
        "en": "'{value}' is not an e-mail address (like name@example.ee)",
        "et": "'{value}' ei ole e-posti aadress (näiteks nimi@example.ee)",
    },
    # rules between fields
    "duplicate_id": {
        "en": "the id '{id}' is already used by {other}; ids must be unique",
        "et": "id '{id}' on juba kasutusel: {other}; id-d peavad olema erinevad",
    },
    "ends_before": {"en": "ends {end}, before its start {start}", "et": "lõpeb {end}, enne algust {start}"},
    "deadline_after": {
        "en": "registration closes {deadline}, after the event starts {start}",
        "et": "registreerimine lõpeb {deadline}, pärast sündmuse algust {start}",
    },
    "previous_start_not_postponed": {
        "en": "previous_start belongs to a postponed event: add status: postponed, or remove it",
        "et": "previous_start käib edasi lükatud sündmuse juurde: lisa status: postponed või eemalda see",
    },
    "event_outside_project": {
        "en": "the event on {date} is outside the project's period {start} – {end} (extra.project.period in mkdocs.yml)",
        "et": "sündmus {date} on väljaspool projekti perioodi {start} – {end} (extra.project.period failis mkdocs.yml)",
    },
    "module_outside": {
        "en": "the module is dated {date}, outside the programme period {start} – {end}",
        "et": "moodul on dateeritud {date}, väljaspool programmi perioodi {start} – {end}",
    },
    "twice": {"en": "'{key}' is written twice here; keep one", "et": "'{key}' on siin kirjas kaks korda; jäta üks"},
    # files
    "marker_without_data": {
        "en": "the marker {marker} shows {file}, which does not exist; write the file, or take the page out of the site",
        "et": "märgend {marker} näitab faili {file}, mida ei ole; kirjuta see fail või eemalda leht saidist",
    },
    "file_empty": {
        "en": "the file is empty; write {hint} (or '[]' for none)",
        "et": "fail on tühi; kirjuta sinna {hint} (või '[]', kui ühtegi pole)",
    },
    "not_utf8": {
        "en": "the file is not UTF-8 text; save it again as UTF-8",
        "et": "fail ei ole UTF-8 tekst; salvesta see uuesti UTF-8 kodeeringus",
    },
    "hint_events": {
        "en": "a list of events, each starting with '- id:'",
        "et": "sündmuste loend, iga sündmus algab reaga '- id:'",
    },
    "hint_trainings": {
        "en": "a list of training programmes, each starting with '- id:'",
        "et": "koolitusprogrammide loend, iga programm algab reaga '- id:'",
    },
    "hint_media": {
        "en": "a list of articles, each starting with '- date:'",
        "et": "artiklite loend, iga artikkel algab reaga '- date:'",
    },
    "hint_team": {
        "en": "a list of people, each starting with '- name:'",
        "et": "inimeste loend, iga inimene algab reaga '- name:'",
    },
    "file_is_folder": {
        "en": "this is a folder where a file belongs; remove the folder and write the file",
        "et": "siin on kaust, kuid peab olema fail; eemalda kaust ja kirjuta fail",
    },
    "file_not_regular": {
        "en": "this is not an ordinary file (a pipe or a device); write an ordinary text file",
        "et": "see ei ole tavaline fail (toru või seade); kirjuta tavaline tekstifail",
    },
    "file_unreadable": {
        "en": "the file cannot be read (check that it exists and that you may read it)",
        "et": "faili ei saa lugeda (kontrolli, et see on olemas ja sul on lugemisõigus)",
    },
    "file_outside": {
        "en": "this is a link to a file outside the project; copy the file here instead",
        "et": "see on viide failile väljaspool projekti; kopeeri fail hoopis siia",
    },
    "file_too_big": {
        "en": "the file is {size} MB; at most {limit} MB is read; split or shorten it",
        "et": "fail on {size} MB; loetakse kuni {limit} MB; jaga see osadeks või lühenda",
    },
    "data_file_unknown": {
        "en": "no part of the site reads this file; the data files are {known}",
        "et": "seda faili ei loe ükski saidi osa; andmefailid on {known}",
    },
    "data_file_unknown_near": {
        "en": "no part of the site reads this file: did you mean {near}?",
        "et": "seda faili ei loe ükski saidi osa: kas mõtlesid {near}?",
    },
    # YAML that cannot be read: each at the line where the broken construct begins
    "yaml_quote": {
        "en": "the text that starts with the quote {quote} on this line is never closed; end it with the same quote mark (inside '...' write an apostrophe twice: '')",
        "et": "sellel real jutumärgiga {quote} algav tekst jääb sulgemata; lõpeta see sama märgiga (ülakomade '...' sees kirjuta ülakoma kaks korda: '')",
    },
    "yaml_after_quote": {
        "en": "there is text after the closing quote; put the quotes around the whole text (inside '...' write an apostrophe twice: '', or use \"...\")",
        "et": "lõpetava jutumärgi järel on veel teksti; pane jutumärgid kogu teksti ümber (ülakomade '...' sees kirjuta ülakoma kaks korda: '' või kasuta märke \"...\")",
    },
    "yaml_escape": {
        "en": "a backslash inside \"...\" starts a special character; write it twice (\\\\) or use '...' instead",
        "et": "kurakaldkriips märkide \"...\" sees alustab erimärki; kirjuta see kaks korda (\\\\) või kasuta hoopis märke '...'",
    },
    "yaml_bracket": {
        "en": "the bracket {open} on this line is never closed with {close}; close it, or if the text itself starts with {open}, put the whole text in quotes",
        "et": "selle rea sulg {open} jääb sulguga {close} sulgemata; sulge see või, kui tekst ise algab märgiga {open}, pane kogu tekst jutumärkidesse",
    },
    "yaml_no_colon": {
        "en": "this line is neither 'name: value' nor '- item'; add ': ' after the field name, or join the line to the text above",
        "et": "see rida ei ole kujul 'nimi: väärtus' ega '- kirje'; lisa välja nime järele ': ' või ühenda rida ülemise tekstiga",
    },
    "yaml_colon": {
        "en": "a second ': ' on this line, or the line is indented more than the one above; put text containing ': ' in quotes, and start the fields of one entry in the same column",
        "et": "sellel real on teine ': ' või on rida ülemisest rohkem taandatud; pane jutumärkidesse tekst, milles on ': ', ja alusta ühe kirje välju samast veerust",
    },
    "yaml_indent": {
        "en": "the indentation of this line does not match the lines above; start the fields of one entry in the same column, and each list entry with '- ' in the same column",
        "et": "selle rea taane ei sobi ülemiste ridadega; alusta ühe kirje välju samast veerust ja iga loendi kirjet märgiga '- ' samast veerust",
    },
    "yaml_tab": {
        "en": "this line is indented with a tab; indent with spaces only",
        "et": "see rida on taandatud tabulaatoriga; kasuta taandeks ainult tühikuid",
    },
    "yaml_reserved": {
        "en": "a value cannot start with {char} unquoted; put the whole text in quotes",
        "et": "väärtus ei tohi ilma jutumärkideta alata märgiga {char}; pane kogu tekst jutumärkidesse",
    },
    "yaml_two_documents": {
        "en": "a second '---' line starts another document; a data file is one list, so remove this line",
        "et": "teine rida '---' alustab uut dokumenti; andmefail on üks loend, seega eemalda see rida",
    },
    "yaml_other": {
        "en": "this line cannot be read (column {column}); check the indentation, and put text containing ': ' or '#', or starting with a special character, in quotes",
        "et": "seda rida ei saa lugeda (veerg {column}); kontrolli taandeid ja pane jutumärkidesse tekst, milles on ': ' või '#' või mis algab erimärgiga",
    },
    "yaml_too_deep": {
        "en": "the lists and groups are nested more than {limit} levels deep here; the data needs only a few levels: check the indentation and brackets",
        "et": "loendid ja rühmad on siin üksteise sees üle {limit} taseme; andmed vajavad vaid mõnda taset: kontrolli taandeid ja sulge",
    },
    "yaml_too_many_aliases": {
        "en": "more than {limit} references (*name) to repeated parts; write the values out instead",
        "et": "üle {limit} viite (*nimi) korduvatele osadele; kirjuta väärtused välja",
    },
    "yaml_expands": {
        "en": "the references (*name) from here on would repeat more than {limit} values; write the values out instead",
        "et": "siit algavad viited (*nimi) kordaksid üle {limit} väärtuse; kirjuta väärtused välja",
    },
    "yaml_recursive": {
        "en": "a reference (*name) from here on points into itself; write the values out instead",
        "et": "siit algav viide (*nimi) viitab iseendale; kirjuta väärtused välja",
    },
    "control_character": {
        "en": "an invisible control character ({code}) is in the text; delete it (it often comes with copy and paste)",
        "et": "tekstis on nähtamatu juhtmärk ({code}); kustuta see (see tuleb sageli kopeerimisega kaasa)",
    },
    # values the calendar or the clock cannot hold
    "year_range": {
        "en": "'{value}': the year must lie between {first} and {last}",
        "et": "'{value}': aasta peab jääma vahemikku {first}–{last}",
    },
    "time_nonexistent": {
        "en": "{value} does not exist in the site's time zone ({zone}): the clocks jump from {before} to {after} that night; write the time as it will be shown ({after} or later)",
        "et": "{value} ei ole saidi ajavööndis ({zone}) olemas: sel ööl keeratakse kell {before} pealt {after} peale; kirjuta aeg nii, nagu see kehtib ({after} või hiljem)",
    },
    "time_ambiguous": {
        "en": "{value} happens twice in the site's time zone ({zone}): the clocks go back from {after} to {before} that night; the earlier (summer time) one is used",
        "et": "{value} on saidi ajavööndis ({zone}) kaks korda: sel ööl keeratakse kell {after} pealt {before} peale; kasutatakse esimest (suveaja) oma",
    },
    "news_file_name": {
        "en": "a news post's file name is YYYY-MM-DD-name.md: its date, then lowercase letters, digits and hyphens, like 2024-03-22-kogemuste-analuus.md",
        "et": "uudise failinimi on kujul AAAA-KK-PP-nimi.md: kuupäev, siis väiketähed, numbrid ja sidekriipsud, näiteks 2024-03-22-kogemuste-analuus.md",
    },
    "news_not_a_file": {
        "en": "this is a folder, not a news post; a news post is a .md file",
        "et": "see on kaust, mitte uudis; uudis on .md-fail",
    },
    "front_matter": {
        "en": "a news post starts with front matter: a line '---', then 'date: YYYY-MM-DD' and 'title: ...', then '---'",
        "et": "uudis algab päisega: rida '---', siis 'date: AAAA-KK-PP' ja 'title: ...', siis '---'",
    },
    # translations
    "no_translation": {
        "en": "has no {language} text ({code}:); the {language} site shows the {original}",
        "et": "{language} keeles tekst ({code}:) puudub; {language} keeles näidatakse {original} keeles teksti",
    },
    "page_no_translation": {
        "en": "this page has no {language} version ({other})",
        "et": "sellel lehel ei ole {language} keeles vastet ({other})",
    },
    # the check's report
    "all_valid": {"en": "All data files and news posts are valid.", "et": "Kõik andmefailid ja uudised on korras."},
    "counts": {"en": "{errors}, {warnings}.", "et": "{errors}, {warnings}."},
    "untranslated": {"en": "{parts} without a translation.", "et": "Tõlketa: {parts}."},
    # the preview (mkdocs serve) while the data has errors
    "preview_title": {"en": "The site was not built", "et": "Saiti ei ehitatud"},
    "preview_intro": {
        "en": "These problems in the data stop the site from being built:",
        "et": "Need vead andmetes takistavad saidi ehitamist:",
    },
    "preview_advice": {
        "en": "Fix the file and save it: this page reloads by itself. `projectsite check` lists the same problems.",
        "et": "Paranda fail ja salvesta see: leht laadib end ise uuesti. Samad vead näitab ka käsk `projectsite check`.",
    },
    "preview_waiting": {
        "en": "The preview shows these problems until they are fixed.",
        "et": "Eelvaade näitab neid vigu, kuni need on parandatud.",
    },
    "no_catalogue": {
        "en": "the engine has no words for the language '{lang}' ({count} labels around the data, its dates and "
        "numbers): the languages it has are {known}; add projectsite/locales/{lang}.py (copy en.py and translate it)",
        "et": "mootoril pole keele „{lang}“ sõnu ({count} silti andmete ümber, kuupäevad ja arvud): tal on keeled "
        "{known}; lisa projectsite/locales/{lang}.py (kopeeri en.py ja tõlgi see)",
    },
    "data_template_error": {
        "en": "the site's data template stopped the build: {error}",
        "et": "saidi andmemall peatas ehitamise: {error}",
    },
    "preview_build_stopped": {
        "en": "the site's build stopped: {error}",
        "et": "saidi ehitamine katkes: {error}",
    },
    "warning": {"en": "warning", "et": "hoiatus"},
    "no_event": {
        "en": "no event with the id '{id}' in data/events.yaml",
        "et": "failis data/events.yaml ei ole sündmust id-ga '{id}'",
    },
    "no_post": {
        "en": "no news post '{slug}' in docs/et/news/ or docs/en/news/",
        "et": "kaustades docs/et/news/ ja docs/en/news/ ei ole uudist '{slug}'",
    },
    "nl_sync": {
        "en": "{added} added ({subscribed} subscribed, {pending} pending their confirmation), {updated} updated, {unchanged} unchanged, {skipped} skipped.",
        "et": "{added} lisatud ({subscribed} liitunud, {pending} ootab kinnitust), {updated} muudetud, {unchanged} muutmata, {skipped} vahele jäetud.",
    },
    "nl_sync_nothing": {
        "en": "The audience already matches the file: nothing to change.",
        "et": "Nimekiri on juba failiga kooskõlas: midagi ei muutu.",
    },
    "nl_skipped": {
        "en": "{email}: {status}, left as it is (never subscribed again)",
        "et": "{email}: {status}, jäetakse nii (uuesti ei liideta)",
    },
    "nl_dry_run": {"en": "Dry run: nothing was changed.", "et": "Proovikäivitus: midagi ei muudetud."},
    "nl_already_sent": {
        "en": "{item} ({lang}) was sent at {at}; not sending it again (--resend sends it once more)",
        "et": "{item} ({lang}) saadeti {at}; uuesti ei saadeta (--resend saadab veel kord)",
    },
    "nl_created": {
        "en": "{item} ({lang}): draft {campaign} created",
        "et": "{item} ({lang}): mustand {campaign} loodud",
    },
    "nl_would_create": {"en": "{item} ({lang}): would create a draft", "et": "{item} ({lang}): looks mustandi"},
    "nl_resumed": {
        "en": "{item} ({lang}): found {campaign}, created earlier and not sent yet",
        "et": "{item} ({lang}): leitud varem loodud ja saatmata {campaign}",
    },
    "nl_sent": {
        "en": "{item} ({lang}): {campaign} sent to {n} subscriber(s)",
        "et": "{item} ({lang}): {campaign} saadetud {n} tellijale",
    },
    "nl_would_send": {
        "en": "{item} ({lang}): would send to {n} subscriber(s)",
        "et": "{item} ({lang}): saadaks {n} tellijale",
    },
    "nl_test": {
        "en": "{item} ({lang}): test e-mail written: {paths}",
        "et": "{item} ({lang}): proovikiri kirjutatud: {paths}",
    },
    "nl_no_schedule": {
        "en": "the {backend} backend sends at once and cannot schedule; scheduling needs Mailchimp",
        "et": "taustateenus {backend} saadab kohe ega oska ajastada; ajastamiseks on vaja Mailchimpi",
    },
    "nl_smtp_unset": {
        "en": "the smtp backend needs SMTP_HOST (and SMTP_PORT, SMTP_USER, SMTP_PASSWORD)",
        "et": "taustateenus smtp vajab SMTP_HOST-i (ja SMTP_PORT, SMTP_USER, SMTP_PASSWORD)",
    },
    "nl_smtp_no_tls": {
        "en": "the mail server {host} offers no STARTTLS: nothing is sent unencrypted (SMTP_ALLOW_PLAIN=1 allows it for a server on this machine only); nothing was sent",
        "et": "e-posti server {host} ei paku STARTTLS-i: krüpteerimata midagi ei saadeta (SMTP_ALLOW_PLAIN=1 lubab seda ainult selle arvuti serveriga); midagi ei saadetud",
    },
    "nl_smtp_refused": {
        "en": "the mail server refused the message ({code} {reply}); nothing more was sent, run again when it is fixed",
        "et": "e-posti server keeldus kirjast ({code} {reply}); rohkem ei saadetud, käivita uuesti, kui viga on parandatud",
    },
    "nl_smtp_failed": {
        "en": "the mail server did not answer after several tries ({error}); what was sent is recorded, run again to go on",
        "et": "e-posti server ei vastanud mitmel katsel ({error}); saadetu on kirjas, jätkamiseks käivita uuesti",
    },
    "nl_mailchimp_unset": {
        "en": "the mailchimp backend needs MAILCHIMP_API_KEY and MAILCHIMP_LIST_ID",
        "et": "taustateenus mailchimp vajab MAILCHIMP_API_KEY ja MAILCHIMP_LIST_ID väärtust",
    },
    "nl_mailchimp_missing": {
        "en": "the mailchimp backend needs Mailchimp's client library: pip install 'projectsite[mailchimp]'",
        "et": "taustateenus mailchimp vajab Mailchimpi klienditeeki: pip install 'projectsite[mailchimp]'",
    },
    "nl_mailchimp_refused": {
        "en": "Mailchimp refused ({status} {title}): {detail}; nothing more was changed",
        "et": "Mailchimp keeldus ({status} {title}): {detail}; rohkem ei muudetud",
    },
    "nl_mailchimp_failed": {
        "en": "Mailchimp did not answer after several tries ({title} {detail}); what was done stays done, run again to go on",
        "et": "Mailchimp ei vastanud mitmel katsel ({title} {detail}); tehtu jääb, jätkamiseks käivita uuesti",
    },
    "nl_mailchimp_rejected": {
        "en": "Mailchimp rejected {n} member(s), for example {first}; the others were saved",
        "et": "Mailchimp ei võtnud vastu {n} liiget, näiteks {first}; teised salvestati",
    },
    "nl_scheduled": {
        "en": "{item} ({lang}): {campaign} scheduled for {when}",
        "et": "{item} ({lang}): {campaign} ajastatud: {when}",
    },
    "nl_test_sent": {
        "en": "{item} ({lang}): test e-mail sent to {addresses}",
        "et": "{item} ({lang}): proovikiri saadetud: {addresses}",
    },
    "nl_bad_schedule": {
        "en": "'{value}' is not a time to send: write YYYY-MM-DD HH:MM (the site's time zone, {zone}), in the future",
        "et": "'{value}' ei sobi saatmisajaks: kirjuta AAAA-KK-PP TT:MM (saidi ajavööndis {zone}), tulevikus",
    },
    "nl_bad_rows": {"en": "{n} row(s) skipped; the rest was read.", "et": "{n} rida jäeti vahele; ülejäänud loeti."},
    "nl_audience": {"en": "Audience ({backend}):", "et": "Nimekiri ({backend}):"},
    "nl_audience_line": {"en": "  {status}, {lang}: {n}", "et": "  {status}, {lang}: {n}"},
    "nl_log": {"en": "Announcements:", "et": "Teadaanded:"},
    "nl_log_line": {
        "en": "  {at} {item} ({lang}) {status} {campaign}{recipients}",
        "et": "  {at} {item} ({lang}) {status} {campaign}{recipients}",
    },
    "nl_none": {"en": "  none", "et": "  pole"},
    # sending exactly once (lock.py, sendlog.py, journal.py, smtp.py)
    "nl_already_sent_by": {
        "en": "{item} ({lang}) was sent at {at} by {backend}; not sending it again (--resend sends it once more)",
        "et": "{item} ({lang}) saadeti {at} ({backend}); uuesti ei saadeta (--resend saadab veel kord)",
    },
    "nl_busy": {
        "en": "another {command} is running (process {pid} holds {lock}); nothing was sent: wait until it ends, then run again",
        "et": "teine käsk ({command}) juba käib (protsess {pid} hoiab lukku {lock}); midagi ei saadetud: oota, kuni see lõpeb, ja käivita uuesti",
    },
    "nl_log_fix": {
        "en": "the send log was changed by hand or by a merge; nothing was sent: fix that line (git diff shows what changed) and run again",
        "et": "saatmislogi on käsitsi või ühendamisel muudetud; midagi ei saadetud: paranda see rida (git diff näitab muudatust) ja käivita uuesti",
    },
    "nl_log_conflict": {
        "en": "a merge conflict marker: keep the entries of both sides and remove the marker lines",
        "et": "ühendamiskonflikti märgend: jäta alles mõlema poole kirjed ja kustuta märgendiread",
    },
    "nl_log_yaml": {"en": "not readable as YAML ({error})", "et": "ei ole loetav YAML-ina ({error})"},
    "nl_log_alias": {
        "en": "YAML anchors and aliases (& and *) have no place in the send log",
        "et": "YAML-i ankrutel ja viidetel (& ja *) pole saatmislogis kohta",
    },
    "nl_log_unreadable": {
        "en": "cannot be read as UTF-8 text ({error})",
        "et": "ei saa lugeda UTF-8 tekstina ({error})",
    },
    "nl_log_shape": {
        "en": "expected a list of entries (lines starting with '- item:')",
        "et": "oodati kirjete loendit (read, mis algavad '- item:')",
    },
    "nl_log_entry": {
        "en": "expected an entry with item, language, backend, campaign, status and at",
        "et": "oodati kirjet väljadega item, language, backend, campaign, status ja at",
    },
    "nl_log_value": {"en": "expected {expected}, found '{value}'", "et": "oodati: {expected}; leiti „{value}“"},
    "nl_refused_total": {
        "en": "{n} address(es) refused for good, marked cleaned and left out of every later sending:",
        "et": "{n} aadressi lükati jäädavalt tagasi, märgiti puhastatuks (cleaned) ja jäetakse edaspidi välja:",
    },
    "nl_refused": {"en": "  {email}: {reason}", "et": "  {email}: {reason}"},
    "nl_mailchimp_bad_key": {
        "en": "MAILCHIMP_API_KEY is not a Mailchimp API key: copy the whole key, with its data "
        "centre at the end (like '…-us21'), from Profile → Extras → API keys",
        "et": "MAILCHIMP_API_KEY ei ole Mailchimpi API võti: kopeeri kogu võti koos andmekeskusega "
        "lõpus (näiteks „…-us21“) menüüst Profile → Extras → API keys",
    },
    "nl_mailchimp_bad_list": {
        "en": "MAILCHIMP_LIST_ID must be the audience's id, letters and digits (Audience → "
        "Settings → Audience name and defaults), found '{value}'",
        "et": "MAILCHIMP_LIST_ID peab olema auditooriumi tunnus, tähed ja numbrid (Audience → "
        "Settings → Audience name and defaults), leiti „{value}“",
    },
    "nl_mailchimp_bad_url": {
        "en": "MAILCHIMP_API_URL must be an http:// or https:// address, found '{value}'",
        "et": "MAILCHIMP_API_URL peab olema http:// või https:// aadress, leiti „{value}“",
    },
    "nl_settings_mistake": {
        "en": "{where} {error} (the newsletter takes its settings from mkdocs.yml; `projectsite check` lists "
        "every mistake)",
        "et": "{where} {error} (uudiskiri võtab oma seaded failist mkdocs.yml; `projectsite check` näitab kõiki vigu)",
    },
    "nl_settings_unreadable": {
        "en": "{file}: the newsletter's settings can't be read ({error}); run the command "
        "in the project folder or give it with --root",
        "et": "{file}: uudiskirja seadeid ei saa lugeda ({error}); käivita käsk projekti "
        "kaustas või anna see --root abil",
    },
    "nl_smtp_bad_port": {
        "en": "SMTP_PORT must be a port number from 1 to 65535, found '{value}'",
        "et": "SMTP_PORT peab olema pordi number 1 kuni 65535, leiti „{value}“",
    },
    "nl_smtp_unknown_host": {
        "en": "the mail server '{host}' (SMTP_HOST) was not found: the name does not resolve; nothing more was sent",
        "et": "e-posti serverit „{host}“ (SMTP_HOST) ei leitud: nimi ei lahene; rohkem midagi ei saadetud",
    },
    "nl_smtp_no_auth": {
        "en": "the mail server {host} takes no login (it offers no AUTH): unset SMTP_USER and SMTP_PASSWORD, or use another server; nothing more was sent",
        "et": "e-posti server {host} ei võta sisselogimist vastu (AUTH puudub): eemalda SMTP_USER ja SMTP_PASSWORD või kasuta muud serverit; rohkem midagi ei saadetud",
    },
    "nl_smtp_login_refused": {
        "en": "the mail server {host} refused the login ({code} {reply}): check SMTP_USER and SMTP_PASSWORD; nothing more was sent",
        "et": "e-posti server {host} ei lubanud sisse logida ({code} {reply}): kontrolli SMTP_USER ja SMTP_PASSWORD väärtust; rohkem midagi ei saadetud",
    },
    "nl_smtp_tls_failed": {
        "en": "the encrypted connection to the mail server failed ({error}); nothing more was sent",
        "et": "krüpteeritud ühendus e-posti serveriga ebaõnnestus ({error}); rohkem midagi ei saadetud",
    },
    "nl_smtp_recipient_refused": {
        "en": "the mail server refused this address for good ({code} {reply})",
        "et": "e-posti server lükkas selle aadressi jäädavalt tagasi ({code} {reply})",
    },
    "nl_smtp_no_utf8": {
        "en": "the mail server cannot take letters beyond ASCII before the @ (it lacks SMTPUTF8)",
        "et": "e-posti server ei võta vastu täpitähti ega muid mitte-ASCII märke enne @-märki (SMTPUTF8 puudub)",
    },
    "nl_smtp_sender_utf8": {
        "en": "the reply-to address {address} has letters beyond ASCII, and the mail server lacks SMTPUTF8; nothing was sent",
        "et": "vastamisaadressis {address} on mitte-ASCII märke ja e-posti serveril puudub SMTPUTF8; midagi ei saadetud",
    },
    "bad_item": {
        "en": "'{item}' is not an item to announce: write event:<id> or news:<file name without .md>",
        "et": "'{item}' ei ole teavitatav: kirjuta event:<id> või news:<failinimi ilma .md-ta>",
    },
    # the newsletter's audience: addresses, the subscribers' CSV, the list managed by commands
    "nl_address_long": {
        "en": "'{value}' is too long for an e-mail address (at most 64 characters before the @ and 254 in all)",
        "et": "„{value}“ on e-posti aadressiks liiga pikk (enne @-märki kuni 64 ja kokku kuni 254 märki)",
    },
    "nl_too_long": {
        "en": "'{value}' is too long: at most {n} characters",
        "et": "„{value}“ on liiga pikk: kuni {n} märki",
    },
    "nl_csv_missing": {
        "en": "there is no such file: check its name and folder",
        "et": "sellist faili ei ole: kontrolli faili nime ja kausta",
    },
    "nl_csv_folder": {
        "en": "this is a folder, not a file: give the path of the CSV file",
        "et": "see on kaust, mitte fail: anna CSV-faili asukoht",
    },
    "nl_csv_unreadable": {
        "en": "the file cannot be read ({error}): check that you may open it",
        "et": "faili ei saa lugeda ({error}): kontrolli, kas sul on õigus seda avada",
    },
    "nl_csv_too_big": {
        "en": "the file is larger than {mb} MB: is it the list of subscribers?",
        "et": "fail on suurem kui {mb} MB: kas see on ikka liitujate nimekiri?",
    },
    "nl_csv_encoding": {
        "en": "the file is neither UTF-8 nor {encoding} text: in Excel, save it with 'Save as', type 'CSV UTF-8'",
        "et": "fail ei ole UTF-8 ega {encoding} tekst: salvesta see Excelis „Salvesta nimega“, tüüp „CSV UTF-8“",
    },
    "nl_csv_windows_1257": {
        "en": "the file is not UTF-8: it was read as {encoding}; check that the letters of your language look right, or save it as 'CSV UTF-8'",
        "et": "fail ei ole UTF-8: see loeti kodeeringus {encoding}; kontrolli, et õ, ä, ö, ü, š ja ž on õiged, või salvesta fail kujul „CSV UTF-8“",
    },
    "nl_csv_empty": {
        "en": "the file is empty: its first line names the columns (email, name, language, consent_at, tags)",
        "et": "fail on tühi: esimene rida nimetab veerud (email, name, language, consent_at, tags)",
    },
    "nl_csv_no_email": {
        "en": "the first line has no 'email' column ({header}); it names the columns, separated by ',', ';' or a tab",
        "et": "esimesel real ei ole veergu „email“ ({header}); see rida nimetab veerud, eraldatuna märgiga ',', ';' või tabulaatoriga",
    },
    "nl_csv_field_long": {
        "en": "a field here is longer than {n} characters (a quote that is never closed?); the rows before it were read",
        "et": "siin on väli pikem kui {n} märki (jutumärk jäi sulgemata?); sellele eelnevad read loeti",
    },
    "nl_csv_broken": {
        "en": "the file cannot be read from here on ({error}); the rows before it were read",
        "et": "faili ei saa siit edasi lugeda ({error}); sellele eelnevad read loeti",
    },
    "nl_no_rows": {
        "en": "{file}: no row could be used, so nothing was changed",
        "et": "{file}: ühtegi rida ei saanud kasutada, seega midagi ei muudetud",
    },
    "nl_unsubscribed": {
        "en": "{n} unsubscribed at {at} ({zone}), {new} of them not on the list before and recorded so that no sync adds them; {already} already unsubscribed; {bad} not an address.",
        "et": "{n} märgiti loobunuks {at} ({zone}), neist {new} polnud nimekirjas ja on nüüd kirjas, et ükski sünkroonimine neid ei lisaks; {already} oli juba loobunud; {bad} ei olnud aadress.",
    },
    "nl_left": {
        "en": "{email}: {status} since {at}; not subscribed again (if they asked to come back, add --consent --rejoin)",
        "et": "{email}: {status} alates {at}; uuesti ei liideta (kui inimene ise palus end tagasi, lisa --consent --rejoin)",
    },
    "nl_subscribed": {
        "en": "{subscribed} subscribed, {pending} pending their confirmation, {unchanged} unchanged, {left} left out.",
        "et": "{subscribed} liitunud, {pending} ootab kinnitust, {unchanged} muutmata, {left} jäeti välja.",
    },
    "nl_pending": {"en": "Pending their confirmation ({n}):", "et": "Ootavad kinnitust ({n}):"},
    "nl_pending_line": {
        "en": "  {email} ({lang}), pending since {since}, {asked}",
        "et": "  {email} ({lang}), ootab alates {since}, {asked}",
    },
    "nl_asked": {"en": "asked to confirm {at}", "et": "kinnitust küsiti {at}"},
    "nl_never_asked": {"en": "not asked to confirm yet", "et": "kinnitust pole veel küsitud"},
    "nl_would_confirm": {
        "en": "Would ask {n} pending people to confirm ({before} asked before are not asked again; --again asks them too).",
        "et": "Kinnitust küsitaks {n} ootel inimeselt ({before} varem küsitult uuesti ei küsita; --again küsib ka neilt).",
    },
    "nl_confirmed": {
        "en": "Asked {n} pending people to confirm, each in their language ({before} asked before were not asked again; --again asks them too).",
        "et": "Kinnitust küsiti {n} ootel inimeselt, igaühelt tema keeles ({before} varem küsitult uuesti ei küsitud; --again küsib ka neilt).",
    },
    "nl_confirmed_mailchimp": {
        "en": "Asked {n} pending people to confirm: Mailchimp sends each its confirmation e-mail.",
        "et": "Kinnitust küsiti {n} ootel inimeselt: Mailchimp saadab igaühele oma kinnituskirja.",
    },
    "nl_confirm_subject": {
        "en": "{sender}: please confirm that you want our newsletter",
        "et": "{sender}: palun kinnita, et soovid meie infokirja",
    },
    "nl_confirm_hello": {
        "en": "Hello! Your address is on the list of the {sender} newsletter, but we do not have your confirmation yet that you want it.",
        "et": "Tere! Sinu aadress on {sender} infokirja nimekirjas, kuid meil pole veel sinu kinnitust, et soovid seda saada.",
    },
    "nl_confirm_how": {
        "en": "To confirm, reply to this e-mail with the word YES, or join with the form at the bottom of {form}",
        "et": "Kinnitamiseks vasta sellele kirjale sõnaga JAH või liitu lehe {form} allservas oleva vormiga.",
    },
    "nl_confirm_else": {
        "en": "If you do not want the newsletter, do nothing: without your confirmation you get no newsletter from us. Sender: {organisation}.",
        "et": "Kui sa infokirja ei soovi, ära tee midagi: ilma sinu kinnituseta sa meilt infokirja ei saa. Saatja: {organisation}.",
    },
    "nl_no_addresses": {
        "en": "no address given: write them after the command, or give a file with --from FILE",
        "et": "aadressi pole antud: kirjuta aadressid käsu järele või anna fail võtmega --from FAIL",
    },
    "nl_progress_save": {"en": "saving", "et": "salvestan"},
    "nl_progress_ask": {"en": "asking", "et": "küsin"},
    "nl_progress_send": {"en": "sending ({lang})", "et": "saadan ({lang})"},
    "n_error_one": {"en": "{n} error", "et": "{n} viga"},
    "n_error_other": {"en": "{n} errors", "et": "{n} viga"},
    "n_warning_one": {"en": "{n} warning", "et": "{n} hoiatus"},
    "n_warning_other": {"en": "{n} warnings", "et": "{n} hoiatust"},
    "n_events_one": {"en": "{n} event", "et": "{n} sündmus"},
    "n_events_other": {"en": "{n} events", "et": "{n} sündmust"},
    "n_trainings_one": {"en": "{n} training programme", "et": "{n} koolitusprogramm"},
    "n_trainings_other": {"en": "{n} training programmes", "et": "{n} koolitusprogrammi"},
    "n_media_one": {"en": "{n} media item", "et": "{n} meediakajastus"},
    "n_media_other": {"en": "{n} media items", "et": "{n} meediakajastust"},
    "n_team_one": {"en": "{n} team member", "et": "{n} meeskonnaliige"},
    "n_team_other": {"en": "{n} team members", "et": "{n} meeskonnaliiget"},
    "n_pages_one": {"en": "{n} page", "et": "{n} leht"},
    "n_pages_other": {"en": "{n} pages", "et": "{n} lehte"},
    "end_without_start": {
        "en": "an event whose start is not known has no end: write the start too, or remove the end",
        "et": "sündmusel, mille algus pole teada, pole ka lõppu: kirjuta ka algus (start) või eemalda lõpp (end)",
    },
    "year_with_start": {
        "en": "year is for an event whose date is not known yet: the start already gives the year, remove year",
        "et": "year on sündmusele, mille kuupäev pole veel teada: algus (start) annab juba aasta, eemalda year",
    },
    "unknown_language": {
        "en": "'{key}' is not one of the site's languages ({known}): write each text under a language code of mkdocs.yml",
        "et": "„{key}“ ei ole saidi keel ({known}): kirjuta iga tekst mkdocs.yml-is nimetatud keelekoodi alla",
    },
    "one_of_languages": {
        "en": "must be one of the site's languages {expected}, found '{found}'",
        "et": "peab olema üks saidi keeltest {expected}; leiti „{found}“",
    },
    "unknown_language_near": {
        "en": "unknown language '{key}': did you mean '{near}'? The site's languages are {known}",
        "et": "tundmatu keel „{key}“: kas mõtlesid „{near}“? Saidi keeled on {known}",
    },
    "missing_original": {
        "en": "the text in the site's original language ({lang}:) is missing; it is required, translations are optional",
        "et": "saidi algkeele tekst ({lang}:) puudub; see on kohustuslik, tõlked mitte",
    },
    "text_not_string": {
        "en": "the {lang}: text is not text; write it as words on the line (in quotes if it has ':' or '#')",
        "et": "{lang}: tekst ei ole tekst; kirjuta see sõnadena reale (jutumärkides, kui selles on ':' või '#')",
    },
    "new_not_empty": {
        "en": "{folder} is not empty: projectsite new writes a site only into a new or empty folder, so that nothing is overwritten",
        "et": "kaust {folder} ei ole tühi: projectsite new kirjutab saidi ainult uude või tühja kausta, et midagi üle ei kirjutataks",
    },
    "new_not_folder": {"en": "{folder} is a file, not a folder", "et": "{folder} on fail, mitte kaust"},
    "new_languages": {
        "en": "'{given}' is not a list of languages the engine has words for; write codes separated by commas, from: {known}",
        "et": "„{given}“ ei ole keelte loend, mille jaoks mootoril on sõnad; kirjuta koodid komadega eraldatult, valikus: {known}",
    },
    "new_cannot_write": {
        "en": "could not write {folder}: {error}",
        "et": "kausta {folder} ei saanud kirjutada: {error}",
    },
    "new_written": {
        "en": "a new site in {folder} ({n} files). Next: cd {folder} && make serve",
        "et": "uus sait kaustas {folder} ({n} faili). Edasi: cd {folder} && make serve",
    },
    "zensical_built": {
        "en": "the site, built by Zensical ({languages}), is in {folder}",
        "et": "Zensicali ehitatud sait ({languages}) on kaustas {folder}",
    },
    "zensical_missing": {
        "en": "the zensical command was not found; install it (pip install zensical) or use mkdocs build",
        "et": "käsku zensical ei leitud; paigalda see (pip install zensical) või kasuta käsku mkdocs build",
    },
    "zensical_failed": {
        "en": "Zensical stopped with exit code {code} while building the {lang} site: {output}",
        "et": "Zensical lõpetas keele {lang} saidi ehitamise veakoodiga {code}: {output}",
    },
    "zensical_timeout": {
        "en": "Zensical did not finish building the {lang} site in {seconds} s; it was stopped",
        "et": "Zensical ei ehitanud keele {lang} saiti {seconds} sekundiga valmis; see peatati",
    },
    "zensical_site_dir": {
        "en": "the site folder {folder} would hold the project or its pages; choose another folder with --site-dir",
        "et": "saidi kaust {folder} sisaldaks projekti või selle lehti; vali --site-dir abil teine kaust",
    },
    "shallow_clone": {
        "en": "this is a shallow git clone (its history is cut short), so the pages' publication and update dates are not known: the pages show none (a news post shows its own date). Fetch the whole history (actions/checkout with fetch-depth: 0, or git fetch --unshallow) to show them",
        "et": "see on git'i madal kloon (ajalugu on kärbitud), nii et lehtede avaldamise ja muutmise kuupäevi ei tea: lehed neid ei näita (uudis näitab oma kuupäeva). Kuupäevade näitamiseks too kogu ajalugu (actions/checkout koos fetch-depth: 0 või git fetch --unshallow)",
    },
    "config_missing": {
        "en": "the configuration file does not exist (give the site's file with -f, or run the command in the site's folder)",
        "et": "seadistusfaili ei ole (anna saidi fail võtmega -f või käivita käsk saidi kaustas)",
    },
    "config_too_deep": {
        "en": "the lists and groups are nested too deeply to read: check the indentation and brackets",
        "et": "loendid ja rühmad on liiga sügavalt üksteise sees, et faili lugeda: kontrolli taandeid ja sulge",
    },
    "config_invalid": {
        "en": "MkDocs cannot load the configuration: {error}",
        "et": "MkDocs ei saa seadistust laadida: {error}",
    },
    "settings_old_layout": {
        "en": "the engine's settings ({keys}) are straight under extra:; move them, as they are, one level down into {namespace}: (extra: is Material's too)",
        "et": "mootori seaded ({keys}) on otse extra: all; tõsta need samal kujul ühe taseme võrra alla, {namespace}: alla (extra: on ka Materiali oma)",
    },
    "settings_site_path": {
        "en": "'{value}' is not a file of the site: write a path inside docs/ (like assets/logo.svg), without an address of another site, '/' at the start or '..'",
        "et": "„{value}“ ei ole saidi fail: kirjuta tee docs/ kausta sees (näiteks assets/logo.svg), ilma teise saidi aadressi, alguse „/“ ja „..“-ta",
    },
    "settings_web_url": {
        "en": "'{value}' is not a web address: only https:// and http:// addresses are allowed here",
        "et": "„{value}“ ei ole veebiaadress: siin on lubatud ainult https:// ja http:// aadressid",
    },
    "settings_email": {
        "en": "'{value}' is not one e-mail address: write the bare address (like news@example.org), without a name, comma or line break",
        "et": "„{value}“ ei ole üks e-posti aadress: kirjuta ainult aadress (näiteks uudised@example.ee), ilma nime, koma ja reavahetuseta",
    },
    "settings_time_zone": {
        "en": "'{value}' is not a time zone: write its IANA name, like Europe/Tallinn or Europe/Oslo",
        "et": "„{value}“ ei ole ajavöönd: kirjuta selle IANA nimi, näiteks Europe/Tallinn või Europe/Oslo",
    },
    "settings_encoding": {
        "en": "'{value}' is not a text encoding Python knows: write one like windows-1257 or windows-1252",
        "et": "„{value}“ ei ole Pythonile tuntud kodeering: kirjuta näiteks windows-1257 või windows-1252",
    },
    "currency_unknown": {
        "en": "'{value}' is not an ISO 4217 currency code (EUR, NOK, SEK)",
        "et": "„{value}“ ei ole ISO 4217 valuutakood (EUR, NOK, SEK)",
    },
    "meta_choice": {
        "en": "'{value}' is not a value the theme knows here; write one of: {allowed}",
        "et": "„{value}“ ei ole siin kujunduse tuntud väärtus; kirjuta üks neist: {allowed}",
    },
    "meta_icon": {
        "en": "the theme has no icon named '{value}'; write an icon's name, like material/calendar",
        "et": "kujundusel ei ole ikooni nimega „{value}“; kirjuta ikooni nimi, näiteks material/calendar",
    },
    "meta_template": {
        "en": "the theme has no page template named '{value}'; write one from overrides/, like main.html",
        "et": "kujundusel ei ole lehe malli nimega „{value}“; kirjuta mall kaustast overrides/, näiteks main.html",
    },
    "meta_reserved": {
        "en": "this key is the engine's own; remove it from the front matter",
        "et": "see võti on mootori enda oma; eemalda see päisest",
    },
    "meta_search": {
        "en": "write search: {{exclude: true}} or search: {{boost: 2}} here",
        "et": "kirjuta siia search: {{exclude: true}} või search: {{boost: 2}}",
    },
    "link_outside": {
        "en": "a symbolic link to {target}, outside the project or into .git/: it is neither read nor published",
        "et": "sümboolne link kohta {target}, väljaspool projekti või kaustas .git/: seda ei loeta ega avaldata",
    },
    "address_file": {
        "en": "a file that may hold addresses (.csv, .sqlite, .db, .eml) is never published: keep it outside docs/",
        "et": "faili, milles võivad olla aadressid (.csv, .sqlite, .db, .eml), ei avaldata kunagi: hoia see väljaspool kausta docs/",
    },
    # the mail servers and Mailchimp: certificates, deadlines, replies, deferred recipients
    "nl_smtp_bad_ca": {
        "en": "SMTP_CA_FILE '{file}' can't be read as CA certificates ({error}); nothing was sent",
        "et": "SMTP_CA_FILE „{file}“ ei ole loetav CA sertifikaatidena ({error}); midagi ei saadetud",
    },
    "nl_smtp_bad_plain": {
        "en": "SMTP_ALLOW_PLAIN must be 1 or 0, found '{value}'; nothing was sent",
        "et": "SMTP_ALLOW_PLAIN peab olema 1 või 0, leiti „{value}“; midagi ei saadetud",
    },
    "nl_smtp_plain_not_local": {
        "en": "SMTP_ALLOW_PLAIN=1 is only for a mail server on this machine (127.0.0.1, ::1, localhost), not {host}; nothing was sent",
        "et": "SMTP_ALLOW_PLAIN=1 on ainult selle arvuti e-posti serveri jaoks (127.0.0.1, ::1, localhost), mitte {host} jaoks; midagi ei saadetud",
    },
    "nl_smtp_certificate": {
        "en": "the mail server {host} showed a certificate that can't be trusted ({error}): nothing was sent, the password neither; "
        "for a private CA give its certificate in SMTP_CA_FILE",
        "et": "e-posti server {host} esitas sertifikaadi, mida ei saa usaldada ({error}): midagi ei saadetud, ka mitte parooli; "
        "privaatse CA puhul anna selle sertifikaat SMTP_CA_FILE abil",
    },
    "nl_smtp_deadline": {
        "en": "the mail server {server} did not answer within {seconds} seconds ({error}); what was sent is recorded, run again to go on",
        "et": "e-posti server {server} ei vastanud {seconds} sekundi jooksul ({error}); saadetu on kirjas, jätkamiseks käivita uuesti",
    },
    "nl_mailchimp_deadline": {
        "en": "Mailchimp ({url}) did not answer within {seconds} seconds ({error}); what was done is kept, run again to go on",
        "et": "Mailchimp ({url}) ei vastanud {seconds} sekundi jooksul ({error}); tehtu jääb alles, jätkamiseks käivita uuesti",
    },
    "nl_mailchimp_unreadable": {
        "en": "Mailchimp's reply to {request} can't be believed ({error}); nothing was read from it, run again later",
        "et": "Mailchimpi vastust päringule {request} ei saa uskuda ({error}); sellest ei loetud midagi, käivita hiljem uuesti",
    },
    "nl_deferred_total": {
        "en": "{n} address(es) deferred: their mail server asked to try again later; a run again tries them, and nobody already sent:",
        "et": "{n} aadressi edasi lükatud: nende e-posti server palus hiljem uuesti proovida; uus käivitus proovib neid, mitte neid, kellele juba saadeti:",
    },
    "nl_smtp_deferred": {
        "en": "the mail server asked to try again later ({code} {reply})",
        "et": "e-posti server palus hiljem uuesti proovida ({code} {reply})",
    },
    "nl_confirm_refused_total": {
        "en": "{n} address(es) refused for good, marked cleaned and not asked:",
        "et": "{n} aadressi jäädavalt tagasi lükatud, märgitud puhastatuks ja neilt ei küsitud:",
    },
    # the audience's lock and local state (lock.py, state.py)
    "nl_busy_changed": {
        "en": "another {command} is running (process {pid} holds {lock}); nothing was changed: wait until it ends, then run again",
        "et": "teine käsk ({command}) juba käib (protsess {pid} hoiab lukku {lock}); midagi ei muudetud: oota, kuni see lõpeb, ja käivita uuesti",
    },
    "nl_state_not_folder": {
        "en": "{folder} is a file, not a folder: the newsletter keeps its local state (who unsubscribed, what was sent) "
        "in the folder {folder}/; nothing was changed: rename that file (it is kept as it is) and run again",
        "et": "{folder} on fail, mitte kaust: uudiskiri hoiab oma kohalikke andmeid (kes loobus, mis saadeti) kaustas "
        "{folder}/; midagi ei muudetud: nimeta see fail ümber (see jääb alles) ja käivita uuesti",
    },
    "nl_state_is_folder": {
        "en": "{file} is a folder, not the newsletter's file; nothing was changed: move that folder elsewhere "
        "(or put back the file from your backup) and run again",
        "et": "{file} on kaust, mitte uudiskirja fail; midagi ei muudetud: vii see kaust mujale "
        "(või taasta fail varukoopiast) ja käivita uuesti",
    },
    "nl_state_empty": {
        "en": "{file} is empty (0 bytes): who unsubscribed and what was sent may have been lost; nothing was changed: "
        "put it back from your backup, or, to start afresh on purpose, delete it and run again",
        "et": "{file} on tühi (0 baiti): andmed selle kohta, kes loobus ja mis saadeti, võivad olla kadunud; midagi ei "
        "muudetud: taasta see varukoopiast või, kui tahad teadlikult otsast alustada, kustuta see ja käivita uuesti",
    },
    "nl_state_damaged": {
        "en": "{file} is damaged ({error}); nothing was changed: put it back from your backup; only if you have none, "
        "move it aside (mv {file} {file}.broken), run again and unsubscribe again everyone who had left",
        "et": "{file} on rikutud ({error}); midagi ei muudetud: taasta see varukoopiast; ainult kui seda pole, tõsta "
        "see kõrvale (mv {file} {file}.broken), käivita uuesti ja märgi uuesti loobunuks kõik, kes olid loobunud",
    },
    "nl_state_foreign": {
        "en": "{file} is another program's database (tables: {tables}), not the newsletter's; nothing was changed: "
        "move it out of the outbox folder and run again",
        "et": "{file} on mõne teise programmi andmebaas (tabelid: {tables}), mitte uudiskirja oma; midagi ei muudetud: "
        "vii see kaustast outbox välja ja käivita uuesti",
    },
    "nl_state_unreadable": {
        "en": "{file} cannot be opened ({error}); nothing was changed: check the file and its permissions, then run again",
        "et": "faili {file} ei saa avada ({error}); midagi ei muudetud: kontrolli faili ja selle õigusi ning käivita uuesti",
    },
    "nl_partly_sent": {
        "en": "{item} ({lang}) was being sent by {backend} (campaign {campaign}, begun {at}) when that run stopped: some "
        "people have it and some not, and only {backend} knows who; nothing was sent: run the same command with "
        "--backend {backend} to reach only those still without it (--resend here sends it to everyone again)",
        "et": "{item} ({lang}) saatmine ({backend}, kampaania {campaign}, algus {at}) katkes: mõni on selle saanud, mõni "
        "mitte, ja ainult {backend} teab, kes; midagi ei saadetud: käivita sama käsk võtmega --backend {backend}, "
        "et jõuda ainult nendeni, kes seda veel pole saanud (--resend siin saadab selle uuesti kõigile)",
    },
}


@dataclass(frozen=True)
class Message:
    """A message by its key; parameters may be Messages too, rendered in the same language."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str = FALLBACK) -> str:
        """In `lang`; in English where that language's catalogue has no text for this message."""
        values = {k: _render(v, lang) for k, v in self.params}
        if self.key not in CATALOGUE and "n" in values:  # a count: its form in this language (count())
            texts = CATALOGUE[plural_key(self.key, values["n"], lang)]
            fallback = CATALOGUE[plural_key(self.key, values["n"], FALLBACK)]
            return (texts.get(lang) or fallback[FALLBACK]).format(**values)
        texts = CATALOGUE[self.key]
        return (texts.get(lang) or texts[FALLBACK]).format(**values)

    def __str__(self) -> str:
        return self.text(FALLBACK)


@dataclass(frozen=True)
class LanguageName:
    """A language named in the message's own language (Babel): 'English', 'inglise', 'английский'."""

    code: str

    def text(self, lang: str) -> str:
        try:
            names = Locale.parse(lang).languages
        except (ValueError, UnknownLocaleError):
            return self.code
        return str(names.get(self.code, self.code))


def _render(value: Any, lang: str) -> Any:
    if isinstance(value, LanguageName):
        return value.text(lang)
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, tuple) and all(isinstance(v, Message) for v in value):
        return ", ".join(v.text(lang) for v in value)
    return value


def template(key: str) -> str:
    """A message's text in the fallback language, as pydantic's error template (explain.py renders the real one)."""
    return CATALOGUE[key][FALLBACK]


def say(key: str, /, **params: Any) -> Message:
    if key not in CATALOGUE:
        raise KeyError(f"no message {key!r} in the catalogue")
    return Message(key, tuple(sorted(params.items())))


def add_texts(key: str, texts: dict[str, str]) -> None:
    """A registered kind's words (projectsite/kinds/), merged into the catalogue once, when kinds is imported."""
    CATALOGUE.setdefault(key, {}).update(texts)


def count(n: int, noun: str) -> Message:
    """'1 event', '3 events' / '1 sündmus', '3 sündmust' / '1 событие', '3 события', '5 событий': the form is
    chosen in the message's language by CLDR's plural rules (Babel), from the keys `n_<noun>_<form>`."""
    return Message(f"n_{noun}", (("n", n),))


def plural_key(key: str, n: int, lang: str) -> str:
    """`n_events` → `n_events_few` for 3 in Russian: CLDR's form of n in `lang` ('one', 'few', 'many', 'other'),
    or 'other' where the catalogue has no text for that form in that language."""
    try:
        form = str(Locale.parse(lang).plural_form(n))
    except (ValueError, UnknownLocaleError):
        form = "one" if n == 1 else "other"
    return f"{key}_{form}" if lang in CATALOGUE.get(f"{key}_{form}", {}) else f"{key}_other"


def system_language() -> str:
    """The system locale's language when the messages exist in it ('et_EE.UTF-8' → 'et'), else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return _known(value)
    return _known(locale.getlocale()[0] or "")


def _known(value: str) -> str:
    code = value.lower().split("_")[0].split(".")[0]
    return code if code in MESSAGE_LANGUAGES else FALLBACK


PLURAL_FORM = re.compile(r"^n_\w+_(zero|one|two|few|many|other)$")


def _other_catalogues() -> frozenset[str]:
    """Languages beyond the two written here: `locales/messages_<code>.py` files, merged into CATALOGUE once,
    when this module is first imported. Their codes."""
    folder = Path(__file__).resolve().parent / "locales"
    found = set()
    for path in sorted(folder.glob("messages_*.py")):
        lang = path.stem.removeprefix("messages_")
        module = importlib.import_module(f"{__package__}.locales.{path.stem}")
        for key, text in module.MESSAGES.items():
            if key in CATALOGUE:
                CATALOGUE[key][lang] = text
            elif PLURAL_FORM.match(key):  # a plural form the written languages lack ('few' in Russian)
                CATALOGUE[key] = {lang: text}
        found.add(lang)
    return frozenset(found)


MESSAGE_LANGUAGES = frozenset(CATALOGUE["warning"]) | _other_catalogues()
