"""Errors of saves, exports and reports in the interface language, paths unchanged."""
import pickle

import pytest

from planner.io.atomic import LOCKED, WriteError
from ui import messages


@pytest.mark.parametrize("reason, zh", [
    (LOCKED, "文件被锁定或只读（是否正在 Excel 或 WPS 中打开？）"),
    ("the folder /data/growth does not exist", "文件夹 /data/growth 不存在"),
    ("the folder /data/index is not writable", "文件夹 /data/index 不可写"),
    ("a folder of that name exists", "已有同名文件夹"),
    ("/data/name is not a folder", "/data/name 不是文件夹"),
    ("No space left on device", "磁盘空间不足"),
    ("Permission denied", "没有写入权限"),
    ("Input/output error", "Input/output error"),      # unknown: shown as the system says
])
def test_a_file_that_cannot_be_written(reason, zh):
    error = WriteError("/data/growth.xlsx", reason)
    assert messages.error_text(error, "zh") == f"无法写入 /data/growth.xlsx：{zh}"
    assert messages.error_text(error, "en") == str(error)


def test_other_errors_are_translated_as_messages():
    text = "the saving process stopped unexpectedly; nothing was changed on disk"
    assert messages.error_text(RuntimeError(text), "zh") == "保存进程意外停止；磁盘上的文件未被改动"
    assert messages.error_text(RuntimeError(text), "en") == text


def test_write_error_survives_pickling():
    error = pickle.loads(pickle.dumps(WriteError("/data/plan.xlsx", LOCKED)))
    assert isinstance(error, WriteError)
    assert (str(error.path), error.reason, str(error)) == \
        ("/data/plan.xlsx", LOCKED, f"cannot write /data/plan.xlsx: {LOCKED}")
