"""Text the dashboard shows for domain values, made without Textual so it can be unit-tested
and run in a worker thread (tests/unit/test_layering.py keeps it that way)."""
