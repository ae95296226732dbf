"""Nothing an editor writes in data, front matter or a file name becomes markup or a link that runs code.

One site is built with hostile data in every field and read back: the pages, the <head>, the JSON-LD, the
feeds and the calendars.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Project, copy_project
from inprocess import projectsite
from pages import article, attr, found, html_files, soup, string, text

SUMMARY = """\
Plain *emphasis*, **strong** and [the form](https://example.ee/my_form_2024).

- first item
- second item

Attributes *here*{: onclick="alert('attr')" } and a paragraph's own
{: onmouseover="alert('block')" }

Links [js](javascript:alert('js')), [spaced](java\tscript:alert('tab')), [data](data:text/html;base64,PHNjcmlwdD4=),
[entity](&#106;avascript:alert('entity')) and [ref][evil].

Raw <img src=x onerror=alert('img')> and <script>alert('script')</script>.

<div markdown="1">*inside a div*</div>

![a tracker](https://tracker.example/pixel.png)

[evil]: javascript:alert('reference')
"""

EVENTS = f"""
- id: hostile
  title: 'Seminar </script ><!-- <b>bold</b>'
  start: 2023-07-01 10:00
  location: 'Kubija </script x'
  summary:
    et: |
{chr(10).join("      " + line for line in SUMMARY.splitlines())}
    en: |
{chr(10).join("      " + line for line in SUMMARY.splitlines())}
  registration:
    url: "https://forms.example.ee/r?a=1&b='2'&c=%29"
"""

HOSTILE_TITLE = '<img src=x onerror=alert("title")> & "quotes"'
HOSTILE_DESCRIPTION = '"><script>alert("description")</script>'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    project.replace_events(EVENTS)
    project.write(
        "data/media.yaml",
        """
        - date: 2023-01-02
          title: Article
          outlet: Outlet
          url: "https://news.example.ee/a_b?x=1&y=2"
        """,
    )
    for lang in ("et", "en"):
        project.write(
            f"docs/{lang}/news/2023-05-01-hostile.md",
            f"""
            ---
            date: 2023-05-01
            title: '{HOSTILE_TITLE}'
            description: '{HOSTILE_DESCRIPTION}'
            summary: 'A *summary* <i>with</i> markup'
            ---

            Body.
            """,
        )
    project.write(
        "docs/en/news/2023-05-10-only-english.md",
        """
        ---
        date: 2023-05-10
        title: Only in English
        ---

        # Only in English

        Body.
        """,
    )
    result = project.build(today="2023-06-01")
    assert result.returncode == 0, result.stderr
    return project


def site(project: Project) -> Path:
    return project.root / "site"


def all_html(project: Project) -> list[tuple[Path, BeautifulSoup]]:
    pages = [(p, BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")) for p in html_files(site(project))]
    assert len(pages) > 20
    return pages


# --- Markdown in data fields: emphasis, links and lists, nothing else -------------------------------------


def test_data_markdown_keeps_emphasis_links_and_lists(hostile: Project) -> None:
    body = article(soup(site(hostile), "en/events/hostile/"))
    assert body.find("em", string="emphasis") and body.find("strong", string="strong")
    assert [text(li) for li in body.select("ul li") if "item" in text(li)] == ["first item", "second item"]
    assert found(body.find("a", href="https://example.ee/my_form_2024")).get_text() == "the form"


def test_no_event_handler_attribute_reaches_any_page(hostile: Project) -> None:
    for path, page in all_html(hostile):
        for element in page.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert not handlers, (path, element)


def test_attr_list_in_data_markdown_stays_text(hostile: Project) -> None:
    body = article(soup(site(hostile), "en/events/hostile/"))
    assert """{: onclick="alert('attr')" }""" in text(body)


def test_no_javascript_or_data_link_reaches_any_page(hostile: Project) -> None:
    found = 0
    for path, page in all_html(hostile):
        for element in page.find_all(href=True):
            found += 1
            target = "".join(attr(element, "href").split()).lower()
            assert not target.startswith(("javascript:", "data:", "vbscript:")), (path, element)
    assert found > 100
    body = article(soup(site(hostile), "en/events/hostile/"))
    assert all(word in text(body) for word in ("js", "spaced", "data", "entity", "ref"))


def test_raw_html_in_data_markdown_shows_as_text(hostile: Project) -> None:
    body = article(soup(site(hostile), "en/events/hostile/"))
    assert body.find("img", src="x") is None and body.find("script") is None
    assert "Raw <img src=x onerror=alert('img')> and <script>alert('script')</script>." in text(body)
    assert body.find(markdown=True) is None and '<div markdown="1">' in text(body)


def test_images_in_data_markdown_become_their_alt_text(hostile: Project) -> None:
    body = article(soup(site(hostile), "en/events/hostile/"))
    assert body.find("img", src="https://tracker.example/pixel.png") is None
    assert "a tracker" in text(body)


# --- URLs: parsed strictly, written as attributes --------------------------------------------------------


def test_a_registration_url_is_the_buttons_href_exactly(hostile: Project) -> None:
    body = article(soup(site(hostile), "en/events/hostile/"))
    button = found(body.find("a", class_="md-button"))
    assert button["href"] == "https://forms.example.ee/r?a=1&b=%272%27&c=%29"  # the parser's normal form
    assert button.get_text() == "Register for the event"


def test_a_media_url_is_the_links_href_exactly(hostile: Project) -> None:
    link = next(a for a in article(soup(site(hostile), "en/media/")).find_all("a") if "Article" in a.get_text())
    assert link["href"] == "https://news.example.ee/a_b?x=1&y=2"


# --- news front matter is text --------------------------------------------------------------------------


def head_facts(page: BeautifulSoup) -> dict[str, str]:
    meta = {m.get("property") or m.get("name"): m.get("content") for m in page.find_all("meta")}

    def content(key: str) -> str:
        value = meta[key]
        assert isinstance(value, str), key
        return value

    return {
        "title": found(page.title).get_text(),
        "header": text(page.select(".md-header__topic")[-1]),
        "og:title": content("og:title"),
        "twitter:title": content("twitter:title"),
        "description": content("description"),
        "og:description": content("og:description"),
    }


@pytest.mark.parametrize("lang", ["", "en/"])
def test_news_front_matter_is_text_in_the_head_and_header(hostile: Project, lang: str) -> None:
    page = soup(site(hostile), f"{lang}news/2023-05-01-hostile/")
    facts = head_facts(page)
    assert facts["title"].startswith(HOSTILE_TITLE) and facts["header"] == HOSTILE_TITLE
    assert facts["og:title"] == facts["twitter:title"] == HOSTILE_TITLE
    assert facts["description"] == facts["og:description"] == HOSTILE_DESCRIPTION
    assert page.find("img", src="x") is None and 'alert("description")</script>' not in str(page.head)


def test_news_front_matter_is_text_in_the_h1_and_json_ld(hostile: Project) -> None:
    page = soup(site(hostile), "news/2023-05-01-hostile/")
    assert found(article(page).h1).get_text() == HOSTILE_TITLE
    [data] = [json.loads(string(s)) for s in page.find_all("script", type="application/ld+json")]
    assert data["headline"] == HOSTILE_TITLE


def test_news_front_matter_is_text_in_the_list_and_the_feed(hostile: Project) -> None:
    listed = article(soup(site(hostile), "news/"))
    assert listed.find("img") is None and listed.find("i") is None
    assert HOSTILE_TITLE in text(listed) and "A *summary* <i>with</i> markup" in text(listed)
    feed = (site(hostile) / "feed.xml").read_text(encoding="utf-8")
    assert '<title>&lt;img src=x onerror=alert("title")&gt; &amp; "quotes"</title>' in feed


# --- one-language news ----------------------------------------------------------------------------------


def resolves(project: Project, page_rel: str, href: str) -> bool:
    """Whether a link on the page at `page_rel` (a folder of the site) leads to a written page."""
    base = "https://loim.example.org/"
    target = (
        href.removeprefix(base)
        if href.startswith(base)
        else (href.lstrip("/") if href.startswith("/") else str(Path(page_rel) / href))
    )
    path = site(project) / target
    return (path / "index.html").is_file() if target.endswith("/") else path.is_file()


@pytest.mark.parametrize("page_rel", ["news", ""])
def test_a_post_in_english_only_is_listed_in_estonian_with_a_note_and_a_working_link(
    hostile: Project, page_rel: str
) -> None:
    listed = article(soup(site(hostile), page_rel + "/" if page_rel else ""))
    link = next(a for a in listed.find_all("a") if "Only in English" in a.get_text())
    assert found(link.find("span", lang="en")).get_text() == "Only in English"
    assert "(inglise keeles)" in text(link)
    assert resolves(hostile, page_rel, attr(link, "href")), link["href"]


def test_the_estonian_feed_links_an_english_only_post_where_it_exists(hostile: Project) -> None:
    feed = (site(hostile) / "feed.xml").read_text(encoding="utf-8")
    assert "<link>https://loim.example.org/en/news/2023-05-10-only-english/</link>" in feed
    assert resolves(hostile, "", "https://loim.example.org/en/news/2023-05-10-only-english/")


def test_a_link_to_no_page_fails_the_strict_build(project: Project) -> None:
    page = project.root / "docs" / "et" / "project.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<a href="../nowhere/">gone</a>\n', encoding="utf-8")
    result = project.build()
    assert result.returncode != 0
    assert "project/index.html: the link ../nowhere/ leads to no page of the site" in result.stderr


# --- news file names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["uudis.md", "2024-13-01-x.md", "2024-05-01-Suur_Uudis.md", '2024-05-01-x"><img src=x onerror=alert(1)>.md']
)
def test_a_news_file_name_out_of_pattern_gets_a_message_in_both_languages(project: Project, name: str) -> None:
    project.write(f"docs/et/news/{name}", "---\ndate: 2024-05-01\ntitle: Uudis\n---\n\nSisu.\n")
    english, estonian = project.check("--lang", "en"), project.check("--lang", "et")
    assert english.returncode != 0 and estonian.returncode != 0
    assert f"docs/et/news/{name}: a news post's file name is YYYY-MM-DD-name.md" in english.stdout + english.stderr
    assert f"docs/et/news/{name}: uudise failinimi on kujul AAAA-KK-PP-nimi.md" in estonian.stdout + estonian.stderr


def test_a_news_file_name_out_of_pattern_fails_the_build(project: Project) -> None:
    project.write("docs/et/news/<b>uudis<.b>.md", "---\ndate: 2024-05-01\ntitle: Uudis\n---\n\nSisu.\n")
    result = project.build()
    assert result.returncode != 0 and "<b>uudis<.b>.md: a news post's file name is" in result.stderr
    assert not (project.root / "site" / "news" / "index.html").exists()


# --- URL fields: one strict rule, a message with file, line and field in both languages ----------------

URL_FIELDS = {
    "events": (
        "- id: a\n  title: A\n  start: 2022-06-14\n  registration:\n    url: {url}\n",
        "data/events.yaml:5: events[0].registration.url:",
    ),
    "media": ("- date: 2022-06-14\n  title: A\n  outlet: B\n  url: {url}\n", "data/media.yaml:4: media[0].url:"),
    "trainings": (
        "- id: t\n  title: T\n  period: {{start: 2023-01-05, end: 2023-04-30}}\n"
        "  volume: {{contact: 1}}\n  registration_url: {url}\n",
        "data/trainings.yaml:5: trainings[0].registration_url:",
    ),
}
REFUSED = {
    "'javascript:alert(1)'": (
        "only https://, http:// and mailto: addresses are allowed",
        "lubatud on ainult https://, http:// ja mailto: aadressid",
    ),
    "'data:text/html,x'": ("only https://, http:// and mailto:", "lubatud on ainult https://"),
    "'https://a.ee/x)[y](javascript:alert(1)'": (
        "contains ')', which an address can't hold as written",
        "märki „)“ ei saa aadressis nii kirjutada",
    ),
    "'https://a.ee/<b>'": ("contains '<'", "märki „<“ ei saa"),
    "'https://a.ee/a b'": ("contains a space", "märki tühik ei saa"),
    "'https://a.ee/[x]'": ("contains '['", "märki „[“ ei saa"),
    "'https://a.ee/\"x'": ("contains '\"'", 'märki „"“ ei saa'),
    "'www.a.ee/x'": ("is not a web address", "ei ole veebiaadress"),
    "'https://localhost/x'": ("is not a web address", "ei ole veebiaadress"),
}


def url_problems(tmp_path: Path, name: str, url: str) -> tuple[str, str]:
    from projectsite.load import load_data_file

    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / f"{name}.yaml").write_text(URL_FIELDS[name][0].format(url=url), encoding="utf-8")
    _, problems = load_data_file(tmp_path, name)
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1, problems
    return errors[0].text("en"), errors[0].text("et")


@pytest.mark.parametrize("name", sorted(URL_FIELDS))
@pytest.mark.parametrize("url", sorted(REFUSED))
def test_a_url_field_refuses_what_could_run_or_break_a_link(tmp_path: Path, name: str, url: str) -> None:
    english, estonian = url_problems(tmp_path, name, url)
    where = URL_FIELDS[name][1]
    assert english.startswith(where) and REFUSED[url][0] in english
    assert estonian.startswith(where) and REFUSED[url][1] in estonian


@pytest.mark.parametrize(
    "url,stored",
    [
        ("https://forms.gle/x", "https://forms.gle/x"),
        ("mailto:lota.vana@vorumaa.ee", "mailto:lota.vana@vorumaa.ee"),
        ("http://näide.ee/õpe", "http://xn--nide-loa.ee/%C3%B5pe"),
        (
            "https://et.wikipedia.org/wiki/V%C3%B5ru_(linn)".replace("(", "%28").replace(")", "%29"),
            "https://et.wikipedia.org/wiki/V%C3%B5ru_%28linn%29",
        ),
    ],
)
def test_a_url_field_accepts_web_and_mail_addresses_in_their_normal_form(url: str, stored: str) -> None:
    from projectsite.models import MediaItem

    item = MediaItem.model_validate({"date": "2022-06-14", "title": "A", "outlet": "B", "url": url})
    assert item.url == stored


# --- JSON-LD: no text can close or confuse the script element ------------------------------------------


def test_json_ld_text_with_a_spaced_script_end_tag_or_a_comment_stays_inside(hostile: Project) -> None:
    page = soup(site(hostile), "en/events/hostile/")
    [script] = page.find_all("script", type="application/ld+json")
    assert "<" not in string(script) and ">" not in string(script)
    data = json.loads(string(script))
    assert data["name"] == "Seminar </script ><!-- <b>bold</b>"
    assert data["location"]["name"] == "Kubija </script x"
    assert page.find("b", string="bold") is None


# --- plain text from the rendered Markdown --------------------------------------------------------------


def test_an_underscore_in_a_url_survives_in_the_feed(hostile: Project) -> None:
    import feedparser

    feed = feedparser.parse((site(hostile) / "en" / "feed.xml").read_bytes())
    [item] = [e for e in feed.entries if e.link.endswith("/events/hostile/")]
    assert "the form (https://example.ee/my_form_2024)" in item.description


def test_an_underscore_in_a_url_survives_in_the_calendar(hostile: Project) -> None:
    from icalendar import Calendar

    calendar = Calendar.from_ical((site(hostile) / "en" / "calendar.ics").read_bytes())
    [event] = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("hostile@")]
    assert "Plain emphasis, strong and the form (https://example.ee/my_form_2024)." in str(event["DESCRIPTION"])


def test_an_underscore_in_a_url_survives_in_the_description_and_json_ld(hostile: Project) -> None:
    page = soup(site(hostile), "en/events/hostile/")
    expected = "Plain emphasis, strong and the form (https://example.ee/my_form_2024)."
    assert found(page.find("meta", attrs={"name": "description"}))["content"] == expected
    [script] = page.find_all("script", type="application/ld+json")
    assert json.loads(string(script))["description"].startswith(expected)


def test_an_underscore_in_a_url_survives_in_the_announcement_e_mail(hostile: Project) -> None:
    import os

    env = {**os.environ, "PROJECTSITE_TODAY": "2023-06-01"}
    args = ["newsletter", "preview", "event:hostile", "--root", str(hostile.root), "--out", "preview", "--lang", "en"]
    result = projectsite(args, env=env)
    assert result.returncode == 0, result.stdout
    mail = (hostile.root / "preview" / "event-hostile.en.txt").read_text(encoding="utf-8")
    assert "Plain emphasis, strong and the form (https://example.ee/my_form_2024)." in mail


def test_plain_text_is_the_text_of_the_rendered_markdown() -> None:
    from projectsite.plaintext import from_markdown

    source = "See *my_form_2024* at [the form](https://a.ee/my_form_2024), <https://a.ee/x_y_z>.\n\n- one\n- two"
    assert from_markdown(source) == (
        "See my_form_2024 at the form (https://a.ee/my_form_2024), https://a.ee/x_y_z.\n\n- one\n\n- two"
    )


# --- the post-build link check itself -------------------------------------------------------------------


def write_site(root: Path, files: dict[str, str]) -> Path:
    for rel, content in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(content, encoding="utf-8")
    return root


def test_the_link_check_reports_a_relative_an_absolute_and_a_feed_link_to_nothing(tmp_path: Path) -> None:
    from projectsite.linkcheck import broken_links

    site_dir = write_site(
        tmp_path,
        {
            "index.html": '<a href="news/">ok</a> <a href="gone/">relative</a> <a href="/en/gone/">absolute</a>',
            "news/index.html": '<a href="../index.html#top">ok</a> <a href="https://other.example/x">external</a>'
            ' <a href="mailto:a@b.ee">mail</a> <a href="#here">anchor</a>',
            "en/index.html": '<a href="https://loim.example.org/news/">ok</a>',
            "feed.xml": "<rss><link>https://loim.example.org/news/</link><link>https://loim.example.org/x/</link></rss>",
        },
    )
    found = sorted(str(b) for b in broken_links(site_dir, "https://loim.example.org/"))
    assert found == [
        "feed.xml: the link https://loim.example.org/x/ leads to no page of the site",
        "index.html: the link /en/gone/ leads to no page of the site",
        "index.html: the link gone/ leads to no page of the site",
    ]


def test_the_link_check_follows_a_site_below_a_path(tmp_path: Path) -> None:
    from projectsite.linkcheck import broken_links

    site_dir = write_site(
        tmp_path, {"index.html": '<a href="/loim/en/">ok</a> <a href="/elsewhere/">out</a>', "en/index.html": "English"}
    )
    assert [b.href for b in broken_links(site_dir, "https://owner.github.io/loim/")] == ["/elsewhere/"]


def test_a_link_to_a_missing_anchor_fails_the_strict_build(project: Project) -> None:
    page = project.root / "docs" / "en" / "project.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](events.md#no-such-heading)\n", encoding="utf-8")
    result = project.build()
    assert result.returncode != 0 and "no-such-heading" in result.stderr
