"""Debian's Chromium as the project starts it (browser tests, the Lighthouse benchmark): one path, one set of flags.

The path is CHROMIUM_PATH (or CHROME_PATH, the name Lighthouse reads), else Debian's
/usr/bin/chromium. The flags keep a headless run quiet and repeatable: no sandbox (CI runs as
root), no GPU, no QUIC, and none of the background traffic (updates, sync, first-run pages) that
would add requests to what is measured. Each caller adds its own headless switch (Playwright's
`headless=True`, Lighthouse's `--headless=new`).
"""

import os

PATH = os.environ.get("CHROMIUM_PATH") or os.environ.get("CHROME_PATH") or "/usr/bin/chromium"
FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
