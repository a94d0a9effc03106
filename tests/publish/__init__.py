"""Tests of checking and publishing a built site."""
