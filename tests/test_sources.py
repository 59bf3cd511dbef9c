"""Decoding real inputs in every encoding they arrive in, and refusing bad ones."""

from __future__ import annotations

import codecs

import pytest

from gazette.normalize import SourceError, read_source
from gazette.normalize.read import MAX_SOURCE_BYTES
from gazette.normalize.read.text import decode_text

from .conftest import sample_path

SEED_TEXT = sample_path("001").read_text("utf-8")


@pytest.mark.parametrize(
    "encode, encoding",
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("gb18030"), "gb18030"),
        (lambda t: t.encode("gbk"), "gb18030"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom", "utf16le", "utf16be"],
)
def test_seed_decodes_identically_in_every_encoding(encode, encoding):
    text, found = decode_text(encode(SEED_TEXT), "001.txt")
    assert text == SEED_TEXT
    assert found == encoding


def test_line_numbers_are_physical_and_blank_lines_skipped():
    src = read_source(sample_path("000"))
    assert [(line.no, line.text) for line in src.lines[:2]] == [(4, "书书书"), (6, "\u3000 浙江省人民政府公报")]


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\n \n", "empty file"),
        (bytes(range(256)) * 4, "binary or undecodable"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary or undecodable"),
        ("浙江省人民政府".encode()[:-1], "truncated UTF-8"),
    ],
    ids=["empty", "blank", "binary", "png", "truncated"],
)
def test_bad_input_is_refused_with_file_and_reason(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(SourceError) as error:
        read_source(path)
    assert str(path) in str(error.value)
    assert reason in error.value.reason


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_SOURCE_BYTES + 1)
    with pytest.raises(SourceError, match="too large"):
        read_source(path)


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(SourceError, match=r"missing\.txt: cannot open"):
        read_source(tmp_path / "missing.txt")
