"""One visit of a page as a visitor makes it: load, scroll to the end, then what was asked and read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Page

from .network import load_everything, recorded_requests


@dataclass(frozen=True)
class Visit:
    """What one page load showed: every request URL, and the text of <main>."""

    requests: tuple[str, ...]
    main_text: str


# What only exists for one of the two modes: a widget that scripts fill (the search box) and its
# <noscript> replacement, and what a script adds marked data-script-only (the programme's stars, « Mon
# programme », « Maintenant / Ensuite »). Everything else of <main> must read the same.
SCRIPT_ONLY = 'noscript, [role="search"], [data-script-only]'


def main_text(page: Page) -> str:
    """The visible text of the current document's <main> (SCRIPT_ONLY parts left out), whitespace collapsed.

    Parts a browser has not laid out yet because they are far from the screen (content-visibility: auto,
    as the items of a long gallery) are laid out for the reading: innerText leaves them out, and which ones
    they are depends on where the page is scrolled to, not on JavaScript."""
    text = page.evaluate(
        """(skip) => {
            const main = document.querySelector('main');
            const hidden = [...main.querySelectorAll(skip)].filter(el => !el.hidden);
            hidden.forEach(el => { el.hidden = true; });
            const all = document.createElement('style');
            all.textContent = 'main * { content-visibility: visible !important; }';
            document.head.append(all);
            const text = main.innerText;
            all.remove();
            hidden.forEach(el => { el.hidden = false; });
            return text;
        }""",
        SCRIPT_ONLY,
    )
    return re.sub(r"\s+", " ", text).strip()


def visit(page: Page, url: str) -> Visit:
    """Load URL in PAGE as a visitor would (lazy images included) and record what it did."""
    with recorded_requests(page) as urls:
        load_everything(page, url)
    return Visit(tuple(urls), main_text(page))
