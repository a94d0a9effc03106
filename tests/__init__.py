"""Tests of the event microsite."""
