"""What people type, made safe: limited rich text sanitised with nh3 on the server, whatever
the client sends."""

import html
import re

import nh3

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
# Links to web pages and email only: ``javascript:`` and ``data:`` links are dropped.
ALLOWED_SCHEMES = {"http", "https", "mailto"}

_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
_LIST_ITEM = re.compile(r"^\s*[-*•]\s+")


def text_to_html(value: str) -> str:
    """Plain text as typed in a text box: blank lines separate paragraphs, lines starting with
    "- " become a list. Text that already contains markup is left to :func:`sanitise_html`."""
    if _TAG.search(value):
        return value
    blocks = []
    for chunk in re.split(r"\n\s*\n", value.replace("\r\n", "\n").strip()):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(_LIST_ITEM.match(line) for line in lines):
            items = "".join(f"<li>{html.escape(_LIST_ITEM.sub('', line).strip())}</li>" for line in lines)
            blocks.append(f"<ul>{items}</ul>")
        else:
            blocks.append("<p>" + "<br>".join(html.escape(line.strip()) for line in lines) + "</p>")
    return "".join(blocks)


def sanitise_html(value: str) -> str:
    """Keep paragraphs, lists, bold, italic and safe links; drop everything else."""
    cleaned = nh3.clean(
        text_to_html(value or ""),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow noopener ugc",
        strip_comments=True,
    )
    return cleaned.strip()


def html_to_editable_text(value: str) -> str:
    """Stored HTML back to the plain text shown in an edit box (the inverse of
    :func:`text_to_html`: paragraphs, line breaks and list items kept). Not for search, which
    wants one line of words (``search.text.html_to_search_text``)."""
    text = re.sub(r"</p>\s*<p>", "\n\n", value or "")
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = re.sub(r"<li>", "- ", text)
    text = re.sub(r"</li>", "\n", text)
    if re.search(r"<a\s", text):
        return value
    return html.unescape(nh3.clean(text, tags=set())).strip()


def is_blank_html(value: str) -> bool:
    return not nh3.clean(value or "", tags=set()).strip()
