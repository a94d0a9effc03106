"""html.parser's view of a document, to check the typography tokenizer against a reference parser."""

from __future__ import annotations

from html.parser import HTMLParser


class Reference(HTMLParser):
    """The tags html.parser finds, with their attributes, and the text it finds outside raw-text elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(("start", tag, [(name, value or "") for name, value in attrs]))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.tags.append(("empty", tag, [(name, value or "") for name, value in attrs]))

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(("end", tag, []))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def reference(html: str) -> tuple[list[tuple[str, str, list]], str]:
    """(tags, text) of HTML as html.parser reads it."""
    parser = Reference()
    parser.feed(html)
    parser.close()
    return parser.tags, "".join(parser.text)
