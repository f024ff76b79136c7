"""What the printing commands show: timelines and states as JSON, CSV and rich tables.

Each renderer takes domain objects and a place to write; none reads an article or parses an
argument. Rich's tables, json and csv are imported where they are used: the dashboard, the
default command, needs none of them.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from mission_control import glyphs
from mission_control.event_time import event_met_s, event_when
from mission_control.mission import Mission
from mission_control.model import Event, SubsystemState
from mission_control.state import CampaignState, MissionState, earth_receive
from mission_control.timescale import format_duration, format_met, from_tick

if TYPE_CHECKING:
    from rich.table import Table

    from mission_control.campaign import Campaign
    from mission_control.trajectory import Position, Transfer

CSV_COLUMNS = (
    "mission",
    "utc",
    "precision",
    "approximate",
    "planned",
    "met",
    "part",
    "kind",
    "summary",
    "outcome",
    "quantities",
)

STATUS_STYLES = {
    "off": "dim",
    "standby": "cyan",
    "normal": "green",
    "caution": "yellow",
    "serious": "bold dark_orange",
    "critical": "bold red",
    "unknown": "dim",
}


def met_s(event: Event, mission: Mission) -> int | None:
    """The event's mission elapsed time in whole seconds; None before a launch is known."""
    met = event_met_s(event, mission)
    return None if met is None else int(met)


def event_json(event: Event, mission: Mission, system: str) -> dict[str, Any]:
    """One event as ``timeline --format json`` gives it, every source sentence named."""
    from mission_control import units

    primary = event.provenance[0]
    return {
        "utc": event.time.iso(),
        "precision": event.time.precision.label,
        "kind": event.kind,
        "part": event.part,
        "met_s": met_s(event, mission),
        "approximate": event.approximate,
        "planned": event.planned,
        "window": [w.strftime("%Y-%m-%dT%H:%M:%SZ") for w in event.window]
        if event.window
        else None,
        "summary": event.summary,
        "outcome": event.outcome,
        "sentence": primary.sentence,
        "span": list(primary.span),
        "line": primary.line,
        "sources": [
            {"sentence": p.sentence, "span": list(p.span), "line": p.line} for p in event.provenance
        ],
        "quantities": [units.to_json(q, system) for q in event.quantities],
    }


def mission_json(
    mission: Mission,
    system: str,
    transfer: Transfer | str | None = None,
    arrival: Event | None = None,
) -> dict[str, Any]:
    """One mission's metadata, instruments, events and warnings, and with ``transfer`` its
    modelled trajectory to the ``arrival`` event (or, as a string, the warning saying why it
    has none)."""
    launch = mission.launch
    warnings = list(mission.warnings)
    if isinstance(transfer, str):
        warnings.append(transfer)
    return {
        "id": mission.id,
        "name": mission.name,
        "source": mission.source,
        "metadata": mission.metadata,
        "launch": launch.time.iso() if launch else None,
        "instruments": {part: list(items) for part, items in mission.instruments.items()},
        "events": [event_json(e, mission, system) for e in mission.events],
        "trajectory": trajectory_json(transfer, mission, arrival)
        if not isinstance(transfer, str)
        else None,
        "warnings": warnings,
    }


def trajectory_json(
    transfer: Transfer | None, mission: Mission, arrival: Event | None
) -> dict[str, Any] | None:
    """The modelled transfer's ends and the numbers derived at them. ``departure`` and
    ``arrival`` are the launch and the first event at the target as stated (``1974-03-12``
    for a day); the ``modelled_`` instants are where the model puts them, as the replay does
    (a day's events at its start)."""
    if transfer is None:
        return None
    launch = mission.launch
    return {
        "model": "transfer",
        "approximate": True,
        "target": transfer.target_name,
        "departure": launch.time.iso() if launch else None,
        "arrival": arrival.time.iso() if arrival else None,
        "arrival_event": arrival.kind if arrival else None,
        "modelled_departure": from_tick(transfer.departure_tick).iso(),
        "modelled_arrival": from_tick(transfer.arrival_tick).iso(),
        "c3_km2_s2": round(transfer.c3_km2_s2, 3),
        "arrival_speed_km_s": round(transfer.arrival_speed_km_s, 3),
    }


def position_json(position: Position | None) -> dict[str, Any] | None:
    """Where the craft is, as ``state --format json`` gives it (None before launch)."""
    if position is None:
        return None
    return {
        "model": position.model,
        "approximate": position.approximate,
        "earth_distance_km": round(position.earth_distance_km, 1),
        "sun_distance_km": round(position.sun_distance_km, 1),
        "target_distance_km": round(position.target_distance_km, 1),
        "heliocentric_speed_km_s": round(position.heliocentric_speed_km_s, 4),
        "owlt_s": round(position.owlt_s, 1),
    }


def quantities_text(event: Event, system: str) -> str:
    """The event's quantities in one unit system, joined for one cell or line."""
    from mission_control import units

    return "; ".join(units.display(q, system) for q in event.quantities)


# --- timeline ---------------------------------------------------------------------------


def timeline_json(campaign: Campaign, system: str, file: IO[str]) -> None:
    """Every mission's events and modelled trajectory, as ``timeline --format json``."""
    import json

    transfers, reasons = campaign.transfers(), campaign.transfer_warnings()
    missions = []
    for track in campaign.tracks:
        mid, index = track.mission.id, track.arrival
        arrival = track.events[index] if index is not None else None
        missions.append(
            mission_json(track.mission, system, reasons.get(mid) or transfers.get(mid), arrival)
        )
    document = {"missions": missions}
    file.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def timeline_csv(missions: list[Mission], system: str, file: IO[str]) -> None:
    """Every mission's events, one CSV row each."""
    import csv

    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for mission in missions:
        for event in mission.events:
            met = met_s(event, mission)
            writer.writerow(
                [
                    mission.id,
                    event.time.iso(),
                    event.time.precision.label,
                    "yes" if event.approximate else "",
                    "yes" if event.planned else "",
                    format_met(met) if met is not None else "",
                    event.part,
                    event.kind,
                    event.summary,
                    event.outcome or "",
                    quantities_text(event, system),
                ]
            )


def timeline_table(mission: Mission, system: str) -> Table:
    """One mission's events as a rich table, its metadata in the caption."""
    from rich import box
    from rich.table import Table

    meta = mission.metadata
    caption = " · ".join(
        f"{label}: {meta[key]}"
        for key, label in (
            ("designation", "designation"),
            ("launch_vehicle", "vehicle"),
            ("launch_site", "site"),
            ("manufacturer", "built by"),
        )
        if meta.get(key)
    )
    table = Table(
        title=f"{mission.name}  ({mission.source})",
        caption=caption,
        title_justify="left",
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("UTC", no_wrap=True)
    table.add_column("MET", no_wrap=True)
    table.add_column(f"event (part, kind; quantities in {system})")
    for event in mission.events:
        met = met_s(event, mission)
        when = event_when(event, style="cell")
        cell = Text(event.summary, style="bold red" if event.failed else "bold")
        cell.append(f"\n{event.part}, {event.kind}", style="dim")
        quantities = quantities_text(event, system)
        if quantities:
            cell.append(f"; {quantities}", style="cyan")
        table.add_row(when, format_met(met) if met is not None else "", cell)
    return table


# --- state ------------------------------------------------------------------------------


def state_json(state: CampaignState) -> dict[str, Any]:
    """Every mission's state at one moment, as ``state --format json`` gives it."""
    missions = []
    for ms in state.missions:
        nxt = ms.next_event
        # The last event that happened: one only planned is no happening.
        happened = [e for e in ms.passed_events if not e.planned]
        missions.append(
            {
                "id": ms.mission.id,
                "name": ms.mission.name,
                "met_s": int(ms.met_s // 1) if ms.met_s is not None else None,
                "met": format_met(ms.met_s) if ms.met_s is not None else None,
                "phase": ms.phase,
                "owlt_s": round(ms.owlt_s, 1) if ms.owlt_s is not None else None,
                "owlt_approximate": ms.light_approximate if ms.owlt_s is not None else None,
                "position": position_json(ms.position),
                "next_event": {
                    "kind": nxt.kind,
                    "part": nxt.part,
                    "utc": nxt.time.iso(),
                    "summary": nxt.summary,
                    "planned": nxt.planned,
                }
                if nxt
                else None,
                "countdown_s": int(ms.countdown_s // 1) if ms.countdown_s is not None else None,
                "countdown": format_duration(-ms.countdown_s)
                if ms.countdown_s is not None
                else None,
                "events_passed": ms.passed,
                "last_event": _last_event_json(happened[-1], ms) if happened else None,
                "part_phases": {
                    part: {"phase": rows.phase, "derived": rows.phase_derived}
                    for part, rows in ms.parts.items()
                },
                "parts": {
                    part: {name: _row_json(row) for name, row in rows.items()}
                    for part, rows in ms.parts.items()
                },
            }
        )
    return {
        "utc": state.utc.iso(),
        "utc_doy": state.utc.doy(),
        "msk": state.utc.moscow(),
        "missions": missions,
    }


def _row_json(row: SubsystemState) -> dict[str, Any]:
    """One row: its status and what set it; the event still to come that sets it, if any;
    whether it is the part's own state (``role``), derived from its events."""
    coming = row.coming
    return {
        "status": row.status.value,
        "since": row.since.time.iso() if row.since else None,
        "reason": row.reason,
        "role": row.role,
        "derived": row.derived,
        "next": {"utc": coming.time.iso(), "summary": coming.summary, "during": row.during}
        if coming is not None
        else None,
    }


def _last_event_json(event: Event, ms: MissionState) -> dict[str, Any]:
    received = earth_receive(ms.track, ms.transfer, event)
    return {
        "kind": event.kind,
        "utc": event.time.iso(),
        "summary": event.summary,
        "earth_receive": received[0].strftime("%Y-%m-%dT%H:%M:%SZ")
        if received and event.timed
        else None,
        "earth_receive_approximate": received[1] if received and event.timed else None,
    }


def state_tables(state: CampaignState, out: Console, system: str = "si") -> None:
    """The moment in UTC, day of year and Moscow time, then a table per mission."""
    from rich import box
    from rich.table import Table

    out.print(
        Text.assemble(
            ("UTC ", "bold"),
            state.utc.iso(),
            "   ",
            ("DOY ", "bold"),
            state.utc.doy(),
            "   ",
            ("MSK ", "bold"),
            state.utc.moscow(),
        )
    )
    for ms in state.missions:
        table = Table(
            title=f"{ms.mission.name}: {ms.phase}",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
        )
        table.add_column("subsystem")
        table.add_column("status", no_wrap=True)
        table.add_column("set by")
        for part, rows in ms.parts.items():
            phase = f"{rows.phase} (derived)" if rows.phase_derived else rows.phase
            table.add_row(Text(f"{part} · {phase}", style="bold underline"), "", "")
            for name, row in rows.items():
                setter = ""
                if row.since is not None:
                    derived = "derived from the event of " if row.derived else ""
                    setter = f"{row.reason} ({derived}{row.since.time.iso()})"
                elif row.coming is not None:
                    wait = "during its window: " if row.during else "awaits: "
                    setter = f"{wait}{row.coming.summary} ({row.coming.time.iso()})"
                table.add_row(
                    f"  {name}",
                    Text(
                        glyphs.label(row.status),
                        style=STATUS_STYLES[row.status.value],
                    ),
                    setter,
                )
        details = []
        if ms.met_s is not None:
            details.append(f"MET {format_met(ms.met_s)}")
        if ms.next_event is not None and ms.countdown_s is not None:
            details.append(f"next {ms.next_event.kind} {format_duration(-ms.countdown_s)}")
        if ms.position is not None and ms.transfer is not None:
            from mission_control.presentation.formatting import position_readout

            details.append(position_readout(ms.position, ms.transfer.target_name, system))
        elif ms.owlt_s is not None:
            details.append(f"light time {ms.owlt_s:.1f} s")
        details.append(f"{ms.passed} events passed")
        table.caption = " · ".join(details)
        out.print(table)
