"""The dialogs: help, event detail, go to, search.

Their rules are in ``styles/screens.tcss``, read when the first dialog opens rather than with
the dashboard's: the first frame then parses and matches only the rules it uses.
"""

from mission_control.paths import styles_dir

DIALOG_CSS = styles_dir() / "screens.tcss"
