"""Problem messages in the Chinese interface."""
import pytest

from models import Location, ValidationIssue
from ui.messages import issue_text, translate

CASES = [
    ("investment must not be negative (found -5)", "投资额 不能为负数 (实际为 -5)"),
    ("unknown chain '氢能' (not on the Chains sheet)", "未知产业链“氢能”(产业链表中没有)"),
    ("duplicate project id 'P01' (first on row 3)", "项目编号“P01”重复 (首次出现在第 3 行)"),
    ("probability must be between 0 and 1 (found 1.5)", "实现概率 须在 0 到 1 之间 (实际为 1.5)"),
    ("build_years must be a whole number from 0 to 20 (found 30)",
     "建设期 须为 0 到 20 之间的整数 (实际为 30)"),
]


@pytest.mark.parametrize("english,chinese", CASES)
def test_common_messages_read_in_chinese(english, chinese):
    assert translate(english, "zh") == chinese
    assert translate(english, "en") == english


def test_issue_keeps_its_location():
    issue = ValidationIssue("investment must not be negative (found -5)",
                            Location("a.xlsx", "项目", 7, 4))
    assert issue_text(issue, "zh") == "a.xlsx: 项目!D7: 投资额 不能为负数 (实际为 -5)"


def test_validation_messages_of_real_documents_lose_their_english_phrases():
    from dataclasses import replace
    from planner.checks.validate import validate_document
    from sample_data.leshan import leshan_document
    doc = leshan_document()
    bad = doc.replace(projects=(replace(doc.projects[0], investment=-1.0, probability=2.0,
                                        chain="无此链", delay=40),) + doc.projects[1:])
    texts = [translate(i.message, "zh") for i in validate_document(bad) if i.is_error]
    assert len(texts) == 4
    for english in ("must", "unknown", "found", "expected"):
        assert not any(english in t for t in texts), texts
