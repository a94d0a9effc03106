"""Small hand-written sites for the publish tests, valid unless told otherwise."""

from __future__ import annotations

from pathlib import Path

PAGE = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="{up}theme/style.css">
{head}</head>
<body>
<nav><a href="{up}">Accueil</a> <a href="{up}programme/">Programme</a>
<a href="{up}programme/#jour-1">Jour 1</a></nav>
<main>
<h1 id="haut">{title}</h1>
<img src="{up}theme/logo.png" alt="Logo du séminaire" width="10" height="10">
{body}
</main>
</body>
</html>
"""

# A 1x1 transparent PNG, so the image is a real one.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def page(title: str, *, depth: int = 0, body: str = "", head: str = "") -> str:
    """Return a valid page; `depth` is how many folders below the root it sits."""
    return PAGE.format(title=title, up="../" * depth, body=body, head=head)


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` (relative path → text or bytes) below `root`; return `root`."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def valid_files(pages: int = 2) -> dict[str, str | bytes]:
    """Return the files of a valid site: home, programme, `pages - 2` linked sessions."""
    sessions = [f"sessions/s{n}/" for n in range(max(pages - 2, 0))]
    links = "".join(f'<li><a href="{s}">Session {n}</a></li>' for n, s in enumerate(sessions))
    files: dict[str, str | bytes] = {
        "index.html": page(
            "Accueil",
            body=f'<p><a href="https://example.org/">Partenaire</a></p><ul>{links}</ul>'
            if links else '<p><a href="https://example.org/">Partenaire</a></p>',
        ),
        "programme/index.html": page(
            "Programme", depth=1, body='<h2 id="jour-1">Jour 1</h2><p><a href="#haut">Haut</a></p>'
        ),
        "theme/style.css": "body { background: url('logo.png') no-repeat; }\n",
        "theme/logo.png": PNG,
    }
    for n, session in enumerate(sessions):
        files[session + "index.html"] = page(
            f"Session {n}", depth=2, body='<p><a href="../../programme/#jour-1">Jour 1</a></p>'
        )
    return files


def valid_site(root: Path, pages: int = 2) -> Path:
    """Write a valid site below `root` and return `root`."""
    return write_site(root, valid_files(pages))
