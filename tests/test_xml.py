"""The XML of every sample: valid, clean, with page milestones where pages begin."""

from __future__ import annotations

import pytest
import regex
from lxml import etree

from gazette.normalize import load_profile, normalize
from gazette.normalize.structure import build_issue
from gazette.schemas import NAMESPACE, InvalidXML, to_xml_bytes, validate

from .conftest import SEEDS, document, source

NS = {"g": NAMESPACE}


def _tree(seed: str, keep_furniture: bool = False) -> etree._Element:
    doc = document(seed)
    return etree.fromstring(to_xml_bytes(doc, build_issue(doc), "test", keep_furniture))


def _text(root: etree._Element) -> str:
    return "".join(root.itertext())


@pytest.mark.parametrize("seed", SEEDS)
def test_xml_of_every_sample_validates_and_is_clean(seed):
    root = _tree(seed)
    validate(root)
    text = _text(root.find("g:article", NS))
    assert not regex.search(r"[０-９Ａ-Ｚａ-ｚ]", text), "full-width digit or letter left"
    assert not regex.search(r"[—－-]\s*\d{1,4}\s*[—－-]", text.replace("——", "")), "page number left"
    assert "CCCC" not in text and "书书书" not in text


@pytest.mark.parametrize("seed, root_name", [("000", "gazette"), ("001", "gazette"), ("003", "gazette"),
                                             ("002", "document"), ("004", "document")])
def test_issues_and_standalone_documents_get_their_root(seed, root_name):
    assert etree.QName(_tree(seed)).localname == root_name


def test_source_metadata_and_repair_summary():
    root = _tree("001")
    src = root.find("g:meta/g:source", NS)
    assert src.get("sha256") == source("001").sha256 and src.get("encoding") == "utf-8"
    counts = {r.get("rule"): int(r.get("count")) for r in root.iterfind("g:repairs/g:repair", NS)}
    assert counts["page_number"] == 3 and counts["running_head"] == 2
    assert sum(counts.values()) == len(document("001").repairs)


def test_pb_marks_where_printed_pages_begin_even_mid_paragraph():
    root = _tree("001")
    first = root.find("g:article/g:title", NS)
    assert first[0].tag == f"{{{NAMESPACE}}}pb" and first[0].get("n") == "3"
    inside = root.xpath(".//g:p[contains(., '建设以人民为中心的服务型政府')]/g:pb", namespaces=NS)
    assert [(pb.get("seq"), pb.get("n")) for pb in inside] == [("2", "4")]
    paragraph = inside[0].getparent()
    assert inside[0].tail.startswith("中心的服务型政府") and paragraph.text.endswith("建设以人民为")


def test_ocr_broken_page_number_is_marked_uncertain_in_xml():
    pbs = _tree("003").findall(".//g:pb", NS)
    assert (pbs[-1].get("n"), pbs[-1].get("certain")) == ("95", "false")


def test_kept_furniture_appears_as_fw():
    doc = normalize(source("001"), load_profile(overrides={"keep_furniture": True}))
    root = etree.fromstring(to_xml_bytes(doc, build_issue(doc), "test", keep_furniture=True))
    kept = [(fw.get("type"), fw.text) for fw in root.iterfind(".//g:fw", NS)]
    assert kept[:3] == [("page_number", "—５—"), ("page_number", "—８１—"), ("running_head", "浙江省人民政府公报 ２０１９ 年第 ２ 期")]


def test_markup_like_text_is_escaped_and_invalid_trees_are_refused():
    root = _tree("002")
    root.find("g:article", NS).set("id", "1-not-an-xml-id")
    with pytest.raises(InvalidXML, match="does not validate"):
        validate(root, "002")
