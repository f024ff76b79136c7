"""Helpers the tests share, imported as ``support.<module>`` from every test folder
(``pythonpath = ["tests"]`` in pyproject.toml); no test file imports another.

- ``paths``: where the repository's seeds and the test articles are.
- ``campaigns``: campaigns made directly, without text to read (many synthetic events).
- ``pilot``: the dashboard in-process under Textual's pilot (``App.run_test()``), on a
  manual clock, and what its screen shows.
- ``keys``: keys posted in one burst, as fast as a terminal sends them, before the app
  handles the first.
- ``layouts``: random terminal sizes, the layout each size calls for, and whether a screen
  fits its size; for the pilot and for real terminals alike.
- ``panes``: the installed dashboard in real terminals, panes of a private tmux server.
"""
