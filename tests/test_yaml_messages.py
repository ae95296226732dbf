"""A YAML mistake is reported where the broken construct begins, with advice for that construct, in either language."""

from __future__ import annotations

import re

import pytest
from conftest import Project

from projectsite.messages import CATALOGUE
from projectsite.yamlfile import SyntaxProblem, parse

# (the text, the line to name, words the advice must contain)
MISTAKES = [
    ('- id: a\n  title: "Avaseminar\n  start: 2022-06-14\n', 2, 'quote " on this line is never closed'),
    (
        "- id: a\n  title: 'Avaseminar\n  start: 2022-06-14\n  end: 2022-06-15\n",
        2,
        "quote ' on this line is never closed",
    ),
    ("- id: a\n  tags: [seminar, kool\n  start: 2022-06-14\n", 2, "the bracket [ on this line is never closed with ]"),
    (
        "- id: a\n  title: {et: Ava, en: Opening\n  start: 2022-06-14\n",
        2,
        "the bracket { on this line is never closed with }",
    ),
    ("- id: a\n  title: Kell: 14\n", 2, "put text containing ': ' in quotes"),
    ("- id: a\n\ttitle: A\n", 2, "indented with a tab"),
    ("- id: a\n  title: 'Kubija's hotell'\n", 2, "text after the closing quote"),
    ('- id: a\n  title: "C:\\kaust"\n', 2, "a backslash inside"),
    ("- id: a\n  title: @loim\n", 2, "cannot start with @ unquoted"),
    ("- id: a\n  title: *tärn\n", 2, "cannot start with * unquoted"),
    ("- id: a\n  title: A\n - id: b\n", 3, "indentation of this line does not match"),
    ("- id: a\n---\n- id: b\n", 2, "a second '---' line"),
]

PARSER_WORDS = re.compile(
    r"\b(found|expected|while|scanning|parsing|stream|token|mapping|scalar|block|"
    r"document|alias|anchor|column)\b",
    re.IGNORECASE,
)


def problem(text: str) -> SyntaxProblem:
    with pytest.raises(SyntaxProblem) as caught:
        parse(text)
    return caught.value


@pytest.mark.parametrize("text,line,advice", MISTAKES)
def test_a_mistake_is_reported_where_its_construct_begins(text: str, line: int, advice: str) -> None:
    found = problem(text)
    assert (found.line, advice in found.message.text("en")) == (line, True), found.message.text("en")


@pytest.mark.parametrize("text", [text for text, _, _ in MISTAKES])
def test_the_estonian_message_has_no_english_parser_words(text: str) -> None:
    estonian = problem(text).message.text("et")
    assert not PARSER_WORDS.search(estonian), estonian


def test_an_unclosed_quote_does_not_advise_adding_quotes() -> None:
    text = problem('- id: a\n  title: "Avaseminar\n').message.text("en")
    assert "put the" not in text and "in quotes" not in text


def test_every_estonian_message_differs_from_the_english() -> None:
    same = [
        key
        for key, texts in CATALOGUE.items()
        if "et" in texts
        and texts["et"] == texts.get("en")
        and re.search(r"[a-z]{4}", re.sub(r"\{\w+\}", "", texts["en"]))
    ]
    assert same == []


def test_check_in_estonian_names_the_line_of_the_opening_quote(project: Project) -> None:
    project.write("data/team.yaml", '- name: Kerli Kõiv\n  role: "koordinaator\n  email: kerli@example.ee\n')
    result = project.check("--lang", "et")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        'data/team.yaml:2: sellel real jutumärgiga " algav tekst jääb sulgemata; lõpeta see sama märgiga '
        "(ülakomade '...' sees kirjuta ülakoma kaks korda: '')"
    )
