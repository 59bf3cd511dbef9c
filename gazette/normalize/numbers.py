"""Guessing the dots a text layer lost: decimal points and list markers.

Some typesetting fonts put the decimal point and the dot of ``1.`` list
markers in a glyph the text layer drops, leaving a space: ``高程 １０３０ ００
米`` was 1030.00 m. These rules restore the dot where the shape makes it
very likely, and are recorded with ``certain: false``: they are guesses,
and an archivist can find and check every one of them.

The units and measure words they rely on come from the profile
(``profiles/default.toml``), so a publication can extend them.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

import regex

from . import rules
from .edits import substitute
from .layout import MIN_LONG
from .model import Line, Repair
from .patterns import DIGIT, ENDS_MID_SENTENCE, GAP, marker_kind
from .profile import Profile, default_profile
from .tables.cells import wide_parts

#: Characters of the next line looked at for a unit that wrapped.
PEEK = 6


@lru_cache(maxsize=8)
def _decimal_pattern(units: tuple[str, ...]) -> regex.Pattern:
    unit = "|".join(regex.escape(u) for u in sorted(units, key=len, reverse=True))
    return regex.compile(
        rf"(?<!{DIGIT}{GAP}*)(?<![.．]{GAP}*)({DIGIT}+){GAP}+({DIGIT}{{1,2}})(?={GAP}*(?:{unit}))"
    )


def restore_decimal_point(text: str, profile: Profile | None = None) -> str:
    """Restore a decimal point lost between two digit groups before a unit.

    >>> restore_decimal_point("上水库为高程 １０３０ ００ 米以下")
    '上水库为高程 １０３０.００ 米以下'
    >>> restore_decimal_point("《信用信息规范》（２ ０ 版）")
    '《信用信息规范》（２.０ 版）'
    >>> restore_decimal_point("到 ２０２５ 年，共 ２０ 个")
    '到 ２０２５ 年，共 ２０ 个'
    """
    pattern = _decimal_pattern(tuple((profile or default_profile()).decimal_units))
    return substitute(pattern, lambda m: f"{m[1]}.{m[2]}", text)


@lru_cache(maxsize=8)
def _list_marker_pattern(measure_words: tuple[str, ...]) -> regex.Pattern:
    words = "".join(regex.escape(w) for w in measure_words)
    label = r"\p{Han}{2,8}[、：]"  # a short label: ３ 人口、房屋：
    return regex.compile(rf"^((?![0０]){DIGIT}{{1,2}}){GAP}+(?=\p{{Han}})(?:(?![{words}])|(?={label}))")


def restore_list_marker_dot(text: str, profile: Profile | None = None) -> str:
    """Restore the dot of a ``1.`` list marker lost at the start of a line.

    Seed 000 prints ``１ 林地、草地和未利用地：`` where seed 001 keeps
    ``１．深化…``. A number followed by a measure word (``２０ 个``,
    ``２０２１ 年``) is a quantity, not a marker, and stays, unless a short
    label follows (``３ 人口、房屋：``).

    >>> restore_list_marker_dot("１ 林地、草地和未利用地：")
    '１.林地、草地和未利用地：'
    >>> restore_list_marker_dot("３ 人口、房屋：上水库为高程")
    '３.人口、房屋：上水库为高程'
    >>> restore_list_marker_dot("２０ 万个，行政村以上")
    '２０ 万个，行政村以上'

    A number opening with a zero is no item's: the rest of a figure cut
    by the wrap (``安排 ５０`` / ``００ 万元用于…``).

    >>> restore_list_marker_dot("００ 万元用于开展家电")
    '００ 万元用于开展家电'
    """
    words = tuple((profile or default_profile()).measure_words)
    return substitute(_list_marker_pattern(words), lambda m: f"{m[1]}.", text)


def stops_mid_sentence(text: str) -> bool:
    """Whether a line stops in the middle of a sentence, so that the next
    line goes on with it: it ends in a Chinese character, a comma, an
    enumeration comma or an opening mark, opens with no item's or
    heading's marker and parts no cells by a tab or a wide gap (a row:
    ``其中：基础研究和应用研究项目数	项``). A number opening the next line was
    cut there by the wrap (``东县等`` / ``７ 县市区脱``, a title cut at its
    width): a quantity, no list marker whose dot was lost. So is one a long
    line ends with, set apart by a space as a layer with full-width digits
    sets figures (``…进行了专题研究讨论，修订并形成了 ２０`` / ``２０ 版《…》``):
    the wrap may have cut it; not one a short line ends with (a fee's row,
    ``次 ５３００``, over the next item, ``１ 恶性肿瘤…``).

    >>> stops_mid_sentence("湖南省人民政府关于同意祁东县等"), stops_mid_sentence("主要任务如下：")
    (True, False)
    >>> stops_mid_sentence("（一）总体要求"), stops_mid_sentence("政府落实，不再列出）")
    (False, False)
    >>> stops_mid_sentence("进行了专题研究讨论，修订并形成了 ２０"), stops_mid_sentence("次 ５３００")
    (True, False)
    >>> stops_mid_sentence("其中：基础研究和应用研究项目数\t项")
    False
    """
    stripped = text.strip()
    cut_figure = len(stripped) >= MIN_LONG and bool(_ENDS_SPACED_FIGURE.search(stripped))
    return bool(ENDS_MID_SENTENCE.search(stripped) or cut_figure) \
        and marker_kind(stripped) is None and len(wide_parts(stripped)) == 1


#: A figure set apart by a space at a line's end, after Chinese: ``修订并形成了 ２０``.
_ENDS_SPACED_FIGURE = regex.compile(rf"\p{{Han}}{GAP}+{DIGIT}+$")


#: A clause number of two levels or more at a line's start: ``4.1 理解组织及其环境``.
_CLAUSE_NUMBER = regex.compile(rf"^{DIGIT}{{1,2}}(?:[.．]{DIGIT}{{1,2}})+{GAP}+\p{{Han}}")
#: Lines of such clause numbers that make a document clause-numbered.
MIN_CLAUSE_LINES = 3


def clause_numbered(texts: list[str]) -> bool:
    """Whether a document numbers its clauses as a standard does (GB/T 1.1:
    ``4 组织环境``, ``4.1 理解组织及其环境``, ``4.1.1 总则``): there a number and a
    space before a heading is a clause number, not a list marker whose dot
    was lost, and no dot is restored.

    >>> clause_numbered(["1 范围", "4 组织环境", "4.1 理解组织及其环境", "4.2 理解相关方的需求", "5.1.1 总则"])
    True
    >>> clause_numbered(["１ 林地、草地和未利用地：", "２．耕地"])
    False
    """
    return sum(1 for text in texts if _CLAUSE_NUMBER.match(text)) >= MIN_CLAUSE_LINES


_DOTTED_MARKER = regex.compile(rf"^({DIGIT}{{1,2}})[.．、]")
_BARE_MARKER = regex.compile(rf"^({DIGIT}{{1,2}})({GAP}+)(?=\p{{Han}})")
#: How far (in lines) the neighbouring items of a list are looked for.
LIST_REACH = 40


def restore_list_marker_dots_in_sequence(lines: list[Line]) -> list[Repair]:
    """Restore a list marker's lost dot where the numbering says it is one.

    ``７ 支持…`` between ``６.…`` and ``８.…`` is item 7, although 支 could
    begin a quantity (``７ 支队伍``): the item before it is numbered 6, or
    the one after it 8. Runs before the per-line rules, while the gap that
    betrays the lost dot is still there; recorded as a guess, with the
    evidence in the note.

    >>> ls = [Line(1, "６．加强队伍建设。"), Line(2, "７ 支持企业开展技术改造。"), Line(3, "８．优化营商环境。")]
    >>> [(r.before, r.after, r.note) for r in restore_list_marker_dots_in_sequence(ls)], ls[1].text
    ([('７ ', '７.', 'between 6. and 8.')], '７.支持企业开展技术改造。')
    """
    numbered = [(index, int(m[1].translate(_FOLD_DIGITS))) for index, line in enumerate(lines)
                if line.table is None and (m := _DOTTED_MARKER.match(line.text))]
    repairs = []
    for index, line in enumerate(lines):
        bare = _BARE_MARKER.match(line.text) if line.table is None else None
        if bare is None:
            continue
        number = int(bare[1].translate(_FOLD_DIGITS))
        before = [n for i, n in numbered if index - LIST_REACH <= i < index]
        after = [n for i, n in numbered if index < i <= index + LIST_REACH]
        neighbours = [label for label, found in ((f"{number - 1}.", before[-1:] == [number - 1]),
                                                 (f"{number + 1}.", after[:1] == [number + 1])) if found]
        if not neighbours:
            continue
        line.text = f"{bare[1]}.{line.text[bare.end():]}"
        repairs.append(Repair(rules.RESTORE_LIST_MARKER_DOT.name, line.page, line.no, 0, bare[0], f"{bare[1]}.",
                              rules.RESTORE_LIST_MARKER_DOT.certain, note=f"between {' and '.join(neighbours)}"))
    return repairs


_FOLD_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def restore_decimal_points_across_lines(lines: list[Line], profile: Profile) -> list[Repair]:
    """Restore lost decimal points whose unit wrapped onto the next line.

    ``面积 ７ １３ 平`` / ``方公里`` (seed 003): line by line the unit 平方 is
    not seen. Each line is matched with the start of the next one as
    look-ahead; the repair stays inside the line and is recorded against it.
    """
    pattern = _decimal_pattern(tuple(profile.decimal_units))
    repairs: list[Repair] = []
    for line, following in itertools.pairwise(lines):
        if line.table is not None:
            continue
        for match in reversed(list(pattern.finditer(line.text + following.text[:PEEK]))):
            if match.end() > len(line.text):
                continue
            after = f"{match[1]}.{match[2]}"
            line.text = line.text[: match.start()] + after + line.text[match.end() :]
            repairs.append(
                Repair(rules.RESTORE_DECIMAL_POINT.name, line.page, line.no, match.start(), match[0], after,
                       rules.RESTORE_DECIMAL_POINT.certain)
            )
    return repairs
