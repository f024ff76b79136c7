"""Where the dashboard shows the caption: shown where the terminal has rows to spare for
it, or as the user chooses with ``t``; mounted once the first frame is shown, as the first
is quicker without it (its module, its styles and its wrapped sentence)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.reactive import var
from textual.widget import Widget

from mission_control.orrery_host import OrreryHost
from mission_control.state import CampaignState

if TYPE_CHECKING:
    from mission_control.presentation.caption import Caption
    from mission_control.widgets.caption import CaptionPanel


def caption_at(state: CampaignState, focus: str | None) -> Caption:
    """:func:`mission_control.presentation.caption.caption_at`, imported when the caption is
    first shown: after the first frame, which does not show it."""
    from mission_control.presentation.caption import caption_at as made

    return made(state, focus)


class CaptionHost(OrreryHost):
    """The caption's place and what it says."""

    show_caption: var[bool | None] = var(None, init=False)
    """Whether the caption panel is shown; None until ``t`` is pressed: shown wherever there
    are rows to spare for it (a kiosk shows it without a key)."""

    caption_has_room = False
    """Whether the terminal has rows to spare for the caption (the App's layout sets it for
    each size)."""
    caption_tall = False
    """Whether the caption is a titled panel with the next event (the App's layout sets it
    for each size)."""
    _caption: CaptionPanel | None = None
    """The caption, once the first frame is shown."""
    _body: Widget
    _lower: Widget

    @property
    def caption_shown(self) -> bool:
        """Whether the caption is shown, by the user's choice or else by the layout; from
        the second frame on."""
        if self._caption is None:
            return False
        return self.caption_has_room if self.show_caption is None else self.show_caption

    def _caption_after_first_frame(self) -> None:
        """The first frame is shown: the caption is mounted, above the log, and may be shown."""
        if not self._lower.is_attached:
            return  # the app is ending (a signal came as the first frame was shown)
        from mission_control.widgets.caption import CaptionPanel

        self._caption = CaptionPanel(id="caption")
        self._caption.border_title = "Caption"
        self._caption.display = False
        self._body.mount(self._caption, before=self._lower)
        self._place_caption()

    def _place_caption(self) -> None:
        """Show or hide the caption (only on a change: any setting is a relayout), and
        bring it up to date when shown (a hidden caption is not kept up to date)."""
        if self._caption is None:
            return
        self._caption.set_class(self.caption_tall, "-tall")
        shown = self.caption_shown
        if self._caption.display != shown:
            self._caption.display = shown
        if shown and self._state is not None:
            self._caption.caption = caption_at(self._state, self.focus_id)

    def _show_caption_state(self, state: CampaignState) -> None:
        """The caption for the replay's new moment, when it is shown."""
        if self._caption is not None and self._caption.display:
            self._caption.caption = caption_at(state, self.focus_id)

    def watch_show_caption(self) -> None:
        """Shown or hidden with ``t``."""
        self._place_caption()

    def action_toggle_caption(self) -> None:
        """Show or hide the caption."""
        self.show_caption = not self.caption_shown
