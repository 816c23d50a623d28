"""Ramp profiles as padded matrices, evaluated for arrays of years since first output."""
from __future__ import annotations

import numpy as np

from models import Ramp


def ramp_matrix(ramps: tuple[Ramp, ...] | list[Ramp]) -> np.ndarray:
    """(n, M) matrix; each row padded with its last share so index M-1 means 'τ ≥ m-1'."""
    if not ramps:
        return np.ones((0, 1))
    unique: dict[Ramp, int] = {}
    rows = np.fromiter((unique.setdefault(r, len(unique)) for r in ramps), dtype=np.intp,
                       count=len(ramps))
    width = max(len(r) for r in unique)
    table = np.empty((len(unique), width))
    for i, r in enumerate(unique):  # few distinct profiles: most projects share their chain's
        table[i, : len(r)] = r
        table[i, len(r):] = r[-1]
    return table[rows]


def ramp_at(matrix: np.ndarray, tau: np.ndarray) -> np.ndarray:
    """r(τ) per row of ``matrix`` (model.md §2); ``tau`` is (..., n, K), row i uses ramp i."""
    idx = np.clip(tau, 0, matrix.shape[1] - 1)
    values = matrix[np.arange(matrix.shape[0])[:, None], idx]
    return np.where(tau < 0, 0.0, values)
