"""The Monte Carlo parameter form: draws, seed, volatilities and delays; defaults from Settings."""
from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QSpinBox, QWidget

from models import Document
from models.labels import SETTINGS, SETTINGS_EN
from planner.analysis.montecarlo import MonteCarloParams
from ui.analysis.common import lang

MAX_DRAWS = 1_000_000
FIELDS = ("draws", "seed", "growth_sd", "price_sd", "delay_mode", "delay_max")
SETTING_OF = {"draws": "mc_draws", "seed": "mc_seed"}


def _label(field: str) -> str:
    key = SETTING_OF.get(field, field)
    return SETTINGS[key][0] if lang() == "zh" else SETTINGS_EN[key]


class ParamsForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draws = QSpinBox(self)
        self.draws.setRange(1, MAX_DRAWS)
        self.draws.setSingleStep(1000)
        self.draws.setGroupSeparatorShown(True)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2_147_483_647)
        self.growth_sd = self._double(0, 100, 0.5, " %")
        self.price_sd = self._double(0, 100, 1, " %")
        years = self.tr(" years")
        self.delay_mode = self._double(0, 20, 0.5, years)
        self.delay_max = self._double(0, 20, 0.5, years)
        self.growth_sd.setToolTip(self.tr("Standard deviation of each chain's yearly growth, "
                                          "in percentage points"))
        self.price_sd.setToolTip(self.tr("Yearly volatility of each chain's price index "
                                         "(a log random walk with mean 1)"))
        self.delay_mode.setToolTip(self.tr("Most likely extra delay of a project not yet in "
                                           "production (triangular distribution)"))
        self.delay_max.setToolTip(self.tr("Largest extra delay of a project"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for f in FIELDS:
            form.addRow(_label(f), getattr(self, f))
        self._loaded: MonteCarloParams | None = None

    def _double(self, lo: float, hi: float, step: float, suffix: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(lo, hi)
        box.setDecimals(2)
        box.setSingleStep(step)
        box.setSuffix(suffix)
        return box

    def load(self, doc: Document, force: bool = True) -> None:
        """Take the defaults from the document's Settings (unless they are the same as last
        time and ``force`` is off: then what the planner typed stays)."""
        p = MonteCarloParams.from_settings(doc)
        if not force and p == self._loaded:
            return
        self._loaded = p
        self.set_params(p)

    def set_params(self, p: MonteCarloParams) -> None:
        self.draws.setValue(min(int(p.draws), MAX_DRAWS))
        self.seed.setValue(int(p.seed))
        self.growth_sd.setValue(p.growth_sd * 100)
        self.price_sd.setValue(p.price_sd * 100)
        self.delay_mode.setValue(p.delay_mode)
        self.delay_max.setValue(p.delay_max)

    def params(self) -> MonteCarloParams:
        return MonteCarloParams(draws=self.draws.value(), seed=self.seed.value(),
                                growth_sd=self.growth_sd.value() / 100,
                                price_sd=self.price_sd.value() / 100,
                                delay_mode=self.delay_mode.value(),
                                delay_max=self.delay_max.value())
