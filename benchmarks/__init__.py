"""Benchmarks: scripts run by hand (`.venv/bin/python benchmarks/<name>.py`), never timed tests.

See docs/benchmarks.md for the commands and the figures measured.
"""
