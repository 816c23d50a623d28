"""Write a file all at once: into a temporary file beside it, then replace the target.

A failed or interrupted write never leaves a half-written workbook: the temporary file
is removed and an existing target is left untouched.
"""
from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path
from typing import Callable


class WriteError(OSError):
    """A file could not be written; ``reason`` says why in words a planner understands."""

    def __init__(self, path: str | os.PathLike, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path = Path(path)
        self.reason = reason

    def __str__(self) -> str:  # OSError's own __str__ would show only the first arg
        return f"cannot write {self.path}: {self.reason}"

    def __reduce__(self):  # whole across processes (a save runs in the saving process)
        return type(self), (str(self.path), self.reason)


LOCKED = "the file is locked or read-only (is it open in Excel or WPS?)"
STALE_AFTER = 120  # seconds; a temporary file older than this is left from a crash
_TEMP_NAME = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.tmp\.[A-Za-z0-9]+")


def remove_stale_temps(folder: Path, now: float | None = None) -> list[Path]:
    """Delete temporary files an interrupted save left in ``folder``; return them."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMP_NAME.fullmatch(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and \
                    now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _reason(e: BaseException) -> str | None:
    """Words for an error that means the file could not be written, else None."""
    if isinstance(e, OSError):
        return e.strerror or str(e)
    if type(e).__name__ == "FileCreateError":  # XlsxWriter wraps the OSError of close()
        cause = e.__cause__ or e.__context__
        if isinstance(cause, OSError):
            return cause.strerror or str(cause)
        text = str(e)
        return text.split(":", 1)[-1].strip() or "the file could not be created"
    return None


def atomic_write(path: str | os.PathLike, write_fn: Callable[[Path], object]) -> Path:
    """Call ``write_fn(tmp_path)``, fsync, and move the result onto ``path``.

    Raises WriteError for a missing or unwritable folder, a locked target, or an
    operating-system error while writing; any other exception from ``write_fn``
    propagates unchanged (after the temporary file is removed).
    """
    target = Path(path)
    if target.is_symlink():  # write through the link to its target, keep the link
        target = Path(os.path.realpath(target))
    folder = target.parent
    if not folder.exists():
        raise WriteError(target, f"the folder {folder} does not exist")
    if not folder.is_dir():
        raise WriteError(target, f"{folder} is not a folder")
    if target.is_dir():
        raise WriteError(target, "a folder of that name exists")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.stem}.",
                                        suffix=f".tmp{target.suffix}")
    except PermissionError as e:
        raise WriteError(target, f"the folder {folder} is not writable") from e
    except OSError as e:
        raise WriteError(target, e.strerror or str(e)) from e
    os.close(fd)
    remove_stale_temps(folder)
    tmp = Path(tmp_name)
    try:
        write_fn(tmp)
        _fsync(tmp)
        _copy_mode(target, tmp)
    except BaseException as e:
        _remove(tmp)
        reason = None if isinstance(e, WriteError) else _reason(e)
        if reason is not None:
            raise WriteError(target, reason) from e
        raise
    try:
        os.replace(tmp, target)
    except OSError as e:
        _remove(tmp)
        reason = LOCKED if isinstance(e, PermissionError) else (e.strerror or str(e))
        raise WriteError(target, reason) from e
    _fsync_folder(folder)
    return target


def _fsync(file: Path) -> None:
    with open(file, "rb+") as fh:
        os.fsync(fh.fileno())


def _copy_mode(target: Path, tmp: Path) -> None:
    """mkstemp makes a private (0600) file; give the result the mode a normal save would."""
    if os.name == "nt":
        return
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    os.chmod(tmp, mode)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); folders cannot be opened this way on Windows."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(file: Path) -> None:
    try:
        file.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass  # best effort: the original error is the one to report
