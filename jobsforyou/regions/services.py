"""Loading region files into the database and looking municipalities up."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from jobsforyou.extensions import db
from jobsforyou.regions.models import Municipality, Region


def read_region_files(directory: str | Path) -> list[dict[str, Any]]:
    """Parse every region JSON file in a directory, sorted by file name."""
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(Path(directory).glob("*.json"))
    ]


def sync_region(data: dict[str, Any]) -> Region:
    """Create or update one region and its municipalities from its file's contents (idempotent)."""
    region = db.session.scalar(select(Region).where(Region.slug == data["id"]))
    if region is None:
        region = Region(slug=data["id"], name=data["name"], ags=data["ags"])
        db.session.add(region)
    region.name, region.ags = data["name"], data["ags"]
    db.session.flush()
    entries = [(entry, True) for entry in data["municipalities"]]
    entries += [(entry, False) for entry in data.get("nearby", [])]
    for entry, in_region in entries:
        municipality = db.session.scalar(
            select(Municipality).where(Municipality.ags == entry["ags"])
        )
        if municipality is None:
            municipality = Municipality(ags=entry["ags"], region_id=region.id)
            db.session.add(municipality)
        municipality.name = entry["name"]
        municipality.postcodes = list(entry["postcodes"])
        municipality.latitude = float(entry["lat"])
        municipality.longitude = float(entry["lon"])
        municipality.association = entry.get("group")
        municipality.in_region = in_region
        municipality.region_id = region.id
    db.session.flush()
    return region


def sync_regions(directory: str | Path) -> list[Region]:
    """Load every region file of the configured directory."""
    return [sync_region(data) for data in read_region_files(directory)]


def municipalities_for_choice() -> list[Municipality]:
    """All municipalities, the region's own first, then nearby cities, each by name."""
    return list(
        db.session.scalars(
            select(Municipality).order_by(Municipality.in_region.desc(), Municipality.name)
        )
    )


def municipality_for_postcode(postcode: str) -> Municipality | None:
    """The municipality that a five-digit postcode belongs to, if it is in a known region."""
    for municipality in municipalities_for_choice():
        if postcode in municipality.postcodes:
            return municipality
    return None
