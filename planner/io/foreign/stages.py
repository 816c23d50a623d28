"""Status words of project lists to stage keys (储备 … 投产), extendable by the caller."""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from models import labels

DEFAULT_WORDS: dict[str, str] = {
    "储备": "reserve", "谋划": "reserve", "洽谈": "reserve", "在谈": "reserve",
    "意向": "reserve", "跟踪": "reserve", "前期": "reserve", "策划": "reserve",
    "签约": "signed", "已签约": "signed", "拟签约": "signed", "签订": "signed",
    "开工": "started", "新开工": "started", "已开工": "started", "拟开工": "started",
    "在建": "construction", "建设中": "construction", "续建": "construction",
    "在建中": "construction", "施工": "construction", "建设": "construction",
    "投产": "production", "竣工": "production", "建成": "production", "达产": "production",
    "已投产": "production", "竣工投产": "production", "建成投产": "production",
    "部分投产": "production", "试生产": "production", "运营": "production",
}


def fold(text: object) -> str:
    t = unicodedata.normalize("NFKC", str(text if text is not None else ""))
    return "".join(t.split()).casefold()


class StageMap:
    """Source status text -> stage key. Stage names in either language always work;
    ``extra`` (text -> stage key or name) overrides the default words."""

    def __init__(self, extra: Mapping[str, str] | None = None,
                 defaults: Mapping[str, str] | None = None) -> None:
        self._defaults = dict(DEFAULT_WORDS if defaults is None else defaults)
        self._extra = dict(extra or {})
        self._map = {fold(k): v for k, v in self._defaults.items()}
        for text, stage in self._extra.items():
            key = labels.stage_key(stage)
            if key is None:
                names = ", ".join(f"{k}/{v[0]}" for k, v in labels.STAGES.items())
                raise ValueError(f"unknown stage {stage!r} for {text!r} in the stage "
                                 f"mapping (expected one of {names})")
            self._map[fold(text)] = key

    def extend(self, extra: Mapping[str, str]) -> "StageMap":
        """A new map with ``extra`` (text -> stage key or name) on top of this one."""
        return StageMap({**self._extra, **extra}, self._defaults)

    def lookup(self, text: object) -> str | None:
        """The stage key for a cell's text, or None when it is not known."""
        t = fold(text)
        if not t:
            return None
        plain = unicodedata.normalize("NFKC", str(text)).strip()
        return (self._map.get(t) or labels.stage_key(plain)
                or self._map.get(t.rstrip("中")))

    def as_dict(self) -> dict[str, str]:
        return dict(self._map)
