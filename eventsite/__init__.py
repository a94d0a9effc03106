"""Event microsite generator: build, check and publish helpers."""
