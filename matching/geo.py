"""Places and distances: a gazetteer built from region files that the caller hands in.

The library ships no region: the web app passes its configured region files, the CLI takes
``--region FILE``. Without one, places are unknown and distance is neither rewarded nor punished.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from matching.normalise import fold_text

# Road distance is longer than the straight line; 1.3 is the usual detour factor for rural
# Germany (straight-line km × 1.3 ≈ road km).
ROAD_FACTOR = 1.3
EARTH_RADIUS_KM = 6371.0088


class RegionFileError(ValueError):
    """A region file is malformed."""


@dataclass(frozen=True, slots=True)
class Place:
    """A municipality (or nearby town) with its coordinates."""

    name: str
    ags: str
    postcodes: tuple[str, ...]
    lat: float
    lon: float
    group: str | None = None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def _place(raw: object, where: str) -> Place:
    if not isinstance(raw, dict):
        raise RegionFileError(f"{where}: a place must be an object")
    try:
        return Place(
            name=str(raw["name"]),
            ags=str(raw.get("ags") or ""),
            postcodes=tuple(str(p) for p in raw.get("postcodes") or ()),
            lat=float(raw["lat"]),
            lon=float(raw["lon"]),
            group=raw.get("group") if isinstance(raw.get("group"), str) else None,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RegionFileError(f"{where}: place needs name, lat and lon ({exc})") from None


class Gazetteer:
    """Looks up coordinates by postcode, then by municipality name (normalised)."""

    def __init__(self, places: Iterable[Place] = ()) -> None:
        self.places: tuple[Place, ...] = tuple(places)
        self._by_postcode: dict[str, Place] = {}
        self._by_name: dict[str, Place] = {}
        for place in self.places:
            for postcode in place.postcodes:
                self._by_postcode.setdefault(postcode.strip(), place)
            self._by_name.setdefault(self._name_key(place.name), place)

    @staticmethod
    def _name_key(name: str) -> str:
        return fold_text(name).replace(" ", "")

    @classmethod
    def from_region_files(cls, paths: Iterable[Path]) -> Gazetteer:
        """Build from region JSON files: ``municipalities`` and ``nearby`` places."""
        places: list[Place] = []
        for path in paths:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise RegionFileError(f"{path}: cannot read region file ({exc})") from None
            if not isinstance(data, dict):
                raise RegionFileError(f"{path}: not a JSON object")
            for key in ("municipalities", "nearby"):
                for number, raw in enumerate(data.get(key) or [], start=1):
                    places.append(_place(raw, f"{path.name} {key}[{number}]"))
        return cls(places)

    def place_names(self) -> frozenset[str]:
        """Folded names of all places (for stripping place names from job titles)."""
        return frozenset(fold_text(p.name) for p in self.places)

    def locate(self, postcode: str | None, municipality: str | None) -> Place | None:
        """The place of a postcode, else of a municipality name; None if unknown."""
        if postcode:
            place = self._by_postcode.get(postcode.strip())
            if place is not None:
                return place
        if municipality:
            return self._by_name.get(self._name_key(municipality))
        return None

    def road_distance_km(self, a: Place, b: Place) -> float:
        """Estimated road distance: haversine km × ``ROAD_FACTOR``."""
        return haversine_km(a.lat, a.lon, b.lat, b.lon) * ROAD_FACTOR
