"""An event's detail: where the text says it, how precisely, its quantities in both unit
systems with both conversions, the values derived from it, and its mission's facts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from mission_control.campaign import MissionTrack
from mission_control.event_time import event_when
from mission_control.model import Event
from mission_control.presentation.caption import mission_facts
from mission_control.presentation.formatting import (
    QuantityText,
    describe_quantities,
    earth_receive_text,
    event_met,
    transfer_facts,
)
from mission_control.screens.dialog import Dialog
from mission_control.trajectory import Transfer


def quantity_lines(quantities: tuple[QuantityText, ...]) -> str:
    if not quantities:
        return "none stated"
    lines = []
    for q in quantities:
        lines.append(q.written)
        lines.append(f"    SI        {q.si}")
        lines.append(f"    imperial  {q.imperial}")
        if q.stated is not None:
            lines.append(f"    the text's own conversion  {q.stated}")
            lines.append(f"    pint's conversion          {q.pint}")
        if q.warning is not None:
            lines.append(f"    ⚠ {q.warning}")
    return "\n".join(lines)


def mission_lines(track: MissionTrack) -> str:
    """The mission's designation, rocket, launch site and maker, and where they come from."""
    mission = track.mission
    facts = mission_facts(mission)
    source = f"from {mission.source}: its infobox, or where it has none of a fact, its prose"
    if not facts:
        return f"{mission.source} states no designation, rocket, launch site or maker"
    return fields(facts) + "\n" + source


def fields(rows: list[tuple[str, str]]) -> str:
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows)


class EventDetailScreen(Dialog[None]):
    """One event in full; escape, q or enter closes it."""

    BINDINGS = [Binding("escape,q,enter", "close", "Close")]

    def __init__(
        self,
        event: Event,
        track: MissionTrack,
        quantities: tuple[QuantityText, ...] | None = None,
        transfer: Transfer | None = None,
    ) -> None:
        super().__init__()
        self.event = event
        self.track = track
        self.transfer = transfer
        # The app hands over what its worker listed, when it has.
        self.quantities = quantities if quantities is not None else describe_quantities(event)

    def compose(self) -> ComposeResult:
        event, track = self.event, self.track
        light, received = earth_receive_text(event, track, self.transfer)
        facts = [
            ("when", event_when(event, style="detail")),
            ("what", f"{event.kind}, {event.part}"),
        ]
        if event.planned:
            facts.append(("planned", "the text says it was due then, not that it happened"))
        if event.outcome:
            facts.append(("outcome", f"✖ {event.outcome}"))
        facts += [
            ("MET", event_met(event, track)),
            ("light time", light),
            ("Earth receive", received),
            *transfer_facts(event, self.transfer),
        ]
        with VerticalScroll(id="detail-body", classes="-failed" if event.failed else "") as body:
            body.border_title = f"{track.mission.name} · {event.summary}"
            body.border_subtitle = "escape to close"
            yield Static(fields(facts), markup=False, id="detail-facts")
            yield Static("Source", classes="help-heading")
            for provenance in event.provenance:
                start, end = provenance.span
                yield Static(
                    f"{provenance.source}, line {provenance.line}, characters {start}–{end}",
                    markup=False,
                    classes="detail-where",
                )
                yield Static(f"“{provenance.sentence}”", markup=False, classes="detail-sentence")
            yield Static("Quantities", classes="help-heading")
            yield Static(quantity_lines(self.quantities), markup=False, id="detail-quantities")
            yield Static(f"{track.mission.name}", classes="help-heading")
            yield Static(mission_lines(track), markup=False, id="detail-mission")

    def action_close(self) -> None:
        """Back to the dashboard."""
        self.dismiss(None)
