"""Small caches for work that repeats between edits and between scenarios.

Documents are immutable and an edit replaces only the tables it touches, so an unchanged
table is the *same object* in the next document. ``IdentityMemo`` keys on that identity
(holding a reference, so an id is never reused while its entry lives) plus a small
hashable key for the rest, and keeps only the few most recent entries.

Cached numpy arrays are made read-only (``frozen``): a caller writing into one fails
loudly instead of changing a number another caller reads later.
"""
from __future__ import annotations

import threading
from typing import Callable, Generic, Hashable, TypeVar

import numpy as np

T = TypeVar("T")

_CLEARERS: list[Callable[[], None]] = []


def on_clear(clear: Callable[[], None]) -> Callable[[], None]:
    """Register a cache's clear function with clear_caches."""
    _CLEARERS.append(clear)
    return clear


def clear_caches() -> None:
    """Forget every cached value between documents (tests compare cached with fresh)."""
    for clear in _CLEARERS:
        clear()


def frozen(*arrays: np.ndarray) -> None:
    """Make arrays read-only in place."""
    for a in arrays:
        a.setflags(write=False)


class IdentityMemo(Generic[T]):
    """The last ``size`` values computed for (an object's identity, a hashable key)."""

    def __init__(self, size: int = 4):
        self.size = size
        self._entries: list[tuple[object, Hashable, T]] = []
        self._lock = threading.Lock()
        on_clear(self.clear)

    def get(self, obj: object, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            for i, (held, k, value) in enumerate(self._entries):
                if held is obj and k == key:
                    if i:
                        self._entries.insert(0, self._entries.pop(i))
                    return value
        value = compute()
        with self._lock:
            self._entries.insert(0, (obj, key, value))
            del self._entries[self.size:]
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


class ContentMemo(Generic[T]):
    """The last ``size`` values computed for a hashable key made of contents (the bytes
    of arrays, plain numbers): unlike IdentityMemo it finds a value again when new arrays
    hold the same numbers. Array values are made read-only."""

    def __init__(self, size: int = 32):
        self.size = size
        self._values: dict[Hashable, T] = {}
        self._lock = threading.Lock()
        on_clear(self.clear)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._values:
                value = self._values.pop(key)
                self._values[key] = value            # the most recent last
                return value
        value = compute()
        if isinstance(value, np.ndarray):
            frozen(value)
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.size:
                del self._values[next(iter(self._values))]
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
