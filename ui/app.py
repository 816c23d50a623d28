"""Start the desktop app: ``qianyi gui [WORKBOOK] [--lang zh|en] [--screenshot FILE.png]``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

# The Qt-free modules (NumPy, the model, the reader) are imported before PySide6: once
# PySide6 is loaded, its import hook reads the source of every module imported after it
# (looking for `from __feature__ import ...`), about 60 ms of start-up for these.
import planner.io.reader  # noqa: F401  (imported for its place in the order)
import planner.model.evaluate  # noqa: F401  (likewise)
from models import Document, DocumentError
from planner.cli import add_gui_arguments

from PySide6.QtCore import QCoreApplication, QSettings, QTimer  # noqa: E402,I001
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ui import language, prompts, quiet_start, tab_registry
from ui.autosave import discard_recovery, orphaned_recoveries
from ui.main_window import MainWindow
from ui.session import Session

ORGANIZATION = "qianyi"
APPLICATION = "qianyi"
# A preference list only: Qt falls back to any installed font with the glyphs.
FONT_FAMILIES = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
                 "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
                 "WenQuanYi Micro Hei"]
SCREENSHOT_SIZE = (1480, 940)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="qianyi gui", description="千亿情景规划器 desktop app")
    add_arguments(p)
    return p


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_gui_arguments(p)


def application() -> QApplication:
    """The QApplication (an existing one is reused, e.g. under pytest-qt)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    font = QFont(app.font())
    font.setFamilies(FONT_FAMILIES + [app.font().family()])
    app.setFont(font)
    return app


def sample_document() -> tuple[Document, str]:
    """The bundled sample workbook, or the sample built in code if it is missing."""
    from sample_data import SAMPLE_WORKBOOK
    if SAMPLE_WORKBOOK.is_file():
        from planner.io.reader import read_workbook
        try:
            return read_workbook(SAMPLE_WORKBOOK).document, str(SAMPLE_WORKBOOK)
        except DocumentError:
            pass
    from sample_data.leshan import leshan_document
    return leshan_document(), ""


def _offer_recovery(session: Session, window: MainWindow) -> None:
    """Offer every autosave whose window is gone, newest first; the first one accepted
    and read replaces the document (the others stay for the next start)."""
    for info in orphaned_recoveries():
        if not prompts.ask_recover(window, info.get("path", ""), info.get("saved_at", "")):
            discard_recovery(info)
            continue
        from planner.io.reader import read_workbook
        try:
            doc = read_workbook(info["workbook"]).document
        except DocumentError as exc:
            from ui import error_dialog
            error_dialog.show_issues(window, QCoreApplication.translate("App", "Cannot recover"),
                                     QCoreApplication.translate("App", "The autosaved copy cannot "
                                                                "be read."), exc.issues)
            continue
        session.replace_document(doc, info.get("path", ""))
        session.set_active_scenario(info.get("scenario", ""))
        session.undo_stack.resetClean()     # recovered work is not saved anywhere yet
        window.update_title()
        autosave = getattr(window, "autosave", None)
        if autosave is None:
            discard_recovery(info)
        else:  # kept until this window's own autosave holds the work
            autosave.written.connect(lambda _path, i=info: discard_recovery(i))
            autosave.autosave_now()
        return


LIVE_WAIT_S = 60


def screenshot(window: MainWindow, path: str, tab: str = "overview",
               size: tuple[int, int] | None = None) -> bool:
    """Render the window (the tab ``tab``, charts drawn) to a PNG."""
    app = QApplication.instance()
    window.resize(*(size or SCREENSHOT_SIZE))
    window.show_tab(tab)
    window.show()
    for _ in range(3):
        app.processEvents()
    window.overview.live.wait(LIVE_WAIT_S)   # the 达标概率 card as it settles, not "计算中…"
    window.overview.refresh()
    app.processEvents()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return window.grab().save(path, "PNG")


def run(workbook: str | None = None, lang: str | None = None,
        screenshot_path: str | None = None, tab: str | None = None,
        size: tuple[int, int] | None = None) -> int:
    """Open the app (or render a screenshot); the exit status."""
    try:
        return _run(workbook, lang, screenshot_path, tab, size)
    finally:
        quiet_start.resume()    # (done already once the window was up)


def _run(workbook: str | None, lang: str | None, screenshot_path: str | None,
         tab: str | None, size: tuple[int, int] | None) -> int:
    if tab is not None and tab not in tab_registry.keys():
        print(f"qianyi gui: {tab_registry.unknown_key_message(tab)}", file=sys.stderr)
        return 2
    app = application()
    language.install(lang or language.saved_language())
    if lang and not screenshot_path:
        language.remember_language(lang)
    problems = None
    notices: list = []
    doc, path = None, ""
    if workbook:
        from planner.io.reader import read_workbook
        try:
            read = read_workbook(workbook)
            doc, path = read.document, str(Path(workbook).resolve())
            notices = list(read.issues)
        except DocumentError as exc:
            problems = [i if i.location.file else i.with_file(workbook) for i in exc.issues]
            for issue in problems:
                print(str(issue), file=sys.stderr)
            if screenshot_path:
                return 2
    if doc is None:
        doc, path = sample_document()
    session = Session(doc, path)
    window = MainWindow(session, autosave=screenshot_path is None,
                        remember_size=screenshot_path is None)
    if screenshot_path:
        ok = screenshot(window, screenshot_path, tab or "overview", size)
        window._closing = True
        window.close()
        if not ok:
            print(f"qianyi: cannot write {screenshot_path}", file=sys.stderr)
            return 1
        print(f"wrote {screenshot_path}")
        return 0
    if size is not None:
        window.resize(*size)
    if tab is not None:
        window.show_tab(tab)
    window.show()
    QTimer.singleShot(0, quiet_start.resume)    # garbage collection again once it is up
    if notices:
        window.files.show_notices(path, notices)
    if problems:
        from ui import error_dialog
        error_dialog.show_issues(
            window, QCoreApplication.translate("App", "Cannot open workbook"),
            QCoreApplication.translate("App", "The workbook has problems; the sample is "
                                       "shown instead."), problems)
    _offer_recovery(session, window)
    QSettings().sync()
    return app.exec()


def main(argv: list[str] | None = None) -> int:
    quiet_start.pause()
    args = build_parser().parse_args(argv)
    return run(args.workbook, args.lang, args.screenshot, tab=args.tab, size=args.size)


if __name__ == "__main__":
    sys.exit(main())
