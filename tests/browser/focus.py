"""Walk a page with the Tab key and check what receives focus and whether it shows."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page

# Run once after load: remember every focusable element and its look while unfocused, then
# describe each element as it receives focus (the Tab presses need no round trip each).
_WATCH = """() => {
    const selector = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]';
    const look = el => { const s = getComputedStyle(el);
        return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
                s.textDecorationLine, s.textDecorationThickness].join('|'); };
    const all = [...document.querySelectorAll(selector)];
    const unfocused = new Map(all.map(el => [el, look(el)]));
    window.__focusables = all;
    window.__stops = [];
    document.addEventListener('focusin', event => {
        const el = event.target;
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)';
        const shadow = s.boxShadow !== 'none';
        window.__stops.push({
            index: all.indexOf(el),
            label: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${el.getAttribute('href') || ''}`,
            indicator: (outline || shadow) && look(el) !== unfocused.get(el),
            onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
            inMain: !!el.closest('main'),
            inNav: !!el.closest('nav'),
        });
    });
    return all.length;
}"""


@dataclass(frozen=True)
class Stop:
    """One element the Tab key focused: where it is in the page and how it looked."""

    index: int
    label: str
    indicator: bool
    on_screen: bool
    in_main: bool
    in_nav: bool


def tab_through(page: Page) -> list[Stop]:
    """Press Tab from the top of the freshly loaded PAGE through every element it can focus, in order."""
    candidates = page.evaluate(_WATCH)
    for _ in range(candidates + 2):
        page.keyboard.press("Tab")
    stops: list[Stop] = []
    for stop in page.evaluate("() => window.__stops"):
        if stops and stop["index"] == stops[0].index:
            break
        stops.append(Stop(stop["index"], stop["label"], stop["indicator"], stop["onScreen"], stop["inMain"], stop["inNav"]))
    return stops


def focusable_in(page: Page, scope: str) -> list[int]:
    """The indexes (as in Stop.index) of the visible links and controls inside SCOPE (a CSS selector)."""
    return page.eval_on_selector_all(
        f"{scope} a[href], {scope} button, {scope} input, {scope} select, {scope} textarea",
        "els => els.filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')"
        ".map(el => window.__focusables.indexOf(el))",
    )


def invisible_focus(stops: list[Stop]) -> list[str]:
    """The stops where focus could not be seen: no outline or shadow change, or off screen."""
    return [
        f"{stop.label}: {'no focus indicator' if not stop.indicator else 'off screen'}"
        for stop in stops
        if not (stop.indicator and stop.on_screen)
    ]


def skip_link_problems(page: Page) -> list[str]:
    """What is wrong with the skip link of the freshly loaded PAGE (empty when it works)."""
    page.keyboard.press("Tab")
    first = page.evaluate(
        """() => { const el = document.activeElement; const r = el.getBoundingClientRect();
            const target = el.hash ? document.getElementById(decodeURIComponent(el.hash.slice(1))) : null;
            return {tag: el.tagName.toLowerCase(), text: (el.innerText || '').trim(), href: el.getAttribute('href'),
                    targetIsMain: !!target && target.tagName === 'MAIN',
                    onScreen: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight}; }"""
    )
    problems = []
    if first["tag"] != "a" or not (first["href"] or "").startswith("#"):
        return [f"the first Tab stop is {first['tag']} {first['href']!r} {first['text']!r}, not a skip link"]
    if not first["targetIsMain"]:
        problems.append(f"the skip link {first['href']!r} does not point at <main>")
    if not first["onScreen"]:
        problems.append("the focused skip link is not visible on screen")
    page.keyboard.press("Enter")
    if not page.evaluate("() => !!document.activeElement.closest('main')"):
        problems.append("Enter on the skip link does not move focus into <main>")
    page.keyboard.press("Tab")
    after_main_start = """() => { const main = document.querySelector('main'), el = document.activeElement;
        return main.contains(el) || !!(main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING); }"""
    if not page.evaluate(after_main_start):
        problems.append("after the skip link, Tab goes back before <main> instead of on from it")
    return problems


def focus_problems(page: Page) -> list[str]:
    """Tab through the freshly loaded PAGE: stops without visible focus, and controls never reached."""
    stops = tab_through(page)
    problems = invisible_focus(stops)
    unreached = set(focusable_in(page, "body")) - {stop.index for stop in stops}
    if unreached:
        problems.append(f"{len(unreached)} visible link(s) or control(s) never reached with Tab")
    return problems
