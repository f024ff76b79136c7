"""``mission-control serve``: the dashboard in web browsers, a session of its own for each tab.

Nothing here is imported by the dashboard's start; the web server's libraries (the ``web``
extra) are imported only by the ``serve`` command.
"""
