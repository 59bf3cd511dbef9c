"""Every rule that can appear in a repair log, declared once.

A rule is what a ``Repair`` record names: the log, ``gazette explain``, the
XML's ``repairs`` summary and the README's rule table all use the name
declared here, and the code refers to the declaration (``rules.PAGE_NUMBER``),
never to a string of its own. ``Repair`` refuses a name that is not declared,
so a rule cannot be recorded without saying what it is.

Each declaration says which pass applies it (a name of
``pipeline.PASSES``), whether its changes are certain or guesses, what it
does, and an example from a real input (the seed or corpus file in
brackets; "constructed" where no real input shows it yet).

>>> PAGE_NUMBER.name, PAGE_NUMBER.stage, PAGE_NUMBER.certain
('page_number', 'furniture', True)
>>> declared("page_number") is PAGE_NUMBER
True
>>> declared("page_nmuber")
Traceback (most recent call last):
gazette.normalize.rules.UndeclaredRuleError: rule 'page_nmuber' is not declared in gazette/normalize/rules.py
"""

from __future__ import annotations

from dataclasses import dataclass


class UndeclaredRuleError(ValueError):
    """A repair names a rule that ``rules.py`` does not declare."""


@dataclass(frozen=True)
class Rule:
    """One declared rule: its name, the pass that applies it, whether its
    changes are certain, a one-line description and a real example."""

    name: str
    stage: str
    certain: bool
    description: str
    example: str


#: name → rule, in the order of declaration (pass by pass).
RULES: dict[str, Rule] = {}


def _declare(name: str, stage: str, description: str, example: str, certain: bool = True) -> Rule:
    rule = Rule(name, stage, certain, description, example)
    RULES[name] = rule
    return rule


def declared(name: str) -> Rule:
    """The declaration of a rule name (``UndeclaredRuleError`` if there is none)."""
    try:
        return RULES[name]
    except KeyError:
        raise UndeclaredRuleError(f"rule {name!r} is not declared in gazette/normalize/rules.py") from None


# -- furniture: lines that are page furniture, dropped (op: drop) -----------
TYPESETTER_GARBAGE = _declare(
    "typesetter_garbage", "furniture", "a line of one character repeated, left by the typesetter",
    "`书书书` → dropped (000)")
PAGE_NUMBER = _declare(
    "page_number", "furniture", "a printed page number (by its shape; in a PDF also by its place on the page)",
    "`—５—` → dropped, page 5 known (001)")
RUNNING_HEAD = _declare(
    "running_head", "furniture", "a running head: a line repeated at page boundaries (or in a PDF's head band)",
    "`浙江省人民政府公报 ２０１９ 年第 ２ 期` → dropped (001)")
HEAD_WITH_PAGE_NUMBER = _declare(
    "running_head_with_page_number", "furniture",
    "a running head and the page number printed on one line (the head names a publication or repeats there)",
    "`国务院公报　２０１９年第５号　—３—` → dropped, page 3 known (constructed)")
PAGE_TEMPLATE = _declare(
    "page_template", "furniture",
    "text a page template prints on every page: an OFD's TemplatePage, a Word document's header or footer",
    "footer `—# —` of the 1999 issue given as Word → dropped (gazette_guowuyuan_1999-01.docx)")

# -- layout: marks of the page layout taken off content lines --------------
PAGE_START_MARKER = _declare(
    "page_start_marker", "layout", "the single space a text layer puts where a new page begins",
    "` （不含名）、年龄…` → `（不含名）、年龄…` (003)")
STRIP_INDENT = _declare(
    "strip_indent", "layout", "a paragraph's indent (the line is marked indented)",
    "`　 （浙政发〔２０２２〕２０ 号）` → `（浙政发〔２０２２〕２０ 号）` (000)")
LEADER_DOTS = _declare(
    "leader_dots", "layout", "TOC leader dots before a page number (the line ends a TOC entry)",
    "`（３）CCCCCCCCCCCC` → `（３）` (000)")
OCR_LEADER_DOTS = _declare(
    "ocr_leader_dots", "layout",
    "OCR: what is left of leader dots (a few dots, ellipses, hyphens) before a page number or ending the line; "
    "the line ends a TOC entry",
    "`8.2.1 顾客沟通··· -9` → `8.2.1 顾客沟通9` (GJB scan)", certain=False)

# -- tables: a table line went into a table (op: table) --------------------
STACKED_TABLE = _declare(
    "stacked_table", "build_tables", "a line of a table printed one character a line; `after` says where it went",
    "`序` → `header, column 1` (003)")
ROWS_TABLE = _declare(
    "rows_table", "build_tables", "a line of a table printed one row a line; `after` says where it went",
    "`科技创新 ２４ ７０９０ ３３５７ ６ ２` → `row 1: 科技创新 | 24 | 7090 | 3357 | 6.2` (003)")
PAIRS_TABLE = _declare(
    "pairs_table", "build_tables",
    "a line of a form as a row: a label and its value (two cells), or a blank form's labels, "
    "each followed by the empty cell of its value",
    "`被处罚当事人  复星联合健康保险股份有限公司` → `row 2: 被处罚当事人 | 复星联合健康保险股份有限公司` (unseen D_07)")
RULED_TABLE = _declare(
    "ruled_table", "build_tables", "a row of a PDF table drawn with rules, read cell by cell",
    "`主要指标表` → `title` (demo_tables.pdf)")
ALIGNED_TABLE = _declare(
    "aligned_table", "build_tables", "a row of a PDF table printed in columns without rules",
    "`序号⇥重点任务⇥具体措施⇥责任单位` → `header` (demo_tables.pdf)")
RAW_TABLE = _declare(
    "raw_table", "build_tables", "a line of a region that does not read as a table, kept as a raw row (reported)",
    "`坐标编号⇥X坐标⇥Y坐标⇥说　明` → `raw row` (corpus 49)")

# -- characters: OCR cleanup, only on lines read by OCR, before the rest -----
OCR_DOC_NUMBER_BRACKETS = _declare(
    "ocr_doc_number_brackets", "characters",
    "OCR: the brackets of a document number's year (【】, [], （）, mixed) as 〔〕",
    "`中基协处分（2025）334号` → `中基协处分〔2025〕334号` (AMAC scan)", certain=False)
OCR_MIXED_BRACKETS = _declare(
    "ocr_mixed_brackets", "characters", "OCR: a pair of brackets read half full width, half half width",
    "`（PDCA)循环` → `（PDCA）循环` (GJB scan)", certain=False)
OCR_DASHES = _declare(
    "ocr_dashes", "characters",
    "OCR: dashes read as 一 around a page number, in ranges and codes, and the —— starting a list item",
    "`一2一` → `—2—` (Hangzhou 公文 scanned here)", certain=False)
OCR_LIST_BRACKET = _declare(
    "ocr_list_bracket", "characters",
    "OCR: the half-width bracket of a list item (`a)`; `1)` in a clause-numbered standard) read full width",
    "`a）需要证实…` → `a)需要证实…`, `1）过程；` → `1)过程；` (GJB scan)", certain=False)
OCR_ITEM_SEMICOLON = _declare(
    "ocr_item_semicolon", "characters",
    "OCR: a list item ended with `：` where the next line opens the next item of the same list: `；`",
    "`b）促成增强顾客满意的机会：` before `c)应对…` → `…机会；` (GJB scan)", certain=False)
OCR_ITEM_MARKER = _declare(
    "ocr_item_marker", "characters",
    "OCR: a lettered list item's marker read without its bracket, without its letter, or with 1 for l, "
    "made whole where the items before or after it say which letter it is",
    "`g 确保质量管理体系实现其预期结果` after `f)` → `g)确保…`; `）包括满足…` after `b)` → `c)包括…` (GJB scan)",
    certain=False)
OCR_TIMES_SIGN = _declare(
    "ocr_times_sign", "characters", "OCR: a multiplication sign read as X, x or 义 between two numbers",
    "`60X10` → `60×10` (constructed)", certain=False)
OCR_ZERO = _declare(
    "ocr_zero", "characters", "OCR: a zero read as the letter O/o in a number, or as O, o, 口 between Chinese numerals",
    "`2O25年` → `2025年` (constructed)", certain=False)
OCR_PERCENT = _declare(
    "ocr_percent", "characters", "OCR: a percent sign broken into digits",
    "`1309%6` → `130%` (constructed, as reported in issue 14)", certain=False)
OCR_FULL_STOP = _declare(
    "ocr_full_stop", "characters", "OCR: a full stop read half width (`.`) after Chinese text: `。`",
    "`确认其符合接收准则后，方可提交顾客验收.` → `…验收。` (GJB scan)", certain=False)
OCR_LEXICON_CONFUSION = _declare(
    "ocr_lexicon_confusion", "characters",
    "OCR: a character read for a similar one (內 for 门, 已 for 己, 末 for 未, 土 for 士), changed only "
    "where the word it makes occurs elsewhere in the document; 贵 or 贡 for 责, 盘 for 量, 续 for 绩 only "
    "where that word occurs 3 times and the word as read nowhere else",
    "`为自已或他人` → `为自己或他人` (AMAC scan, 自己 on page 4); `职贵和权限` → `职责和权限` (GJB scan)",
    certain=False)

# -- characters: per-line repairs, in the order they run -------------------
STRIP_CONTROL_CHARS = _declare(
    "strip_control_chars", "characters", "NUL and other characters XML cannot hold, zero-width marks",
    "`各市\\x00、县` → `各市、县` (constructed)")
DECODE_TYPESETTER_CODES = _declare(
    "decode_typesetter_codes", "characters",
    "punctuation a typesetter's fonts write under other code points: Founder's GB row-3 codes read as Yi "
    "syllables (only in a document that shows them), guillemets as book-title marks, Founder's decimal point",
    "`人民政府ꎬ有关单位ꎮ` → `人民政府，有关单位。`, `«支持创业…»` → `《支持创业…》`, "
    "`５`+U+1001B0+`５％` → `５.５％` (川办规〔2025〕6号)", certain=False)
RESTORE_DECIMAL_POINT = _declare(
    "restore_decimal_point", "characters", "a decimal point lost between two digit groups before a unit",
    "`高程 １０３０ ００ 米` → `高程 １０３０.００ 米` (000), `２ ０ 版` → `２.０ 版` (003)", certain=False)
RESTORE_LIST_MARKER_DOT = _declare(
    "restore_list_marker_dot", "characters",
    "the dot of a `1.` list marker lost at the start of a line (also before a measure word when the items "
    "before or after are numbered on: `note` says which); not on a number opening with a zero, nor on "
    "a line the line above, stopping mid-sentence, goes on into",
    "`１ 林地、草地…` → `１.林地、草地…` (000)", certain=False)
FIX_LING = _declare(
    "fix_ling", "characters", "`○`/`O` written for the zero 〇 of a Chinese numeral",
    "`二○三五年` → `二〇三五年` (003)")
FOLD_WIDTH = _declare(
    "fold_width", "characters", "full-width digits, Latin letters and the symbols of numbers, codes and URLs",
    "`ＣＮ３３ － １３５４ ／ Ｄ` → `CN33-1354/D` (001), `０． ０３％` → `0.03%` (003)")
FULLWIDTH_PUNCTUATION = _declare(
    "fullwidth_punctuation", "characters", "half-width punctuation inside Chinese text made full width",
    "`县(市、区)人民政府,` → `县（市、区）人民政府，` (002)")
REMOVE_SPURIOUS_SPACES = _declare(
    "remove_spurious_spaces", "characters",
    "spaces between glyphs, letter-spacing, stray spaces; a wide gap between two names becomes one `　`",
    "`到 2025 年` → `到2025年`, `行 动 方 案` → `行动方案` (000)")
DASH_FOR_ONE_IN_DATE = _declare(
    "dash_for_one_in_date", "characters",
    "the 一 opening a year in Chinese numerals read as a dash, in a date alone on its line (OCR'd text layers)",
    "`—九九八年八月二十日` → `一九九八年八月二十日` (国务院公报 1999 年第 1 号)", certain=False)
TO_SIMPLIFIED = _declare(
    "to_simplified", "characters", "traditional → simplified (OpenCC t2s), only for traditional text",
    "`發展數位政府` → `发展数位政府` (constructed); a simplified text keeps `乾潭镇` (000)")

# -- build_tables: repairs made while rebuilding a table's grid ------------
RESTORE_DECIMAL_POINT_IN_TABLE = _declare(
    "restore_decimal_point_in_table", "build_tables",
    "a row with one cell too many whose last digit groups are one number; certain when the column sums "
    "to 100 or to its 合计 row (`note` says which)",
    "`６ ２` → `6.2` (003)", certain=False)

# -- reflow: line breaks removed (op: join) --------------------------------
JOIN_STACKED_CHARACTERS = _declare(
    "join_stacked_characters", "reflow", "characters stacked one a line before a stacked table's header",
    "`附` / `件` → `附件` (003)")
JOIN_TITLE_LINES = _declare(
    "join_title_lines", "reflow", "a title wrapped over several short lines",
    "`浙江省人民政府关于` / `深化数字政府建设…` → one title (000)")
JOIN_WRAPPED_HEADING = _declare(
    "join_wrapped_heading", "reflow", "a heading or run-in item wrapped onto the next line",
    "`…造像保护规划（以` / `下简称规划）。` → one item (000)")
JOIN_INDENTED_CONTINUATION = _declare(
    "join_indented_continuation", "reflow", "an indented line continuing a line cut mid-sentence (TOC entries)",
    "`…的实施意见` / `（浙政发〔2022〕20号）` → one TOC entry (000)")
JOIN_ACROSS_PAGE = _declare(
    "join_across_page", "reflow", "a paragraph going on over a page break",
    "`包括患者的姓` / `—９４—` / ` （不含名）…` → one sentence (003)")
JOIN_WRAPPED_LINE = _declare(
    "join_wrapped_line", "reflow", "a hard-wrapped line going on in the next one",
    "`…根据《国务院` / `关于加强数字政府…` → one paragraph (000)")
JOIN_BROKEN_SENTENCE = _declare(
    "join_broken_sentence", "reflow", "a web text's paragraph broken mid-sentence",
    "`…数据智能化决策能` / `力不断提升。` → one sentence (002)")


def markdown_table() -> str:
    """The README's rule table, generated from the declarations.

    >>> markdown_table().splitlines()[2].startswith("| `typesetter_garbage` | furniture |")
    True
    """
    lines = ["| rule | pass | certain | what | example (source) |", "|---|---|---|---|---|"]
    for rule in RULES.values():
        certain = "yes" if rule.certain else "guess"
        cells = (f"`{rule.name}`", rule.stage, certain, rule.description, rule.example)
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
