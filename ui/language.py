"""The interface language: Chinese by default, English on request, remembered.

Source strings in ui/ are English and translated through Qt (ui/i18n/*.qm); domain
labels (chains, stages, columns) come from models.labels with :func:`current_language`.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
SETTINGS_KEY = "ui/language"
I18N = Path(__file__).with_name("i18n")
QM_FILE = I18N / "qianyi_zh_CN.qm"

_current = DEFAULT
_installed: list[QTranslator] = []


def current_language() -> str:
    """"zh" or "en": the language of the interface right now."""
    return _current


def saved_language() -> str:
    value = QSettings().value(SETTINGS_KEY, DEFAULT)
    return value if value in LANGUAGES else DEFAULT


def remember_language(lang: str) -> None:
    QSettings().setValue(SETTINGS_KEY, lang)


def install(lang: str) -> None:
    """Load the translators for ``lang`` into the application (replacing others)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    _current = lang
    if lang == "zh":
        ours = QTranslator(app)
        if ours.load(str(QM_FILE)):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)   # Qt's own buttons (Save, Cancel, …)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def uninstall() -> None:
    """Remove the translators and go back to the default (tests restore state with it)."""
    global _current
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    _current = DEFAULT
