"""The built site as files: valid HTML, no broken links, localized 404 pages, the accessibility statement."""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import Project
from pages import article, found, soup, text
from site_checks import VNU, broken_links


@pytest.mark.validator
def test_every_page_is_valid_html(real_site: Project) -> None:
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(real_site.root / "site"),
        ],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]
    assert errors == []
    assert result.returncode == 0, result.stderr[-3000:]


def test_no_link_or_anchor_is_broken(real_site: Project) -> None:
    assert broken_links(real_site.root / "site") == []


def test_each_language_has_its_own_404_page(real_site: Project) -> None:
    site = real_site.root / "site"
    et, en = soup(site, "404.html"), soup(site, "en/404.html")
    assert found(et.html)["lang"] == "et" and found(article(et).h1).get_text() == "Lehte ei leitud"
    assert found(en.html)["lang"] == "en" and found(article(en).h1).get_text() == "Page not found"
    assert article(et).find("p", lang="en") is not None


def test_the_accessibility_statement_is_linked_from_every_footer(real_site: Project) -> None:
    site = real_site.root / "site"
    for rel in ("", "events/ringsoit-2022/", "404.html", "en/", "en/404.html"):
        prefix = "/en/" if rel.startswith("en/") else "/"
        assert found(soup(site, rel).find("footer")).find("a", href=f"{prefix}accessibility/") is not None, rel
    for rel, words in (
        ("accessibility/", ("osaliselt", "Tarbijakaitse ja Tehnilise Järelevalve Amet", "22. novembril 2026")),
        (
            "en/accessibility/",
            ("partially compliant", "Consumer Protection and Technical Regulatory Authority", "2018/1523"),
        ),
    ):
        body = text(article(soup(site, rel)))
        assert all(w in body for w in words), rel


def test_estonian_dates_do_not_turn_into_numbered_lists(real_site: Project) -> None:
    for rel in ("", "events/", "news/"):
        assert article(soup(real_site.root / "site", rel)).find("ol") is None, rel


FORM_URL = "https://vorumaa.us21.list-manage.com/subscribe/post?u=abc123&id=def456"


def test_the_sign_up_form_posts_to_mailchimp_in_the_pages_language(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('form_url: ""', f'form_url: "{FORM_URL}"'), encoding="utf-8"
    )
    assert project.build(today="2022-06-01").returncode == 0
    for rel, lang, label in (("newsletter/", "et", "Sinu e-posti aadress"), ("en/", "en", "Your e-mail address")):
        form = found(found(soup(project.root / "site", rel).find("footer")).find("form"))
        assert form["action"] == FORM_URL and form["method"] == "post"
        email = found(form.find("input", type="email"))
        assert email["name"] == "EMAIL" and email.has_attr("required")
        assert found(form.find("label", attrs={"for": email["id"]})).get_text() == label
        assert found(form.find("input", attrs={"name": "LANGUAGE"}))["value"] == lang
        trap = found(form.find("input", attrs={"name": "b_abc123_def456"}))
        assert trap["tabindex"] == "-1" and trap.find_parent(attrs={"aria-hidden": "true"}) is not None
        assert "unsubscribe" in text(form).lower() or "loobuda" in text(form)


def test_without_a_form_address_the_footer_explains_how_to_join(real_site: Project) -> None:
    footer = found(soup(real_site.root / "site", "en/").find("footer"))
    assert footer.find("form") is None
    assert found(footer.find("a", href="/en/newsletter/")).get_text() == "How to join the newsletter"
