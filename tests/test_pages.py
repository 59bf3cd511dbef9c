"""Page furniture found from the text itself, kept in the log, pages numbered."""

from __future__ import annotations

from gazette.normalize import load_profile, normalize, source_from_bytes

from .conftest import document


def _dropped(seed: str, rule: str) -> list[str]:
    return [r.before for r in document(seed).repairs if r.rule == rule and r.op == "drop"]


def test_page_numbers_of_seed_001_are_dropped_and_logged():
    assert _dropped("001", "page_number") == ["—５—", "—８１—", "—５３—"]


def test_running_head_is_found_by_repetition_not_by_name():
    assert _dropped("001", "running_head") == ["浙江省人民政府公报 ２０１９ 年第 ２ 期"] * 2
    # the colophon's own title line is content, not a running head
    assert "浙江省人民政府公报" in document("001").paragraphs()


def test_running_head_of_another_publication_is_found():
    body = "这是正文的一行文字，用于测试页眉识别是否依赖于具体的刊物名称而不是文本。"
    pages = []
    for n in range(3, 7):
        pages += [body] * 3 + [f"—{n}—", "广东省人民政府公报 ２０２３ 年第 ５ 期"]
    doc = normalize(source_from_bytes("\n".join(pages).encode(), "gd.txt"))
    heads = [r.before for r in doc.repairs if r.rule == "running_head"]
    assert heads == ["广东省人民政府公报 ２０２３ 年第 ５ 期"] * 4
    assert not any("公报" in p for p in doc.paragraphs())


def test_typesetter_garbage_and_leader_dots_are_removed_and_logged():
    assert _dropped("000", "typesetter_garbage") == ["书书书"]
    dots = [r for r in document("000").repairs if r.rule == "leader_dots"]
    assert len(dots) == 8 and all(set(r.before) == {"C"} for r in dots)
    toc = document("000").paragraphs()[7]
    assert toc == "浙江省人民政府关于深化数字政府建设的实施意见（浙政发〔2022〕20号）（3）"


def test_page_start_markers_are_logged_and_start_pages():
    doc = document("001")
    markers = [r for r in doc.repairs if r.rule == "page_start_marker"]
    assert len(markers) == 32 and all(r.before == " " for r in markers)
    assert len(doc.pages) == 34


def test_printed_page_numbers_are_read_and_filled_where_consistent():
    pages = {p.seq: p.printed for p in document("001").pages}
    # —５— ends the third page: pages 1-3 are 3, 4, 5; —８１— and —５３— anchor later pages
    assert [pages[1], pages[2], pages[3]] == [3, 4, 5]
    assert pages[16] == 81 and pages[33] == 53
    # pages are missing from this text layer between 5 and 81: not guessed
    assert pages[4] is None and pages[15] is None


def test_ocr_broken_page_number_is_read_as_the_expected_one_and_marked():
    last = document("003").pages[-1]
    assert (last.printed, last.printed_certain) == (95, False)
    assert _dropped("003", "page_number")[-1] == "—０５—"


def test_keep_furniture_setting_keeps_it_in_the_blocks():
    profile = load_profile(overrides={"keep_furniture": True})
    from .conftest import source

    kept = [b.text for b in normalize(source("001"), profile).blocks if b.kind == "furniture"]
    assert kept[:2] == ["—５—", "—８１—"]
