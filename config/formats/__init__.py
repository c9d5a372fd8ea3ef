"""Date and number formats that complete Django's own per language (settings.FORMAT_MODULE_PATH)."""
