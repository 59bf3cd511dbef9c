"""Character repairs, one line at a time.

Each repair is a small ``str -> str`` function named after what it does;
the name is the rule name in the repair log and in ``gazette explain``.
They change text only through ``substitute`` so that every change is
recorded (see ``edits``). Blanket NFKC is wrong for Chinese official
documents (it turns ``，`` into ``,``), so each rule folds only what belongs
to digits and Latin script and leaves Chinese punctuation full width.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .edits import substitute
from .patterns import BODY_ENDING, CJK, CN_NUMERAL, HAN, visual_width
from .patterns import GAP as SPACE

CONTROL = regex.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\ufeff\ufffe\uffff]"
)


def strip_control_chars(text: str) -> str:
    """Remove control characters XML cannot hold, and invisible marks.

    NUL and other C0/C1 controls make an XML file invalid; zero-width spaces
    and stray BOMs break search. ``<`` and ``&`` are text, not controls, and
    stay (the XML writer escapes them).

    >>> strip_control_chars("各市\\x00、县\\x07<市>&区")
    '各市、县<市>&区'
    """
    return substitute(CONTROL, lambda m: "", text)


_LING_CIRCLE = regex.compile(rf"(?<=[{CN_NUMERAL}])[○◯]|[○◯](?=[{CN_NUMERAL}])")
_LING_ZERO = regex.compile(rf"(?<=[{CN_NUMERAL}])[OＯ0０](?=[{CN_NUMERAL}])")


def fix_ling(text: str) -> str:
    """Write the zero of Chinese numerals as 〇, not as a circle or letter O.

    Typesetters type the geometric circle ○ (U+25CB) or a letter O for the
    numeral 〇 (U+3007); search for 二〇三五年 then misses the document.

    >>> fix_ling("二○三五年远景目标")
    '二〇三五年远景目标'
    >>> fix_ling("○ 表示未完成")
    '○ 表示未完成'
    """
    text = substitute(_LING_CIRCLE, lambda m: "〇", text)
    return substitute(_LING_ZERO, lambda m: "〇", text)


#: A date in Chinese numerals whose first 一 was read as a dash (a text layer
#: made by OCR): ``—九九八年八月二十日``.
_DASH_FOR_ONE = regex.compile(r"""
    ^[—―－\-─]
    (?=[〇零○一二三四五六七八九]{3}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$)
""", regex.VERBOSE)


def dash_for_one_in_date(text: str) -> str:
    """The 一 of a year in Chinese numerals that a dash stands for, in a date
    alone on its line (a guess: OCR reads the stroke 一 as the dash —).

    >>> dash_for_one_in_date("—九九八年八月二十日")
    '一九九八年八月二十日'
    >>> dash_for_one_in_date("—九九八年的工作")
    '—九九八年的工作'
    """
    return substitute(_DASH_FOR_ONE, lambda m: "一", text)


_FULLWIDTH_ALNUM = regex.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
_ALNUM = r"[0-9A-Za-z]"
_SYMBOLS = {
    "％": "%", "＋": "+", "－": "-", "／": "/", "．": ".", "：": ":",
    "＝": "=", "＆": "&", "＠": "@", "＃": "#", "＿": "_",
}
#: ％ and ＋ fold anywhere, with the spaces a text layer puts before ％ and
#: around ＋ (a space after ％ may separate two table cells); the others only
#: between digits/Latin letters.
_ALWAYS = regex.compile(rf"{SPACE}*(％)|{SPACE}*(＋){SPACE}*")
_CODE_SYMBOLS = "－／．：＝＆＠＃＿"
#: A code, number or URL: Latin/digit runs joined by full-width symbols and
#: the one space a text layer puts beside each; a wider gap parts a table's
#: cells (``１．  ３`` is a row's number and a clause's, not ``1.3``).
_CODE_RUN = regex.compile(
    rf"{_ALNUM}+(?:{SPACE}?[{_CODE_SYMBOLS}](?:{SPACE}?[{_CODE_SYMBOLS}])*{SPACE}?{_ALNUM}+)+"
)
_CODE_SYMBOL = regex.compile(rf"{SPACE}?([{_CODE_SYMBOLS}]){SPACE}?")
_AFTER_DIGIT_DOT = regex.compile(r"(?<=[0-9])(．)")


def fold_width(text: str) -> str:
    """Fold full-width digits, Latin letters and their symbols to ASCII.

    Chinese punctuation (，。：；（）) stays full width; ``％ ＋ － ／ ． ：``
    fold only where they belong to numbers, codes and URLs, together with
    the spaces the text layer put around them.

    >>> fold_width("２０２２ 年，ＰＥＴ － ＣＴ 和 ＡＣＥ２")
    '2022 年，PET-CT 和 ACE2'
    >>> fold_width("国内统一刊号：ＣＮ３３ － １３５４ ／ Ｄ")
    '国内统一刊号：CN33-1354/D'
    >>> fold_width("ｈｔｔｐ：／ ／ ｚｆｇｂ． ｚｊ． ｇｏｖ． ｃｎ")
    'http://zfgb.zj.gov.cn'
    >>> fold_width("增长 ０． ０３％，“Ｎ ＋ Ｘ”")
    '增长 0.03%，“N+X”'
    >>> fold_width("１．  ３  ＧＪＢ 1405A-2006")
    '1.  3  GJB 1405A-2006'
    """
    text = substitute(_FULLWIDTH_ALNUM, _fold_alnum, text)
    text = substitute(_ALWAYS, lambda m: _SYMBOLS[m[1] or m[2]], text)
    text = substitute(_CODE_RUN, _fold_code, text)
    return substitute(_AFTER_DIGIT_DOT, lambda m: ".", text)


def _fold_code(match: regex.Match) -> str:
    return _CODE_SYMBOL.sub(lambda m: _SYMBOLS[m[1]], match[0])


def _fold_alnum(match: regex.Match) -> str:
    return "".join(chr(ord(ch) - 0xFEE0) for ch in match[0])


#: Half-width punctuation after Chinese text, or before it where no Latin
#: word or number ends (``&amp;中`` keeps its ``;``: an entity, not a clause).
_HALF_COMMA_ETC = regex.compile(rf"(?<={CJK}){SPACE}*([,:;?!]){SPACE}*|(?<![0-9A-Za-z])([,;?!])(?={HAN})")
_HALF_PAREN_PAIR = regex.compile(r"\(([^()]*)\)")
#: A bracket whose pair is on the line before or after (a remark wrapped over lines),
#: next to Chinese or to a title's or a quotation's mark (``以下简称《决定》)``).
_HALF_PAREN_WRAPPED = regex.compile(rf"\((?=(?:{HAN}|[《“])[^()]*$)|(?<=^[^()]*(?:{HAN}|[》”]))\)")
_CJK_CHAR = regex.compile(CJK)
_HAN_CHAR = regex.compile(HAN)
_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}


def fullwidth_punctuation(text: str) -> str:
    """Make half-width punctuation inside Chinese text full width.

    Web editions (seed 002) type ``(``, ``,`` and ``:`` between Chinese
    characters; GB/T 15834 wants ``（``, ``，``, ``：``. Numbers (``1,000``)
    and URLs (``http:``) keep theirs.

    >>> fullwidth_punctuation("各市、县(市、区)人民政府,省政府直属各单位:")
    '各市、县（市、区）人民政府，省政府直属各单位：'
    >>> fullwidth_punctuation("城市信息模型(CIM)平台，共1,000个")
    '城市信息模型（CIM）平台，共1,000个'
    >>> fullwidth_punctuation("标准&amp;规范")
    '标准&amp;规范'
    >>> fullwidth_punctuation("益。(责任单位：财政厅，人力资源"), fullwidth_punctuation("四川省分行)（三）优化")
    ('益。（责任单位：财政厅，人力资源', '四川省分行）（三）优化')
    >>> fullwidth_punctuation("号,以下简称《决定》)公开发布")
    '号，以下简称《决定》）公开发布'
    """
    text = substitute(_HALF_PAREN_PAIR, _full_parens, text)
    text = substitute(_HALF_PAREN_WRAPPED, lambda m: "（" if m[0] == "(" else "）", text)
    return substitute(_HALF_COMMA_ETC, lambda m: _TO_FULL[m[1] or m[2]], text)


def _full_parens(match: regex.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if any(_CJK_CHAR.match(ch) for ch in (before, after) if ch) or _HAN_CHAR.search(match[1]):
        return f"（{match[1]}）"
    return match[0]


_SPACE_RUN = regex.compile(rf"{SPACE}+")
_LATIN = regex.compile(r"[0-9A-Za-z%+\-/.:=&@#_]")


def remove_spurious_spaces(text: str) -> str:
    """Remove the spaces a text layer puts between glyphs.

    * between Chinese and digits/Latin: ``到 2025 年`` → ``到2025年``;
    * letter-spacing of short titles and signatures: ``行 动 方 案``;
    * a stray space inside Chinese text: ``浙江省 数字政府`` (seed 002).

    A wide gap between two Chinese names (``浙江省医疗保障局　 浙江省财政厅``,
    joint issuers) separates two fields: it becomes one ideographic space.
    Spaces between two numbers or Latin words (``7090 3357``) stay, not
    those around an e-mail address's ``@`` (``schnb @ nea.gov.cn``), nor,
    in Chinese text, those around a ``+`` (``“1 + 3”培养实验``).

    >>> remove_spurious_spaces("到 2025 年，行 动 方 案")
    '到2025年，行动方案'
    >>> remove_spurious_spaces("浙江省医疗保障局　 浙江省财政厅")
    '浙江省医疗保障局\\u3000浙江省财政厅'
    >>> remove_spurious_spaces("科技创新 24 7090 3357")
    '科技创新24 7090 3357'
    >>> remove_spurious_spaces("January 29, 1999Issue No. 1  (28)")
    'January 29, 1999Issue No. 1 (28)'
    >>> remove_spurious_spaces("重庆市人民政府令第 7 0 6 号"), remove_spurious_spaces("共 3 项 24 7090 亿元")
    ('重庆市人民政府令第706号', '共3项24 7090亿元')
    >>> remove_spurious_spaces("国发〔2 0 1 8〕4 4号"), remove_spurious_spaces("邮箱： schnb @ nea.gov.cn")
    ('国发〔2018〕44号', '邮箱：schnb@nea.gov.cn')
    >>> remove_spurious_spaces("“1 + 3”培养实验")
    '“1+3”培养实验'
    """
    return substitute(_SPACE_RUN, _space_replacement, text)


def _space_replacement(match: regex.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    if start == 0 or end == len(text):
        return match[0]
    left, right = text[start - 1], text[end]
    if _LATIN.match(left) and _LATIN.match(right):
        joined = "@" in (left, right) or ("+" in (left, right) and not _in_latin_script(text))
        return "" if joined or _letter_spaced_digit(text, start, end) else " "
    if not _CJK_CHAR.match(left) and not _CJK_CHAR.match(right) and _in_latin_script(text):
        return " "
    if _is_han(left) and _is_han(right) and _is_field_gap(match):
        return "\u3000"
    return ""


_LATIN_LETTER = regex.compile(r"[A-Za-z]")


@lru_cache(maxsize=8)
def _in_latin_script(text: str) -> bool:
    """A line in a Latin script (a translated TOC), whose spaces between words
    and punctuation are words' spaces: ``January 29, 1999``, ``Servants' Appeal``."""
    return len(_LATIN_LETTER.findall(text)) >= 2 * len(_HAN_CHAR.findall(text)) + 3


#: Single digits letter-spaced between Chinese words or a number's brackets:
#: ``第 7 0 6 号``, ``国发〔2 0 1 8〕4 4号``.
_SPACED_BOUND = r"[\p{Han}〔〕［］]"
_SPACED_DIGITS = regex.compile(rf"{_SPACED_BOUND}{SPACE}*\d(?:{SPACE}+\d)+{SPACE}*{_SPACED_BOUND}")


def _letter_spaced_digit(text: str, start: int, end: int) -> bool:
    """Whether the gap at ``start:end`` parts two single digits of a number
    letter-spaced between Chinese words (``第 7 0 6 号`` → ``第706号``), not two
    numbers (``科技创新 24 7090``); only the run around the gap is looked at."""
    low, high = max(start - 40, 0), min(end + 40, len(text))
    return any(found.start() < start and end < found.end()
               for found in _SPACED_DIGITS.finditer(text, low, high, overlapped=True))


def _is_han(ch: str) -> bool:
    return bool(_HAN_CHAR.match(ch))


def _is_field_gap(match: regex.Match) -> bool:
    """A gap between two fields: wide, between two Chinese words of two or
    more characters (or two cells wide, beside one: ``马　敏　　教授``), or
    a single space after the name of a body before another (joint issuers:
    ``财政部 税务总局``, ``证监会 国资委 全国工商联关于…``).

    Only a few characters on each side are looked at (a word of two or
    more ends and starts there), so a line of many gaps takes linear time.
    """
    gap, text, start, end = match[0], match.string, match.start(), match.end()
    before, after = _two_han(text[max(start - 2, 0) : start]), _two_han(text[end : end + 2])
    if visual_width(gap) >= 2 and (before or after):
        return True  # two cells or more: a name letter-spaced to three cells (马　敏　　教授) still ends a field
    if not (before and after):
        return False
    return "\u3000" in gap or len(gap) >= 2 or bool(BODY_ENDING.search(text[max(start - 2, 0) : start]))


def _two_han(pair: str) -> bool:
    return len(pair) == 2 and all(map(_is_han, pair))
