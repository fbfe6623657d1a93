"""A county (tenant) and its municipalities, loaded from config/regions/*.json."""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobsforyou.extensions import db


class Region(db.Model):  # type: ignore[name-defined,misc]
    """A county that runs fairs; several counties can share one instance."""

    __tablename__ = "regions"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    ags: Mapped[str] = mapped_column(String(12))
    municipalities: Mapped[list[Municipality]] = relationship(
        back_populates="region", order_by="Municipality.name"
    )


class Municipality(db.Model):  # type: ignore[name-defined,misc]
    """A town or municipality of a region (or a nearby city whose residents may attend)."""

    __tablename__ = "municipalities"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    ags: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    postcodes: Mapped[list[str]] = mapped_column(JSON, default=list)
    latitude: Mapped[float]
    longitude: Mapped[float]
    association: Mapped[str | None] = mapped_column(String(200))
    in_region: Mapped[bool] = mapped_column(default=True)
    region: Mapped[Region] = relationship(back_populates="municipalities")
