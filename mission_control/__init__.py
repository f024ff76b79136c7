"""Replay the 1973-74 Mars 6 and Mars 7 missions in a terminal mission-control dashboard."""

__version__ = "0.1.0"
