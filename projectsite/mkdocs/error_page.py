"""The page the preview shows while the data has errors: each problem, the advice, and a reload once fixed."""

from __future__ import annotations

from html import escape

from projectsite.messages import say
from projectsite.problems import Problem

STYLE = """body{font:1rem/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
main{max-width:52rem;margin:2rem auto;padding:0 1rem}h1{color:#a30000;font-size:1.6rem}
section+section{margin-top:2.5rem;border-top:1px solid #ccc}li{margin:.6rem 0}
code{background:#f2f2f2;padding:0 .2em;border-radius:3px}.where{font-weight:600}"""

# MkDocs' livereload protocol: /livereload/<epoch>/<id> answers, once a newer build is visible, its epoch.
# The epoch is a monotonic time in milliseconds, taken after this build started: a later build is newer.
RELOAD = """(function poll(epoch){fetch("/livereload/"+epoch+"/"+Date.now(),{cache:"no-store"})
.then(function(r){return r.text()}).then(function(t){if(parseFloat(t)>epoch){location.reload()}else{poll(epoch)}})
.catch(function(){setTimeout(function(){poll(epoch)},1000)})})(%d);"""


def _problem(problem: Problem, lang: str) -> str:
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    field = f" <code>{escape(problem.field)}</code>:" if problem.field else ""
    place = f'<span class="where">{escape(where)}</span>:' if where else ""
    return f"<li>{place}{field} {escape(problem.message.text(lang))}</li>"


def _section(problems: list[Problem], lang: str, heading: str) -> str:
    items = "\n".join(_problem(p, lang) for p in problems)
    advice = escape(say("preview_advice").text(lang)).replace("`projectsite check`", "<code>projectsite check</code>")
    return (
        f'<section lang="{lang}"><{heading}>{escape(say("preview_title").text(lang))}</{heading}>\n'
        f"<p>{escape(say('preview_intro').text(lang))}</p>\n<ul>\n{items}\n</ul>\n<p>{advice}</p></section>"
    )


def error_page(problems: list[Problem], languages: list[str], epoch: int) -> str:
    """A page in the editor's language first, then the others; it reloads when the next build is done."""
    sections = "\n".join(_section(problems, lang, "h1" if i == 0 else "h2") for i, lang in enumerate(languages))
    title = escape(say("preview_title").text(languages[0]))
    return (
        f'<!doctype html>\n<html lang="{languages[0]}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{title}</title>'
        f"<style>{STYLE}</style></head>\n<body><main>\n{sections}\n</main>\n"
        f"<script>{RELOAD % epoch}</script></body></html>\n"
    )
