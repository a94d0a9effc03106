"""Tools around the Pelican build: atomic strict builds, checks and publishing."""
