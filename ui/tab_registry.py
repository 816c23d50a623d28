"""The main window's tabs, by key: one registry for the tab order, the titles and
``qianyi gui --tab KEY``.

A new tab is one line (in ui/main_window.py, where the tabs are listed)::

    register("actuals", "Progress", "Actuals", ActualsPanel)

``context``/``title`` are the Qt translation context and the English source title (wrap the
title in QT_TRANSLATE_NOOP where it is defined so update.py finds it); ``make(session,
parent)`` builds the widget. Keys are English, lower case, and never translated.

The main window builds a tab when it is first shown, so a factory made by
``lazy("ui.analysis.goalseek_panel:GoalSeekPanel")`` keeps the tab's module (and what it
imports) out of the start-up too.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

TabFactory = Callable[..., QWidget]   # (session, parent) -> the tab's widget


@dataclass(frozen=True)
class TabSpec:
    key: str
    context: str
    title: str            # English source text, translated through ``context``
    make: TabFactory

    def translated_title(self) -> str:
        return QCoreApplication.translate(self.context, self.title)


class LazyFactory:
    """``make(session, parent)`` for the class or function ``module:name``, imported on the
    first call."""

    def __init__(self, target: str) -> None:
        module, sep, name = target.partition(":")
        if not sep or not module or not name:
            raise ValueError(f"expected 'package.module:Name', found {target!r}")
        self.module, self.name = module, name

    def resolve(self) -> TabFactory:
        return getattr(importlib.import_module(self.module), self.name)

    def __call__(self, *args, **kwargs) -> QWidget:
        return self.resolve()(*args, **kwargs)

    def __repr__(self) -> str:
        return f"lazy({self.module}:{self.name})"


def lazy(target: str) -> TabFactory:
    """A tab factory that imports ``"package.module:Name"`` only when the tab is built."""
    return LazyFactory(target)


def lazy_exports(package: str, names: dict[str, str]) -> Callable[[str], object]:
    """A package's module ``__getattr__`` that imports ``names[attribute]`` (a module
    path) when the attribute is first asked for, so ``from ui.analysis import
    ComparePanel`` works while the package itself imports no tab at start-up."""
    def __getattr__(name: str) -> object:  # noqa: N807 - the module hook's name
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module), name)
    return __getattr__


_TABS: list[TabSpec] = []


def register(key: str, context: str, title: str, make: TabFactory,
             after: str | None = None) -> None:
    """Add a tab (at the end, or right after the tab ``after``); a key registered again
    replaces the earlier entry in place."""
    spec = TabSpec(key, context, title, make)
    for i, old in enumerate(_TABS):
        if old.key == key:
            _TABS[i] = spec
            return
    if after is not None and after in keys():
        _TABS.insert(keys().index(after) + 1, spec)
    else:
        _TABS.append(spec)


def tabs() -> list[TabSpec]:
    return list(_TABS)


def keys() -> list[str]:
    return [t.key for t in _TABS]


def index_of(key: str) -> int:
    """The tab's position; ValueError for an unknown key."""
    return keys().index(key)


def unknown_key_message(key: str) -> str:
    return f"unknown tab {key!r}; the tabs are: {', '.join(keys())}"
