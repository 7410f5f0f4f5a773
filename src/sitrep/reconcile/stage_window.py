"""Where the points of a series built in part (``stage_gain``) go: a grown series is its
stored points on the days not built again (kept as stored, never read) and the points built
again on the others. Only the days built again pass through Python; a kept point's row and
reports stay as written and move in SQL by the number of points that came or went on the
days before it (``Layout.shifts``).

A *segment* is a run of days built again with no kept day between them. Its points are
compared with the kept point on either side (a point's ``change`` is from the point before
it; an update pair joins two neighbours), so those two are read back too, without their
reports (``StoredPoint``)."""

from __future__ import annotations

from dataclasses import dataclass, field

Day = tuple[int, object]  # ``stage_gain.Day``: a date as points are ordered, no date last


@dataclass(slots=True)
class Segment:
    """Days built again with no kept day between them: the old places of their stored points
    (first, count), the new places of their points built again (first, count), and the kept
    point on either side (its old place and new place; None at an end of the series)."""

    old_first: int
    old_count: int = 0
    new_first: int = 0
    new_count: int = 0
    before: tuple[int, int] | None = None
    after: tuple[int, int] | None = None


@dataclass(slots=True)
class Layout:
    """The places of a grown series after its days ``days`` are built again."""

    n_points: int  # the series' points after the run
    segments: list[Segment] = field(default_factory=list)
    # Kept points by day: (first old place, count, places moved by): those whose place
    # changes, or all of them when the series' size does (each row holds ``n_points``).
    shifts: list[tuple[int, int, int]] = field(default_factory=list)


def layout(stored: list[tuple[Day, int]], days: set[Day], fresh: list[Day]) -> Layout:
    """Where the points go: ``stored``, the series' stored points per day, in order;
    ``days``, the days built again; ``fresh``, the day of each point built again, in order
    (each one of ``days``)."""
    counts = dict(stored)
    old_at = new_at = at = 0
    kept: list[tuple[int, int, int]] = []  # old place, count, new place
    segments: list[Segment] = []
    open_segment: Segment | None = None
    for day in sorted(counts.keys() | set(fresh)):
        n_old = counts.get(day, 0)
        if day in days:
            if open_segment is None:
                # the day before was kept (or there is none): its last point is next to the segment
                open_segment = Segment(old_first=old_at, new_first=new_at,
                                       before=(old_at - 1, new_at - 1) if kept else None)
                segments.append(open_segment)
            n_new = 0
            while at < len(fresh) and fresh[at] == day:
                at, n_new = at + 1, n_new + 1
            open_segment.old_count += n_old
            open_segment.new_count += n_new
            old_at, new_at = old_at + n_old, new_at + n_new
            continue
        if not n_old:
            raise ValueError("reconcile: a point built again is not on a day built again")
        if open_segment is not None:
            open_segment.after = (old_at, new_at)
            open_segment = None
        kept.append((old_at, n_old, new_at))
        old_at, new_at = old_at + n_old, new_at + n_old
    if at != len(fresh):
        raise ValueError("reconcile: a point built again is not on a day built again")
    resized = new_at != old_at
    return Layout(n_points=new_at, segments=segments,
                  shifts=[(o, n, j - o) for o, n, j in kept if resized or j != o])
