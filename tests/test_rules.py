"""Each line rule on real seed excerpts (tests/data/repair_cases.json), its
recorded edits, and text that must come out unchanged (tests/data/negative.txt)."""

from __future__ import annotations

import json

import pytest

from gazette.normalize import normalize, source_from_bytes
from gazette.normalize.edits import recording
from gazette.normalize.pipeline import line_rules
from gazette.normalize.profile import default_profile
from gazette.normalize.script import detect_script

from .conftest import DATA, sample_path

CASES = json.loads((DATA / "repair_cases.json").read_text("utf-8"))
NEGATIVE = [line for line in (DATA / "negative.txt").read_text("utf-8").splitlines() if line]


def _rule(name: str, text: str):
    rules = {rule.name: rule for rule in line_rules(default_profile(), detect_script([text]))}
    return rules[name]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['rule']}:{c['input'][:12]}")
def test_rule_on_seed_excerpt(case):
    if "seed" in case:
        assert case["input"] in sample_path(case["seed"]).read_text("utf-8"), "excerpt not in seed"
    assert _rule(case["rule"], case["input"]).apply(case["input"]) == case["expected"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['rule']}:{c['input'][:12]}")
def test_recorded_edits_replay_to_the_output(case):
    rule = _rule(case["rule"], case["input"])
    with recording() as edits:
        out = rule.apply(case["input"])
    text = case["input"]
    for col, before, after in edits:
        assert text[col : col + len(before)] == before
        text = text[:col] + after + text[col + len(before) :]
    assert text == out
    assert bool(edits) == (out != case["input"])


@pytest.mark.parametrize("line", NEGATIVE, ids=lambda line: line[:12])
def test_clean_text_is_left_alone_by_every_rule(line):
    for rule in line_rules(default_profile(), "simplified"):
        assert rule.apply(line) == line, rule.name


def test_clean_paragraphs_come_out_unchanged():
    doc = normalize(source_from_bytes("\n".join(NEGATIVE).encode(), "negative.txt"))
    assert doc.paragraphs() == NEGATIVE
    assert doc.repairs == []


def test_simplified_document_is_not_touched_by_opencc():
    text = "依法保护著作权，扭转乾坤。\n主要涉及乾潭镇大畈村，全面覆盖群众和企业办事需求。"
    doc = normalize(source_from_bytes(text.encode(), "x.txt"))
    assert doc.script == "simplified"
    assert "".join(doc.paragraphs()) == text.replace("\n", "")


def test_traditional_document_is_converted_and_logged():
    text = "浙江省人民政府關於深化數位政府建設的實施意見\n為貫徹落實黨中央、國務院關於加強數位政府建設的重大決策部署。"
    doc = normalize(source_from_bytes(text.encode(), "x.txt"))
    assert doc.script == "traditional"
    assert doc.paragraphs()[0] == "浙江省人民政府关于深化数位政府建设的实施意见"
    assert "为贯彻落实党中央、国务院关于加强数位政府建设的重大决策部署。" in doc.paragraphs()
    assert any(r.rule == "to_simplified" for r in doc.repairs)
