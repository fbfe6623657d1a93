"""What an import looks up once: municipalities by name and postcode, the county's employers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select

from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.imports import values
from jobsforyou.imports.columns import normalise_label
from jobsforyou.regions.models import Municipality
from jobsforyou.scoping import SYSTEM, scoped

LOOKUP_CHUNK = 5000


class Lookups:
    """Municipalities and the county's employers in dicts, loaded once per import."""

    def __init__(self, region_id: int, employer_refs: Iterable[str]) -> None:
        self.region_id = region_id
        self.by_postcode: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        places = db.session.scalars(
            select(Municipality).order_by(Municipality.in_region.desc(), Municipality.id)
        )
        for place in places:
            self.by_name.setdefault(values.municipality_key(place.name), place.id)
            for postcode in place.postcodes:
                self.by_postcode.setdefault(postcode, place.id)
        self.employer_by_ref: dict[str, Employer] = {}
        self.employer_by_name: dict[tuple[str, str], Employer] = {}
        self.employers_named: dict[str, list[Employer]] = {}
        refs = sorted(set(employer_refs))
        query = select(Employer).where(Employer.region_id == region_id)
        employers = list(db.session.scalars(scoped(query, SYSTEM)))
        for chunk in chunks(refs, LOOKUP_CHUNK):
            employers += db.session.scalars(scoped(
                select(Employer).where(Employer.external_ref.in_(chunk),
                                       Employer.region_id != region_id), SYSTEM))
        for employer in employers:
            if employer.external_ref:
                self.employer_by_ref[employer.external_ref] = employer
            if employer.region_id == region_id:
                name = normalise_label(employer.name)
                self.employer_by_name.setdefault((name, employer.postcode), employer)
                self.employers_named.setdefault(name, []).append(employer)

    def employer(self, ref: str, name: str, postcode: str) -> Employer | None:
        """An existing employer: by reference, else by name and postcode, else by a unique name."""
        if ref:
            return self.employer_by_ref.get(ref)
        key = normalise_label(name)
        if postcode:
            return self.employer_by_name.get((key, postcode))
        named = self.employers_named.get(key, [])
        return named[0] if len(named) == 1 else None


def chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    """The items in slices of `size` (for IN lists of bounded length)."""
    for start in range(0, len(items), size):
        yield items[start:start + size]
