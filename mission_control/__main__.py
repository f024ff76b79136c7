"""``python -m mission_control``: the same commands as ``mission-control``."""

from mission_control.cli import main

raise SystemExit(main())
