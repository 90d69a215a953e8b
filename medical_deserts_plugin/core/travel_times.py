"""Sparse origin x destination travel-time table, the currency between the network engine and the indicators.

A pair that is not stored is unreachable within the cutoff: there is never a fake "infinite" number. A stored time
may be exactly 0 (same place), which is why the table keeps explicit (origin, destination, minutes) arrays instead of
a scipy sparse matrix, whose arithmetic silently drops explicit zeros.
"""

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
from scipy import sparse


@dataclass(frozen=True)
class TravelTimeTable:
    """Reachable pairs: ``origin[k]`` reaches ``destination[k]`` in ``minutes[k]`` (indices into the inputs)."""

    origin: np.ndarray
    destination: np.ndarray
    minutes: np.ndarray
    shape: tuple

    def __post_init__(self):
        object.__setattr__(self, "origin", np.asarray(self.origin, dtype=np.int64))
        object.__setattr__(self, "destination", np.asarray(self.destination, dtype=np.int64))
        object.__setattr__(self, "minutes", np.asarray(self.minutes, dtype=np.float64))
        object.__setattr__(self, "shape", (int(self.shape[0]), int(self.shape[1])))
        if not (len(self.origin) == len(self.destination) == len(self.minutes)):
            raise ValueError("origin, destination and minutes must have the same length")

    @classmethod
    def empty(cls, n_origins, n_destinations):
        """A table where nothing is reachable."""
        return cls(np.empty(0), np.empty(0), np.empty(0), (n_origins, n_destinations))

    def __len__(self):
        return len(self.minutes)

    @cached_property
    def _pair_keys(self):
        return self.origin * self.shape[1] + self.destination

    @cached_property
    def is_in_pair_order(self):
        """Whether the pairs are stored by origin, then destination, each once (as the router and most OD files
        write them): the checks and the CSR build then skip their sort."""
        keys = self._pair_keys
        return bool((keys[1:] > keys[:-1]).all())

    @cached_property
    def has_duplicate_pairs(self):
        """Whether an (origin, destination) pair is stored twice; checked once per table (by a sort: numpy >= 2.3's
        hash-based ``np.unique`` is ten times slower on a million pairs)."""
        if self.is_in_pair_order:
            return False
        keys = np.sort(self._pair_keys)
        return bool((keys[1:] == keys[:-1]).any())

    def sorted(self):
        """Pairs ordered by origin, then minutes, then destination (a stable, reproducible order)."""
        order = np.lexsort((self.destination, self.minutes, self.origin))
        return TravelTimeTable(self.origin[order], self.destination[order], self.minutes[order], self.shape)

    def within(self, cutoff_minutes):
        """Only the pairs with ``minutes <= cutoff_minutes``."""
        keep = self.minutes <= cutoff_minutes
        return TravelTimeTable(self.origin[keep], self.destination[keep], self.minutes[keep], self.shape)

    def transposed(self):
        """The same pairs seen from the destinations (rows and columns swapped)."""
        return TravelTimeTable(self.destination, self.origin, self.minutes, self.shape[::-1])

    def rank(self):
        """Rank of each pair among its origin's destinations, 1 = nearest (ties broken by destination index)."""
        order = np.lexsort((self.destination, self.minutes, self.origin))
        ranks = np.empty(len(order), dtype=np.int64)
        sorted_origin = self.origin[order]
        group_start = np.r_[0, np.flatnonzero(np.diff(sorted_origin)) + 1]
        starts = np.repeat(group_start, np.diff(np.r_[group_start, len(order)]))
        ranks[order] = np.arange(len(order)) - starts + 1
        return ranks

    def k_nearest(self, k):
        """Keep, for each origin, its ``k`` nearest destinations."""
        keep = self.rank() <= k
        return TravelTimeTable(self.origin[keep], self.destination[keep], self.minutes[keep], self.shape)

    def nearest(self):
        """For each origin: (minutes to its nearest destination or NaN, that destination's index or -1)."""
        best_minutes = np.full(self.shape[0], np.nan)
        best_destination = np.full(self.shape[0], -1, dtype=np.int64)
        if len(self):  # grouped minima, no sort: the same as rank 1 (ties to the lowest destination index)
            shortest = pd.Series(self.minutes).groupby(self.origin).min()
            best_minutes[shortest.index] = shortest.to_numpy()
            at_best = self.minutes == best_minutes[self.origin]
            first = pd.Series(self.destination[at_best]).groupby(self.origin[at_best]).min()
            best_destination[first.index] = first.to_numpy()
        return best_minutes, best_destination

    def count_within(self, cutoff_minutes):
        """Number of destinations each origin reaches in ``cutoff_minutes`` or less."""
        return np.bincount(self.origin[self.minutes <= cutoff_minutes], minlength=self.shape[0])

    def weight_matrix(self, weights):
        """CSR matrix (origins x destinations) of per-pair ``weights``; pairs of weight 0 are dropped."""
        weights = np.asarray(weights, dtype=np.float64)
        keep = np.flatnonzero(weights)
        origin = self.origin[keep]
        if self.is_in_pair_order:  # already CSR order: row pointers found by bisection, no COO conversion
            row_start = np.searchsorted(origin, np.arange(self.shape[0] + 1))
            return sparse.csr_matrix((weights[keep], self.destination[keep], row_start), shape=self.shape)
        return sparse.csr_matrix((weights[keep], (origin, self.destination[keep])), shape=self.shape)

    @classmethod
    def concatenate(cls, tables, shape):
        """Join tables computed on disjoint chunks of the same problem."""
        tables = list(tables)
        if not tables:
            return cls.empty(*shape)
        return cls(
            np.concatenate([t.origin for t in tables]),
            np.concatenate([t.destination for t in tables]),
            np.concatenate([t.minutes for t in tables]),
            shape,
        )

    def destinations(self, keep):
        """Only the pairs whose destination is in ``keep``, destinations renumbered 0..len(keep)-1 in that order."""
        keep = np.asarray(keep, dtype=np.int64)
        new_index = np.full(self.shape[1], -1, dtype=np.int64)
        new_index[keep] = np.arange(len(keep))
        mask = new_index[self.destination] >= 0
        return TravelTimeTable(self.origin[mask], new_index[self.destination[mask]], self.minutes[mask],
                               (self.shape[0], len(keep)))

    def with_zero_pairs(self, origin, destination):
        """The same table where the pairs (``origin[k]``, ``destination[k]``) take 0 minutes, added if absent
        (e.g. DREES APL: a commune to its own practitioners)."""
        origin = np.asarray(origin, dtype=np.int64)
        destination = np.asarray(destination, dtype=np.int64)
        n_destinations = max(self.shape[1], 1)
        zero_keys = origin * n_destinations + destination
        keep = ~np.isin(self.origin * n_destinations + self.destination, zero_keys)
        _, first = np.unique(zero_keys, return_index=True)
        return TravelTimeTable(
            np.concatenate([self.origin[keep], origin[first]]),
            np.concatenate([self.destination[keep], destination[first]]),
            np.concatenate([self.minutes[keep], np.zeros(len(first))]),
            self.shape,
        )

    @classmethod
    def from_id_pairs(cls, origin_ids, destination_ids, minutes, known_origins, known_destinations):
        """A table from (origin id, destination id, minutes) rows, such as a ``traveltimematrix`` output or an
        INSEE Metric export, matched by text id to ``known_origins`` and ``known_destinations``.

        Returns (table, number of rows left out: unknown id or missing/negative minutes). Several rows for one
        pair keep the shortest time. The ids may be pandas Categoricals (see ``position_of``).
        """
        origin = position_of(origin_ids, known_origins)
        destination = position_of(destination_ids, known_destinations)
        minutes = as_minutes(minutes)
        usable = (origin >= 0) & (destination >= 0) & (minutes >= 0)
        n_destinations = max(len(known_destinations), 1)
        pair = origin[usable] * n_destinations + destination[usable]  # one integer key per pair
        minutes = minutes[usable]
        if len(pair) and not (pair[1:] > pair[:-1]).all():  # else already in pair order, each pair once
            order = np.argsort(pair, kind="stable")
            pair, minutes = pair[order], minutes[order]
            first = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])
            pair, minutes = pair[first], np.minimum.reduceat(minutes, first)  # the shortest time of each pair
        table = cls(pair // n_destinations, pair % n_destinations, minutes,
                    (len(known_origins), len(known_destinations)))
        return table, int((~usable).sum())


def as_minutes(values):
    """Floats of ``values`` (NaN where missing or not a number), without a Python call per value when they are
    numbers already."""
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        return pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").to_numpy(dtype=float)


def position_of(ids, known):
    """Position in ``known`` of each of ``ids`` compared as texts (the first where ``known`` repeats one; -1 where
    it has none). Each distinct id is looked up once: a table's ids repeat thousands of times. ``ids`` may be a
    pandas Categorical (a bulk-read text column): its codes are used as they are."""
    if isinstance(ids, pd.Categorical):
        codes, distinct = ids.codes, ids.categories
    else:
        codes, distinct = pd.factorize(pd.Series(ids, dtype=object), use_na_sentinel=True)
    lookup = pd.Series(np.arange(len(known)), index=pd.Index(known, dtype=object).astype(str)).groupby(level=0).first()
    found = pd.Index(distinct, dtype=object).astype(str).map(lookup).to_numpy(dtype=float, na_value=-1)
    return np.r_[found, -1].astype(np.int64)[codes]  # a missing id (code -1) takes the last: -1


def same_code_pairs(origin_codes, destination_codes):
    """(origin index, destination index) of every pair whose codes are equal and not empty (e.g. same commune)."""
    origins = pd.DataFrame({"code": pd.Series(origin_codes, dtype=object).astype(str), "o": np.arange(len(origin_codes))})
    destinations = pd.DataFrame({"code": pd.Series(destination_codes, dtype=object).astype(str),
                                 "d": np.arange(len(destination_codes))})
    pairs = origins[origins["code"] != ""].merge(destinations[destinations["code"] != ""], on="code")
    return pairs["o"].to_numpy(np.int64), pairs["d"].to_numpy(np.int64)
