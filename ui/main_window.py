"""The main window: menus, the Overview and editor tabs, the scenario dock, status bar.

The Session, file controller, autosave and task bar live as long as the window; the
menus, tabs and dock are rebuilt when the interface language changes, so every text
is re-read from the translator while the document and its undo history stay.

Tabs are built when first shown (the Overview always at once): ``window.pages[key]``
builds a tab on demand, ``window.pages.built()`` lists those that exist.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QSettings,
                            QSize, Qt, QTimer, SignalInstance)
from PySide6.QtGui import (QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent,
                           QGuiApplication, QKeySequence)
from PySide6.QtWidgets import QFrame, QMainWindow, QMenu, QScrollArea, QTabWidget, QWidget

from ui import language, messages, report_action
from ui import tab_registry
from ui.analysis import ANALYSIS_TABS
from ui.autosave import Autosave
from ui.editors import EDITOR_TABS
from ui.idle_gc import idle_collector
from ui.file_actions import FileController, recent_files
from ui.overview import OverviewTab
from ui.progress import PROGRESS_TABS
from ui.scenario_tree import ScenarioDock
from ui.session import Session
from ui.task_bar import TaskBar

STATUS_MS = 10_000
MINIMUM_SIZE = QSize(1000, 620)   # a 1024×640 screen still fits the whole window
GEOMETRY_KEY = "window/geometry"

# The tabs, in order. A new tab is one line: tab_registry.register(key, context, title, make).
# The factories of the other tabs import their modules when the tab is first built.
tab_registry.register("overview", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Overview"),
                      OverviewTab)
for _key, _title, _make in PROGRESS_TABS:
    tab_registry.register(_key, "Progress", _title, _make)
for _key, _title, _make in EDITOR_TABS:
    tab_registry.register(_key, "Editors", _title, _make)
for _key, _title, _make in ANALYSIS_TABS:
    tab_registry.register(_key, "AnalysisTabs", _title, _make)


def _xlsx_paths(event: QDragEnterEvent | QDropEvent) -> list[str]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls()
            if u.isLocalFile() and u.toLocalFile().lower().endswith(".xlsx")]


def redo_shortcuts() -> list[QKeySequence]:
    """The platform's redo keys plus Ctrl+Y and Ctrl+Shift+Z on every platform."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
        if QKeySequence(extra) not in keys:
            keys.append(QKeySequence(extra))
    return keys


def _scrolling(widget: QWidget | None) -> QScrollArea:
    """The tab in a frameless scroll area: on a small screen it scrolls instead of
    pushing the window past the screen's edge."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    if widget is not None:
        area.setWidget(widget)
    return area


class Pages(Mapping[str, QWidget]):
    """The tabs' own widgets by key, in tab order. Reading one that is not built yet
    builds it (without showing it), so ``window.pages["growth"]`` always answers."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        widget = self._built.get(key)
        if widget is None:
            widget = self._window._build_page(self._window.tab_keys.index(key)
                                              if key in self._window.tab_keys else -1, key)
        return widget

    def __iter__(self) -> Iterator[str]:
        return iter(self._window.tab_keys)

    def __len__(self) -> int:
        return len(self._window.tab_keys)

    def __contains__(self, key: object) -> bool:
        return key in self._window.tab_keys

    def built(self) -> dict[str, QWidget]:
        """The tabs built so far (key → widget), in tab order."""
        return {k: self._built[k] for k in self._window.tab_keys if k in self._built}

    def is_built(self, key: str) -> bool:
        return key in self._built


class MainWindow(QMainWindow):
    def __init__(self, session: Session, autosave: bool = True,
                 parent: QWidget | None = None, remember_size: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = session
        self.setAcceptDrops(True)
        self.task_bar = TaskBar(self)
        self.statusBar().addPermanentWidget(self.task_bar)
        self.files = FileController(session, self, self.task_bar)
        self.files.message.connect(self.show_message)
        self.autosave = Autosave(session, parent=self) if autosave else None
        if self.autosave is not None:
            self.autosave.failed.connect(lambda text: self.show_message(
                self.tr("Autosave failed: %1").replace("%1", text)))
        self._closing = False
        self._shut_down = False
        self.last_notice = ""
        self.overview: OverviewTab | None = None
        self.scenario_dock: ScenarioDock | None = None
        self.tabs: QTabWidget | None = None
        session.pathChanged.connect(self.update_title)
        session.documentChanged.connect(self.update_title)
        session.documentReplaced.connect(self.update_title)
        session.undo_stack.cleanChanged.connect(self.update_title)
        # full garbage collections between edits, not during one
        session.resultsChanged.connect(idle_collector(QCoreApplication.instance()).changed)
        session.editRefused.connect(self._on_refused)
        session.documentReplaced.connect(self.show_notices)
        self._remember_size = remember_size
        self.statusBar().installEventFilter(self)    # its tooltip is made when asked for
        self._build_ui()
        self.setMinimumSize(MINIMUM_SIZE)
        geometry = QSettings().value(GEOMETRY_KEY) if remember_size else None
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_screen()
        self.show_notices()

    def _fit_screen(self) -> None:
        """Open on the whole available screen area (the task bar stays visible)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1366, 768)
            return
        area = screen.availableGeometry()
        self.resize(max(area.width(), MINIMUM_SIZE.width()),
                    max(area.height(), MINIMUM_SIZE.height()))
        self.move(area.topLeft())

    # -- building ----------------------------------------------------------------
    def _build_ui(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self._specs = tab_registry.tabs()
        self.tab_keys: list[str] = [spec.key for spec in self._specs]
        self.pages = Pages(self)
        for spec in self._specs:
            # "&" is not a mnemonic; the page goes into the scroll area when first shown
            self.tabs.addTab(_scrolling(None), spec.translated_title().replace("&", "&&"))
        if "overview" in self.tab_keys:
            self.pages["overview"]     # the KPIs, charts and chart export need it at once
        self._show_page(self.tabs.currentIndex())
        self.tabs.currentChanged.connect(self._show_page)
        self.setCentralWidget(self.tabs)
        self.scenario_dock = ScenarioDock(self.session, self)
        self.scenario_dock.message.connect(self.show_message)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.scenario_dock)
        self.resizeDocks([self.scenario_dock], [275], Qt.Orientation.Horizontal)
        self._build_menus()
        self.task_bar.cancel_button.setText(self.tr("Cancel"))
        self.update_title()

    def _wire_tab(self, widget: QWidget) -> None:
        """Connect the optional signals a tab may offer to the status bar and overview."""
        def signal(name: str) -> SignalInstance | None:
            value = getattr(widget, name, None)
            return value if isinstance(value, SignalInstance) else None

        for name in ("editRefused", "message"):
            if (s := signal(name)) is not None:
                s.connect(self.show_message)
        if (s := signal("taskStarted")) is not None:
            s.connect(self.task_bar.watch)
        if (s := signal("probabilityComputed")) is not None:
            s.connect(self._on_probability)

    def _show_page(self, index: int) -> None:
        """A tab coming to the front is built first (before it is painted)."""
        if 0 <= index < len(self.tab_keys):
            self.pages[self.tab_keys[index]]

    def _build_page(self, index: int, key: str) -> QWidget:
        if index < 0:
            raise KeyError(key)
        widget = self._specs[index].make(self.session, self.tabs)
        self.pages._built[key] = widget
        self.tabs.widget(index).setWidget(widget)
        if isinstance(widget, OverviewTab):
            self.overview = widget
        else:
            self._wire_tab(widget)
        return widget

    def page(self, index: int) -> QWidget:
        """The tab's own widget (inside the scroll area that the tab bar holds), built if
        it was not yet."""
        return self.pages[self.tab_keys[index]]

    def step_tab(self, step: int) -> None:
        """The next (1) or previous (−1) tab, wrapping round (Ctrl+Tab, Ctrl+PgDn …)."""
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def show_user_guide(self) -> None:
        from ui import help as help_pages
        self.guide_dialog = help_pages.show_user_guide(self, language.current_language())

    def show_tab(self, key: str) -> None:
        """Bring the tab registered as ``key`` to the front (ValueError if unknown)."""
        self.tabs.setCurrentIndex(self.tab_keys.index(key))

    def _on_probability(self, scenario: str, p: float) -> None:
        if self.overview is not None:
            self.overview.remember_probability(scenario, p)

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        f = self.files
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(self._action(self.tr("&New"), f.new, QKeySequence.StandardKey.New))
        self.file_menu.addAction(self._action(self.tr("&Open…"), f.open,
                                              QKeySequence.StandardKey.Open))
        self.recent_menu = self.file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self._action(self.tr("&Save"), f.save,
                                              QKeySequence.StandardKey.Save))
        self.file_menu.addAction(self._action(self.tr("Save &As…"), f.save_as,
                                              QKeySequence.StandardKey.SaveAs))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self._action(self.tr("&Import projects…"),
                                              self.import_projects))
        export = self.file_menu.addMenu(self.tr("&Export chart"))
        export.addAction(self._action(
            self.tr("Output by chain (PNG/SVG)…"),
            lambda: f.export_chart(self.overview.chain_chart, "output_by_chain")))
        export.addAction(self._action(
            self.tr("Scenario comparison (PNG/SVG)…"),
            lambda: f.export_chart(self.overview.scenario_chart, "scenarios")))
        report_action.add_to_menu(self)   # 生成汇报材料
        self.file_menu.addSeparator()
        self.file_menu.addAction(self._action(self.tr("&Quit"), self.close,
                                              QKeySequence.StandardKey.Quit))

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.session.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts(redo_shortcuts())
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)

        self.edit_menu.addSeparator()
        for text, keys, step in ((self.tr("Next tab"), ("Ctrl+Tab", "Ctrl+PgDown"), 1),
                                 (self.tr("Previous tab"), ("Ctrl+Shift+Tab", "Ctrl+PgUp"), -1)):
            action = self._action(text, lambda step=step: self.step_tab(step))
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.edit_menu.addAction(action)

        self.scenario_menu = bar.addMenu(self.tr("&Scenario"))
        for action in self.scenario_dock.actions_list:
            self.scenario_menu.addAction(action)

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addAction(self.scenario_dock.toggleViewAction())
        lang_menu = self.view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, label in (("zh", "中文"), ("en", "English")):
            action = QAction(label, group)
            action.setCheckable(True)
            action.setChecked(code == language.current_language())
            action.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            lang_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = bar.addMenu(self.tr("&Help"))
        guide = self._action(self.tr("User guide"), self.show_user_guide)
        guide.setShortcuts([QKeySequence(Qt.Key.Key_F1)])
        self.help_menu.addAction(guide)
        self.help_menu.addAction(self._action(self.tr("How the model works"),
                                              self._show_model_help))
        self.help_menu.addAction(self._action(self.tr("About"), self._show_about))

    def _show_model_help(self) -> None:
        from ui import help as help_pages
        help_pages.show_model_help(self, language.current_language())

    def _show_about(self) -> None:
        from ui import help as help_pages
        help_pages.show_about(self, language.current_language())

    def import_projects(self) -> bool:
        """Append projects from another workbook (one undo step), through the wizard."""
        from ui.import_wizard import run_import_wizard
        return bool(run_import_wizard(self.session, self))

    def _fill_recent(self) -> None:
        menu: QMenu = self.recent_menu
        menu.clear()
        files = recent_files()
        if not files:
            menu.addAction(self.tr("(none)")).setEnabled(False)
        for path in files:
            menu.addAction(self._action(path, lambda p=path: self.files.open(p)))

    def _teardown_ui(self) -> None:
        self.menuBar().clear()
        if self.scenario_dock is not None:
            self.removeDockWidget(self.scenario_dock)
            self.scenario_dock.deleteLater()
            self.scenario_dock = None
        old = self.takeCentralWidget()
        if old is not None:
            old.deleteLater()
        self.overview = None
        self.tabs = None

    # -- language ------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch the interface language; the document and undo history stay."""
        if lang == language.current_language() and self.overview is not None:
            return
        tab = self.tabs.currentIndex() if self.tabs is not None else 0
        live = self.overview.live.memory() if self.overview is not None else {}
        language.install(lang)
        language.remember_language(lang)
        self._teardown_ui()
        self._build_ui()
        self.tabs.setCurrentIndex(max(tab, 0))
        self.overview.live.restore(live)   # the 达标概率 card keeps what it knew

    # -- status and title ------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    def notice_texts(self) -> list[str]:
        """The document's notices (slipped projects, override rows that only change the plan
        path, target warnings) in the interface language."""
        lang = language.current_language()
        return [messages.translate(n, lang) for n in self.session.evaluation.notices]

    def notice_tooltip(self) -> str:
        """The status bar's tooltip: every notice of the document, one a line."""
        return "\n".join(self.notice_texts())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip and watched is self.statusBar():
            # translated on hover, not at start-up (ui.messages compiles its phrases then)
            self.statusBar().setToolTip(self.notice_tooltip())
        return super().eventFilter(watched, event)

    def show_notices(self) -> None:
        """When a document opens: name the slipped projects in the status bar (every notice
        in its tooltip, made on hover); the Projects tab marks them."""
        result = self.session.active_result
        slipped = list(result.slipped_projects)
        notices = [] if slipped else self.notice_texts()
        if slipped:
            text = self.tr("Slipped projects (due to produce, not yet producing): %1 — see "
                           "the Projects tab").replace("%1", "、".join(slipped)
                                                       if language.current_language() == "zh"
                                                       else ", ".join(slipped))
        elif notices:
            text = notices[0] + (self.tr(" (+%1 more)").replace("%1", str(len(notices) - 1))
                                 if len(notices) > 1 else "")
        else:
            text = ""
        self.last_notice = text
        if text:
            self.show_message(text)
        else:
            self.statusBar().clearMessage()

    def _on_refused(self, text: str, issues: list) -> None:
        reason = messages.issue_text(issues[0], language.current_language()) if issues else ""
        more = len(issues) - 1
        message = self.tr("Not changed (%1): %2").replace("%1", text).replace("%2", reason)
        if more > 0:
            message += self.tr(" (+%1 more)").replace("%1", str(more))
        self.show_message(message)

    def update_title(self, *_args) -> None:
        park = self.session.document.settings.park_name or self.tr("Park")
        path = self.session.path
        name = Path(path).name if path else self.tr("Untitled")
        app_name = self.tr("Qianyi Scenario Planner")
        # [*] is where Qt shows the "*" of setWindowModified
        self.setWindowTitle(f"{park} — {name}[*] — {app_name}")
        self.setWindowModified(self.session.is_modified)

    # -- drag and drop ---------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if _xlsx_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = _xlsx_paths(event)
        if paths:
            event.acceptProposedAction()
            self.files.open(paths[0])

    # -- closing ---------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self._closing:
            self.files.guard(self._allow_close)
        if self._closing:
            self._shutdown()
            event.accept()
        else:
            event.ignore()   # cancelled, or a save is running that closes afterwards

    def _allow_close(self) -> None:
        self._closing = True
        QTimer.singleShot(0, self.close)   # after a deferred save; a no-op otherwise

    def _shutdown(self) -> None:
        if self._shut_down:
            return
        self._shut_down = True
        s = self.session
        for signal in (s.pathChanged, s.documentChanged, s.documentReplaced,
                       s.undo_stack.cleanChanged):
            signal.disconnect(self.update_title)
        s.editRefused.disconnect(self._on_refused)
        s.documentReplaced.disconnect(self.show_notices)
        if self._remember_size:
            QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        if self.autosave is not None:
            self.autosave.stop()
            self.autosave.clear()   # a deliberate close: nothing to recover

