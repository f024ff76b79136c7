"""A shared replay: one presenter's replay clock that many dashboards follow (``--present``,
``--follow``). Nothing here is imported unless one of those options is given."""
