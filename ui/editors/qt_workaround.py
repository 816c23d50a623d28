"""Stopgap for PySide6 6.12 on Python 3.11: ``SignalInstance.emit`` drops a reference to
``True`` on every call, so after a few thousand emits CPython frees ``True`` and aborts
("bool_dealloc: deallocating True or False"). 6.11.2 is fine, and Python 3.12+ is immune
(True and False are immortal there). Until the project pins PySide6 != 6.12.x, give the
two bools a refcount no session can exhaust, as 3.12 does. Imported by ui.editors.
"""
from __future__ import annotations

import ctypes
import sys

import PySide6

_done = False


def needed() -> bool:
    return (sys.implementation.name == "cpython" and sys.version_info < (3, 12)
            and tuple(PySide6.__version_info__[:2]) == (6, 12))


def immortalize_bools() -> None:
    global _done
    if _done or not needed():
        return
    for b in (True, False):
        ctypes.c_ssize_t.from_address(id(b)).value += 1 << 40  # ob_refcnt is the first field
    _done = True


immortalize_bools()
