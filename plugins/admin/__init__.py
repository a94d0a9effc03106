"""The content editor on the published site, under /admin/, only when EDITOR_ON_SITE turns it on."""

from .admin import register

__all__ = ["register"]
