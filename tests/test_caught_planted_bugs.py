"""Behaviours that planted bugs (scripts/plant_bugs.py) once changed without a test noticing."""

from __future__ import annotations

import datetime as dt
from dataclasses import FrozenInstanceError
from pathlib import Path
from typing import Any

import pytest
from newsletter_cli import languages, make_root, newsletter, statuses
from pydantic import ValidationError

from projectsite import dates
from projectsite.calendar import _calendar, vevent
from projectsite.feeds import FeedItem, build_feed
from projectsite.languages import Languages
from projectsite.load import SiteData, load_data_file
from projectsite.messages import say
from projectsite.models import Event, NewsFrontMatter, NewsPost, Period, Training
from projectsite.news import shown
from projectsite.newsletter.address import LONGEST, BadAddress, normalise
from projectsite.newsletter.address import key as address_key
from projectsite.newsletter.audience import Member
from projectsite.newsletter.store import LocalAudience
from projectsite.period import events_outside
from projectsite.problems import Problem
from projectsite.richtext import to_html
from projectsite.structured import course_ld, place
from projectsite.tables import label_cells
from projectsite.urls import parse as parse_url
from projectsite.yamlfile import MAX_DEPTH, SyntaxProblem, parse


def events_from(tmp_path: Path, yaml_text: str) -> list[Any]:  # as load_data_file gives them
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "events.yaml").write_text(yaml_text, encoding="utf-8")
    events, problems = load_data_file(tmp_path, "events")
    assert not problems, [p.message.text("en") for p in problems]
    assert events
    return events


def training(**fields: object) -> Training:
    """A training of autumn 2023 with the given fields."""
    return Training.model_validate(
        {"id": "t", "title": "Koolitus", "period": {"start": "2023-09-01", "end": "2023-12-31"}, **fields}
    )


def test_an_address_of_exactly_the_rfc_length_is_taken() -> None:
    domain = ".".join(["b" * 63, "b" * 63, "b" * 58]) + ".ee"
    address = "a" * 64 + "@" + domain
    assert len(address) == LONGEST
    assert normalise(address) == address
    with pytest.raises(BadAddress):
        normalise("a" + address)


def test_numbers_in_a_list_of_text_are_kept_as_written(tmp_path: Path) -> None:
    events = events_from(tmp_path, "- id: x\n  title: X\n  start: 2024-05-01\n  tags: [9.30, 2024]\n")
    assert events[0].tags == ["9.30", "2024"]


def test_a_tagged_timestamp_on_the_minute_is_that_minute(tmp_path: Path) -> None:
    events = events_from(tmp_path, "- id: x\n  title: X\n  start: !!timestamp 2024-05-01 10:00:00\n")
    assert events[0].start == dt.datetime(2024, 5, 1, 10, 0)


def test_a_sync_that_changes_something_reports_the_counts_and_one_that_does_not_says_so(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    (root / "s.csv").write_text("email,consent_at\nmari@example.ee,2024-01-01T10:00\n", encoding="utf-8")
    first = newsletter(root, "sync", str(root / "s.csv"))
    assert first.returncode == 0, first.stdout + first.stderr
    assert "1 added (1 subscribed, 0 pending their confirmation)" in first.stdout
    again = newsletter(root, "sync", str(root / "s.csv"))
    assert "nothing to change" in again.stdout
    assert "added" not in again.stdout


@pytest.mark.parametrize("start", ["2024-05-01 24:00", "2024-05-01 23:60"])
def test_the_first_hour_and_minute_past_the_day_are_not_a_time_of_day(tmp_path: Path, start: str) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "events.yaml").write_text(f"- id: x\n  title: X\n  start: '{start}'\n", encoding="utf-8")
    events, problems = load_data_file(tmp_path, "events")
    assert events == []
    assert [p.message.text("en") for p in problems] == [f"'{start}' is not a real time of day"]


def test_quotes_in_a_line_of_data_text_are_escaped_so_it_can_stand_in_an_attribute() -> None:
    from projectsite.escape import inline

    line = inline("Say \"hi\" and 'bye'")
    assert '"' not in line and "'" not in line
    assert "&quot;hi&quot;" in line


def test_a_source_file_of_exactly_the_size_limit_is_read(tmp_path: Path) -> None:
    from projectsite.sourcefile import MAX_BYTES, UnreadableFile, read_source

    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_BYTES - 1) + b"\n")
    assert len(read_source(path, tmp_path)) == MAX_BYTES
    path.write_bytes(b"#" * MAX_BYTES + b"\n")
    with pytest.raises(UnreadableFile):
        read_source(path, tmp_path)


def test_a_feed_items_guid_is_its_permanent_address() -> None:
    event = Event.model_validate({"id": "a", "title": "A", "start": "2031-03-08"})
    xml = build_feed(SiteData(events=[event]), "et", "https://x.example.ee/", "T", "D", dt.date(2030, 1, 1)).decode()
    assert '<guid isPermaLink="true">https://x.example.ee/events/a/</guid>' in xml


def test_a_news_title_of_one_character_is_a_title() -> None:
    assert NewsFrontMatter.model_validate({"date": "2024-01-01", "title": "A"}).title == "A"
    with pytest.raises(ValidationError):
        NewsFrontMatter.model_validate({"date": "2024-01-01", "title": ""})


def test_a_validated_entry_cannot_be_changed_afterwards() -> None:
    event = Event.model_validate({"id": "a", "title": "A", "start": "2031-03-08"})
    with pytest.raises(ValidationError):
        event.id = "b"
    assert hash(event.start) and event.id == "a"


def _problems(tmp_path: Path, name: str, yaml_text: str) -> list[str]:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / f"{name}.yaml").write_text(yaml_text, encoding="utf-8")
    _, problems = load_data_file(tmp_path, name, Languages(("et", "en")))
    return [p.message.text("en") for p in problems]


def test_a_text_cut_at_a_comma_inside_braces_is_a_message(tmp_path: Path) -> None:
    found = _problems(tmp_path, "events", "- id: x\n  title: {et: Tere, maailm, en: Hello}\n  start: 2024-05-01\n")
    assert len(found) == 1 and found[0].startswith("'maailm' reads as a field name"), found


@pytest.mark.parametrize(("language", "problems"), [("en", 0), ("de", 1)])
def test_a_media_items_language_is_one_of_the_sites(tmp_path: Path, language: str, problems: int) -> None:
    item = f"- date: 2024-05-01\n  title: T\n  outlet: O\n  language: {language}\n"
    assert len(_problems(tmp_path, "media", item)) == problems


@pytest.mark.parametrize(("year", "problems"), [(1899, 1), (1900, 0), (2999, 0), (3000, 1)])
def test_years_from_1900_to_2999_are_accepted(tmp_path: Path, year: int, problems: int) -> None:
    assert len(_problems(tmp_path, "events", f"- id: x\n  title: X\n  start: {year}-05-01\n")) == problems


def test_a_day_alone_is_taken_as_midnight_in_tallinn() -> None:
    assert dates.aware(dt.date(2024, 5, 1)).isoformat() == "2024-05-01T00:00:00+03:00"
    assert dates.aware(dt.date(2024, 5, 1), end_of_day=True).isoformat().startswith("2024-05-01T23:59:59")


def test_a_place_names_the_sites_region_and_country_when_they_are_set() -> None:
    assert place("Kubija", "Region", "EE")["location"]["address"] == {
        "@type": "PostalAddress",
        "addressRegion": "Region",
        "addressCountry": "EE",
    }
    assert place("Kubija", "", "EE")["location"]["address"] == {"@type": "PostalAddress", "addressCountry": "EE"}
    assert "address" not in place("Kubija", "", "")["location"]


def test_a_table_of_three_columns_gets_labelled_cells_and_one_of_two_does_not() -> None:
    three = "<table><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead><tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>"
    two = "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    assert '<td data-label="C">3</td>' in label_cells(three)
    assert label_cells(two) == two


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/3.0", "https:///3.0", "https://näide.ee/3.0"])
def test_a_mailchimp_address_that_is_not_a_web_address_is_a_message(tmp_path: Path, url: str) -> None:
    root = make_root(tmp_path)
    env = {"MAILCHIMP_API_KEY": "k-us1", "MAILCHIMP_LIST_ID": "list1", "MAILCHIMP_API_URL": url}
    result = newsletter(root, "status", env=env)
    assert result.returncode != 0 and f"MAILCHIMP_API_URL must be an http:// or https:// address, found '{url}'" in (
        result.stdout + result.stderr
    ), result.stdout + result.stderr


def test_without_an_address_mailchimp_is_reached_at_the_keys_data_centre(monkeypatch: pytest.MonkeyPatch) -> None:
    from projectsite.newsletter.mailchimp import MailchimpBackend

    monkeypatch.setenv("MAILCHIMP_API_KEY", "0123abcd-us21")
    monkeypatch.setenv("MAILCHIMP_LIST_ID", "list1")
    monkeypatch.delenv("MAILCHIMP_API_URL", raising=False)
    backend = MailchimpBackend(settings=None)  # type: ignore[arg-type]  # no request is made
    assert backend.transport.host == "https://us21.api.mailchimp.com/3.0"  # the library's calls go there


def test_the_last_minute_of_the_day_is_a_time_of_day(tmp_path: Path) -> None:
    events = events_from(tmp_path, "- id: x\n  title: X\n  start: '2024-05-01 23:59'\n")
    assert events[0].start == dt.datetime(2024, 5, 1, 23, 59)


def test_a_problem_once_found_cannot_be_changed() -> None:
    problem = Problem("data/events.yaml", 3, "events[0].start", say("year_range", value="1", first=1, last=2))
    with pytest.raises(FrozenInstanceError):
        problem.line = 4  # type: ignore[misc]


def test_nesting_as_deep_as_the_limit_is_read_and_one_level_more_is_a_message() -> None:
    assert parse("[" * MAX_DEPTH + "]" * MAX_DEPTH).data is not None
    with pytest.raises(SyntaxProblem):
        parse("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))


def test_a_timed_start_with_an_all_day_end_ends_in_the_calendar_at_the_end_of_that_day() -> None:
    event = Event.model_validate({"id": "a", "title": "A", "start": "2024-05-01 10:00", "end": "2024-05-01"})
    stamp = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    entry = vevent(event, "et", "https://x.example.ee/", dt.date(2024, 1, 1), stamp, "et")
    assert entry is not None and b"DTEND;TZID=Europe/Tallinn:20240501T235959" in entry.to_ical()


def test_an_event_that_ends_on_the_projects_last_day_is_inside_its_period() -> None:
    period = Period.model_validate({"start": "2022-05-01", "end": "2024-04-30"})
    inside = Event.model_validate({"id": "a", "title": "A", "start": "2024-04-29", "end": "2024-04-30"})
    outside = Event.model_validate({"id": "b", "title": "B", "start": "2024-04-29", "end": "2024-05-01"})
    assert events_outside([inside, outside], period) == [(1, outside)]


def test_a_news_file_name_in_a_message_shows_no_control_character() -> None:
    assert shown("docs/et/news/2024-01-01-a\nb\x1b[31m.md") == "docs/et/news/2024-01-01-a?b?[31m.md"


def test_a_calendar_asks_to_be_fetched_again_daily() -> None:
    assert b"REFRESH-INTERVAL;VALUE=DURATION:P1D" in _calendar("T").to_ical()


def test_an_address_kept_from_before_that_no_longer_validates_is_still_compared_by_its_visible_form() -> None:
    assert address_key(" \ufeffVana AADRESS ") == "vana aadress"


def test_a_mailto_address_in_capitals_is_taken() -> None:
    assert parse_url("MAILTO:info@example.ee") == "mailto:info@example.ee"


def test_an_smtp_port_with_spaces_around_it_is_that_port(monkeypatch: pytest.MonkeyPatch) -> None:
    from projectsite.newsletter.smtp import server_address

    monkeypatch.setenv("SMTP_HOST", " mail.example.ee ")
    monkeypatch.setenv("SMTP_PORT", " 2525\n")
    assert server_address() == ("mail.example.ee", 2525)


def test_only_subscribed_members_of_a_language_are_its_recipients(tmp_path: Path) -> None:
    store = LocalAudience(tmp_path / "audience.sqlite")
    store.upsert(
        [
            Member("b@example.ee", "", "et", "subscribed"),
            Member("a@example.ee", "", "et", "subscribed"),
            Member("p@example.ee", "", "et", "pending"),
            Member("u@example.ee", "", "et", "unsubscribed"),
            Member("e@example.ee", "", "en", "subscribed"),
        ]
    )
    assert [m.email for m in store.recipients("et")] == ["a@example.ee", "b@example.ee"]
    assert [m.email for m in store.recipients("en")] == ["e@example.ee"]


@pytest.mark.parametrize("source", ["x\n\n***", "***\n\nx"])
def test_a_data_text_whose_first_or_last_block_is_dropped_leaves_no_empty_line(source: str) -> None:
    assert to_html(source) == "<p>x</p>"


def test_a_language_with_spaces_around_it_in_the_subscribers_file_is_that_language(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    (root / "s.csv").write_text("email,language,consent_at\nmari@example.ee, EN ,2024-01-01T10:00\n", encoding="utf-8")
    result = newsletter(root, "sync", str(root / "s.csv"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert statuses(root) == {"mari@example.ee": "subscribed"}
    assert languages(root) == {"mari@example.ee": "en"}


def test_a_quoted_day_with_spaces_around_it_is_that_day(tmp_path: Path) -> None:
    events = events_from(tmp_path, "- id: x\n  title: X\n  start: 2024-05-02\n  published: ' 2024-05-01 '\n")
    assert events[0].published == dt.date(2024, 5, 1)


def test_front_matter_closed_by_a_line_with_trailing_spaces_is_read() -> None:
    from projectsite.news import front_matter

    assert front_matter("---\ntitle: A\n---  \nText\n") == ("title: A", 1)


def test_an_event_is_found_by_its_id() -> None:
    a = Event.model_validate({"id": "a", "title": "A", "start": "2024-05-01"})
    b = Event.model_validate({"id": "b", "title": "B", "start": "2024-05-02"})
    data = SiteData(events=[a, b])
    assert data.event("b") is b
    assert data.event("c") is None


def test_a_new_person_subscribed_in_another_language_gets_that_language(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    result = newsletter(root, "subscribe", "mari@example.ee", "--consent", "--language", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert languages(root) == {"mari@example.ee": "en"}


def test_new_says_how_many_files_it_wrote(tmp_path: Path) -> None:
    from inprocess import projectsite

    target = tmp_path / "site"
    result = projectsite(["new", str(target), "--lang", "en"], cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    written = sum(1 for p in target.rglob("*") if p.is_file())
    assert f"({written} files)" in result.stdout, result.stdout


def test_an_address_with_spaces_around_it_is_the_bare_address() -> None:
    assert normalise("  mari@example.ee \t") == "mari@example.ee"


def test_a_feed_item_once_made_cannot_be_changed() -> None:
    item = FeedItem("A", "https://x.example.ee/a/", "", None, "event")
    with pytest.raises(FrozenInstanceError):
        item.title = "x"  # type: ignore[misc]


def test_an_event_that_starts_on_the_projects_first_day_is_inside_its_period() -> None:
    period = Period.model_validate({"start": "2022-05-01", "end": "2024-04-30"})
    inside = Event.model_validate({"id": "a", "title": "A", "start": "2022-05-01"})
    outside = Event.model_validate({"id": "b", "title": "B", "start": "2022-04-30"})
    assert events_outside([inside, outside], period) == [(1, outside)]


def test_a_members_tags_are_kept_in_the_local_audience(tmp_path: Path) -> None:
    store = LocalAudience(tmp_path / "audience.sqlite")
    store.upsert([Member("a@example.ee", "Mari", "et", "subscribed", ("teachers", "voru"))])
    assert store.members()["a@example.ee"].tags == ("teachers", "voru")


def test_no_wait_follows_the_last_failed_try(monkeypatch: pytest.MonkeyPatch) -> None:
    from projectsite.newsletter import backends_base
    from projectsite.newsletter.backends_base import BackendFailure, Passing, retrying

    waits: list[float] = []
    monkeypatch.setattr("projectsite.newsletter.backends_base.time.sleep", waits.append)

    def fails() -> None:
        raise Passing(say("nl_smtp_failed", error="busy"))

    with pytest.raises(BackendFailure):
        retrying(fails)
    assert len(waits) == backends_base.RETRIES


def test_a_calendar_subscription_keeps_a_scheme_like_text_in_its_path() -> None:
    from projectsite.links import webcal

    assert webcal("https://x.example.ee/go?to=https://y.ee/c.ics") == "webcal://x.example.ee/go?to=https://y.ee/c.ics"


def test_a_team_members_address_with_spaces_around_it_is_kept_bare() -> None:
    from projectsite.models import TeamMember

    member = TeamMember.model_validate({"name": "Mari", "role": "Juht", "email": " mari@example.ee "})
    assert member.email == "mari@example.ee"


def test_a_local_time_the_clocks_skip_is_an_error_and_one_they_repeat_a_warning() -> None:
    from projectsite.rules import local_time

    [(_, skipped, severity)] = local_time(dt.datetime(2024, 3, 31, 3, 30), ("start",))
    assert severity == "error" and skipped.text("en").startswith(
        "2024-03-31 03:30 does not exist in the site's time zone (Europe/Tallinn)"
    )
    [(_, repeated, severity)] = local_time(dt.datetime(2024, 10, 27, 3, 30), ("start",))
    assert severity == "warning" and repeated.text("en").startswith(
        "2024-10-27 03:30 happens twice in the site's time zone (Europe/Tallinn)"
    )


def test_a_courses_description_is_its_goal_and_its_sessions_take_place_at_its_venue() -> None:
    course = training(
        venue="Võru, *Kreutzwaldi* 2",
        goal="Õppida **koos**",
        modules=[{"id": "m1", "title": "Esimene", "date": "2023-09-05"}],
    )
    ld = course_ld(course, "et", "https://x.example.ee/koolitused/", None)
    assert ld["description"] == "Õppida koos"
    assert ld["hasCourseInstance"][0]["location"] == "Võru, Kreutzwaldi 2"


def test_a_text_without_its_translation_inside_a_list_is_found() -> None:
    from projectsite.translations import untranslated

    course = training(
        title={"et": "Koolitus", "en": "Training"}, outcomes=[{"et": "Üks", "en": "One"}, {"et": "Teine"}]
    )
    assert list(untranslated(course, Languages(("et", "en")))) == [(("outcomes", 1), "en")]


@pytest.mark.parametrize("address", ["mailto:a@-x-.ee", "mailto:a(b)@x.ee"])
def test_a_mailto_address_is_refused_for_a_bad_host_alone_or_a_bad_local_part_alone(address: str) -> None:
    from projectsite.urls import Refusal

    with pytest.raises(Refusal):
        parse_url(address)


def test_a_site_without_the_i18n_plugin_is_in_its_themes_language(tmp_path: Path) -> None:
    from projectsite.languages import site_languages

    (tmp_path / "mkdocs.yml").write_text("site_name: S\ntheme:\n  name: material\n  language: lv\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()  # MkDocs loads only a configuration whose pages folder exists
    assert site_languages(tmp_path).codes == ("lv",)


def test_an_empty_subscribers_file_is_reported_at_its_first_line(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    (root / "s.csv").write_text("\n\n", encoding="utf-8")
    result = newsletter(root, "sync", str(root / "s.csv"))
    assert result.returncode == 1
    assert (result.stdout + result.stderr).startswith("s.csv:1: the file is empty"), result.stdout + result.stderr


def test_a_dry_run_of_subscribe_changes_nobody(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    newsletter(root, "subscribe", "known@example.ee")
    result = newsletter(root, "subscribe", "new@example.ee", "known@example.ee", "--consent", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr
    assert statuses(root) == {"known@example.ee": "pending"}


def test_a_subscriber_once_read_cannot_be_changed() -> None:
    from projectsite.newsletter.audience import Subscriber

    subscriber = Subscriber("mari@example.ee")
    with pytest.raises(FrozenInstanceError):
        subscriber.email = "x@example.ee"  # type: ignore[misc]


def test_a_news_post_once_read_cannot_be_changed() -> None:
    post = NewsPost(slug="2024-01-01-a", lang="et", date=dt.date(2024, 1, 1), title="A", src="docs/et/news/a.md")
    with pytest.raises(ValidationError):
        post.slug = "x"


def test_the_original_language_lives_at_the_root_and_the_others_in_their_folders() -> None:
    languages = Languages(("et", "en", "ru"))
    assert [languages.prefix(code) for code in languages.codes] == ["", "en/", "ru/"]


def test_a_mailto_address_with_its_domain_in_capitals_is_taken() -> None:
    assert parse_url("mailto:info@EXAMPLE.ee") == "mailto:info@EXAMPLE.ee"


def test_a_data_file_named_in_capitals_gets_the_known_name_as_advice(tmp_path: Path) -> None:
    from projectsite.load import unknown_data_files

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "EVENTS.yaml").write_text("[]\n", encoding="utf-8")
    [problem] = unknown_data_files(tmp_path)
    assert problem.message.text("en") == "no part of the site reads this file: did you mean data/events.yaml?"


def test_a_course_session_is_named_by_its_module() -> None:
    course = training(modules=[{"id": "m1", "title": {"et": "Esimene", "en": "First"}, "date": "2023-09-05"}])
    ld = course_ld(course, "en", "https://x.example.ee/en/trainings/", None)
    assert ld["hasCourseInstance"][0]["name"] == "First"


def test_news_posts_are_listed_newest_first(tmp_path: Path) -> None:
    from projectsite.news import read_news

    folder = tmp_path / "docs" / "et" / "news"
    folder.mkdir(parents=True)
    for day in ("2024-01-05", "2024-03-01", "2023-12-24"):
        (folder / f"{day}-post.md").write_text(f"---\ntitle: P {day}\ndate: {day}\n---\nText\n", encoding="utf-8")
    posts, problems = read_news(tmp_path, "docs", "et")
    assert not problems, [p.message.text("en") for p in problems]
    assert [p.date.isoformat() for p in posts] == ["2024-03-01", "2024-01-05", "2023-12-24"]


def test_the_site_data_once_loaded_cannot_be_changed() -> None:
    with pytest.raises(FrozenInstanceError):
        SiteData().events = []  # type: ignore[misc]


def test_a_sync_after_people_were_asked_to_confirm_changes_nothing(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    (root / "s.csv").write_text("email\nmari@example.ee\n", encoding="utf-8")
    newsletter(root, "sync", str(root / "s.csv"))
    asked = newsletter(root, "confirm")
    assert asked.returncode == 0 and "Asked 1 pending" in asked.stdout, asked.stdout + asked.stderr
    again = newsletter(root, "sync", str(root / "s.csv"))
    assert "nothing to change" in again.stdout, again.stdout


def test_a_link_whose_scheme_is_in_capitals_stays_a_link() -> None:
    assert '<a href="HTTPS://example.ee/x"' in to_html("[a](HTTPS://example.ee/x)")


def test_a_send_result_once_made_cannot_be_changed() -> None:
    from projectsite.newsletter.backends_base import SendResult

    result = SendResult(3)
    with pytest.raises(FrozenInstanceError):
        result.count = 4  # type: ignore[misc]
