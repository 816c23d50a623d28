"""The live-card and save-latency benchmark hooks keep working (figures: make bench)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.ui_support import ui_env  # noqa: E402,F401


def test_live_probability_hook(ui_env):
    from benchmarks.live import live_probability_latencies
    from sample_data.leshan import leshan_document_v1
    times = live_probability_latencies(leshan_document_v1(), 2)
    assert len(times) == 2 and all(t > 0.1 for t in times)   # the 100 ms pause included


def test_save_latency_hook(ui_env):
    from benchmarks.live import save_edit_latencies
    from sample_data.leshan import leshan_document_v1
    times = save_edit_latencies(leshan_document_v1(), saves=1, baseline_edits=2)
    assert set(times) == {"alone", "thread", "process"} and len(times["alone"]) == 2
    assert all(t > 0 for ts in times.values() for t in ts)
