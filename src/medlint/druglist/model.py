"""In-memory model of medlint's drug reference list.

A :class:`DrugList` holds one :class:`Medicine` per generic name.  Each medicine
has its brand names (:class:`Brand`, optionally limited to regions), other
generic names of the same medicine (synonyms: INN/USAN/BAN variants such as
"paracetamol"/"acetaminophen"), the FDA/ISMP Tall Man form when there is one,
and an optional market status ("withdrawn" or "discontinued" with a date and
the regions where it applies).

Lookups by name are case-insensitive and ignore hyphens and spaces, so
"Auvi-Q", "auvi q" and "AUVIQ" are the same name.  The index is built once,
when the list is made; lists are immutable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, NamedTuple

__all__ = [
    "STATUSES",
    "KINDS",
    "Brand",
    "Medicine",
    "SurfaceName",
    "DrugList",
    "name_key",
]

#: Allowed values of :attr:`Medicine.status` ("" = on the market / unknown).
STATUSES = ("", "withdrawn", "discontinued")
#: Kinds of surface names, in the order they win when two names collide.
KINDS = ("generic", "synonym", "brand")

_KEY_STRIP = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014\u00ad]+")


def name_key(name: str) -> str:
    """Lookup key of a name: casefolded, hyphens and whitespace removed."""
    return _KEY_STRIP.sub("", name.casefold())


@dataclass(frozen=True)
class Brand:
    """A brand (trade) name; ``regions`` empty means "everywhere / unknown"."""

    name: str
    regions: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.regions:
            return f"{self.name}:{';'.join(self.regions)}"
        return self.name


@dataclass(frozen=True)
class Medicine:
    """One row of the reference list."""

    generic: str
    brands: tuple[Brand, ...] = ()
    synonyms: tuple[str, ...] = ()
    tall_man: str = ""
    status: str = ""
    status_date: str = ""
    status_region: str = ""

    def __post_init__(self) -> None:
        if not self.generic or not self.generic.strip():
            raise ValueError("empty generic name")
        if self.status not in STATUSES:
            raise ValueError(
                f"bad status {self.status!r} for {self.generic!r}; "
                f"expected one of {', '.join(repr(s) for s in STATUSES)}"
            )
        # Accept lists from callers but keep the dataclass hashable.
        if not isinstance(self.brands, tuple):
            object.__setattr__(self, "brands", tuple(self.brands))
        if not isinstance(self.synonyms, tuple):
            object.__setattr__(self, "synonyms", tuple(self.synonyms))

    @property
    def brand_names(self) -> tuple[str, ...]:
        return tuple(b.name for b in self.brands)

    @property
    def status_regions(self) -> tuple[str, ...]:
        """Regions of the status as a tuple (empty = everywhere)."""
        return tuple(r for r in self.status_region.split(";") if r)

    def surface_names(self) -> Iterator["SurfaceName"]:
        """The generic, its synonyms and its brands, each with its kind."""
        yield SurfaceName(self.generic, "generic", self.generic)
        for syn in self.synonyms:
            yield SurfaceName(syn, "synonym", self.generic)
        for brand in self.brands:
            yield SurfaceName(brand.name, "brand", self.generic)


class SurfaceName(NamedTuple):
    """A name as it may appear in a text, its kind and the generic it names."""

    name: str
    kind: str  # "generic", "synonym" or "brand"
    generic: str


class DrugList:
    """An immutable collection of medicines, one per generic, with name lookups.

    ``DrugList(medicines)`` raises ``ValueError`` if two medicines share a
    generic name.  Iteration yields medicines sorted by generic.

    When two medicines claim the same surface name (for example a brand sold
    in different regions for different generics), :meth:`by_name` prefers a
    generic over a synonym over a brand, and otherwise the medicine given
    first; :meth:`all_by_name` returns every claimant.
    """

    __slots__ = ("_by_generic", "_index", "_sorted")

    def __init__(self, medicines: Iterable[Medicine] = ()) -> None:
        by_generic: dict[str, Medicine] = {}
        for med in medicines:
            if med.generic in by_generic:
                raise ValueError(f"duplicate generic {med.generic!r}")
            by_generic[med.generic] = med
        self._by_generic = by_generic
        self._sorted = tuple(sorted(by_generic.values(), key=lambda m: m.generic))
        # key -> list of (rank, order, medicine); rank follows KINDS.
        index: dict[str, list[tuple[int, int, Medicine]]] = {}
        rank = {k: i for i, k in enumerate(KINDS)}
        for order, med in enumerate(by_generic.values()):
            seen: set[str] = set()
            for surface in med.surface_names():
                key = name_key(surface.name)
                if not key or key in seen:
                    continue
                seen.add(key)
                index.setdefault(key, []).append((rank[surface.kind], order, med))
        self._index = {
            key: tuple(m for _, _, m in sorted(entries, key=lambda e: (e[0], e[1])))
            for key, entries in index.items()
        }

    # -- container protocol -------------------------------------------------
    def __len__(self) -> int:
        return len(self._by_generic)

    def __iter__(self) -> Iterator[Medicine]:
        return iter(self._sorted)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name_key(name) in self._index

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DrugList):
            return NotImplemented
        return self._sorted == other._sorted

    def __repr__(self) -> str:
        return f"<DrugList of {len(self)} medicines>"

    # -- lookups ------------------------------------------------------------
    def get(self, generic: str) -> Medicine | None:
        """The medicine whose generic name is exactly ``generic`` (lowercase)."""
        return self._by_generic.get(generic)

    def by_name(self, name: str) -> Medicine | None:
        """The medicine named ``name`` (generic, synonym or brand), or None.

        Case-insensitive; hyphens and whitespace are ignored.
        """
        found = self._index.get(name_key(name))
        return found[0] if found else None

    def all_by_name(self, name: str) -> tuple[Medicine, ...]:
        """Every medicine that has ``name`` as generic, synonym or brand."""
        return self._index.get(name_key(name), ())

    def kind_of(self, name: str) -> str | None:
        """"generic", "synonym" or "brand" for the best match of ``name``."""
        med = self.by_name(name)
        if med is None:
            return None
        key = name_key(name)
        for surface in med.surface_names():
            if name_key(surface.name) == key:
                return surface.kind
        return None  # pragma: no cover - the index guarantees a match

    def names(self) -> tuple[SurfaceName, ...]:
        """Every surface name: ``SurfaceName(name, kind, generic)`` tuples.

        ``kind`` is "generic", "synonym" or "brand".  Sorted by generic, then
        as listed in the medicine's row.
        """
        return tuple(s for med in self._sorted for s in med.surface_names())

    # -- combination --------------------------------------------------------
    def merge(self, other: "DrugList") -> "DrugList":
        """A new list of this list's medicines overridden by ``other``'s.

        ``other`` (typically a user's list) OVERRIDES this one (typically the
        default list): a medicine of ``other`` whose generic is already here
        REPLACES the existing row as a whole (its brands, synonyms, Tall Man
        form and status are not combined with the old ones); medicines with
        new generics are added.  When a surface name is claimed by medicines
        of both lists, lookups prefer ``other``'s medicine.
        """
        if not isinstance(other, DrugList):
            raise TypeError("merge() expects a DrugList")
        kept = [m for m in self._by_generic.values() if m.generic not in other._by_generic]
        return DrugList([*other._by_generic.values(), *kept])
