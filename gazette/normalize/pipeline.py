"""The text pipeline, in one place: every pass from source lines to blocks, in order.

``PASSES`` is the whole pipeline: ``normalize`` runs that list and nothing
else. Each pass says what it reads and what it writes (the ``Line`` fields
it changes in place, the parts of the ``Work`` it fills) and is a thin
wrapper over pure functions in the module it names. The per-line character
rules run inside the ``characters`` pass, in the order of ``line_rules``.
Every rule a pass may record is declared in ``rules.py`` with the pass's
name as its ``stage``.

The order matters: furniture is found on the raw lines (so dropped lines get
no repairs of their own); tables are found before the character rules, whose
space removal would erase the gaps between cells; lost dots are restored
while the spaces that betray them are still there, widths are folded before
spaces are judged, and script conversion comes last; reflow sees clean text.
``replay`` (``replay.py``) applies a repair log to the source lines and must
give the document's paragraphs exactly.

>>> from gazette.normalize.read import source_from_bytes
>>> doc = normalize(source_from_bytes("到 ２０２５ 年，高程 １０３０ ００ 米。".encode(), "x.txt"))
>>> doc.paragraphs()
['到2025年，高程1030.00米。']
>>> sorted({r.rule for r in doc.repairs})
['fold_width', 'remove_spurious_spaces', 'restore_decimal_point']
>>> [p.name for p in PASSES]  # doctest: +NORMALIZE_WHITESPACE
['furniture', 'placement', 'layout', 'find_tables', 'kept_tabs', 'traits', 'characters', 'build_tables',
 'reflow', 'kind']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

import regex

from . import rules
from .chars import (
    CONTROL,
    dash_for_one_in_date,
    fix_ling,
    fold_width,
    fullwidth_punctuation,
    remove_spurious_spaces,
    strip_control_chars,
)
from .edits import recording
from .kind import source_kind
from .model import Block, Document, Line, Page, Repair, Source, ocr_note
from .numbers import (
    clause_numbered,
    restore_decimal_point,
    restore_decimal_points_across_lines,
    restore_list_marker_dot,
    restore_list_marker_dots_in_sequence,
    stops_mid_sentence,
)
from .ocr_repairs import (
    CONFUSABLE,
    NUMBERED_ITEM,
    bigrams,
    lettered_lists,
    ocr_dashes,
    ocr_doc_number_brackets,
    ocr_full_stop,
    ocr_item_markers,
    ocr_item_semicolons,
    ocr_lexicon_confusion,
    ocr_list_bracket,
    ocr_mixed_brackets,
    ocr_percent,
    ocr_times_sign,
    ocr_zero,
)
from .pages import find_furniture, number_pages, strip_kept_tabs, strip_layout
from .patterns import DIGIT, GAP
from .placed_furniture import mark_furniture, printed_page_number
from .placed_layout import mark_layout
from .profile import Profile, default_profile
from .read import PdfSettings
from .reflow import reflow
from .script import detect_script, to_simplified
from .tables import Region, Table, build_tables, find_tables
from .typesetter import TYPESETTER_CODES, decode_typesetter_codes, shows_founder_codes


@dataclass
class Work:
    """What the passes share: the lines (copies of the source's, changed in
    place where a pass says so) and what each pass has produced so far."""

    source: Source
    profile: Profile
    lines: list[Line]
    pages: list[Page] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    script: str = "simplified"
    founder_codes: bool = False
    clause_numbered: bool = False
    tables: dict[int, Table] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    kind: str = "document"

    @property
    def content(self) -> list[Line]:
        """The lines that are not page furniture."""
        return [line for line in self.lines if not line.furniture]


@dataclass(frozen=True)
class Pass:
    """One pass: its name, purpose, what it reads and writes, and how it runs."""

    name: str
    purpose: str
    reads: str
    writes: str
    run: Callable[[Work], None]


def _furniture(work: Work) -> None:
    if work.source.format == "text":
        work.pages = find_furniture(work.lines, work.profile)
    elif work.source.page_heights:  # lines with their place on the page (a PDF, an OFD file, a scan)
        on_page: list[list[Line]] = [[] for _ in work.source.page_heights]
        for line in work.lines:
            on_page[line.page - 1].append(line)
        mark_furniture(list(zip(on_page, work.source.page_heights, strict=True)), _placing(work))
        work.pages = number_pages(work.lines, printed_page_number)
    else:  # a Word document: its headers and footers are marked; page numbers in its text by their shape
        work.pages = find_furniture(work.lines, work.profile, page_marks=False)


def _placing(work: Work) -> PdfSettings:
    """The settings the source was read with (the profile's when it does not say)."""
    return work.source.settings or work.profile.pdf


def _placement(work: Work) -> None:
    if work.source.page_heights:
        mark_layout(work.lines, _placing(work))


def _layout(work: Work) -> None:
    work.repairs += strip_layout(work.lines)


def _find_tables(work: Work) -> None:
    work.regions = find_tables(work.content, work.profile)


def _kept_tabs(work: Work) -> None:
    work.repairs += strip_kept_tabs(work.content)


def _traits(work: Work) -> None:
    texts = [line.text for line in work.content]
    work.script = detect_script(texts)
    work.founder_codes = shows_founder_codes(texts)
    work.clause_numbered = clause_numbered(texts)


def _characters(work: Work) -> None:
    content = work.content
    if not work.clause_numbered:
        work.repairs += restore_list_marker_dots_in_sequence(content)
    ocr = any(line.ocr_confidence is not None for line in content)
    lexicon = bigrams(line.text for line in content) if ocr else Counter()
    standard_lists = ocr and lettered_lists(line.text for line in content)
    rule_list = line_rules(work.profile, work.script, work.founder_codes, work.clause_numbered, lexicon,
                           standard_lists)
    work.repairs += repair_lines(content, rule_list)
    if ocr:
        work.repairs += ocr_item_markers(content)
        work.repairs += ocr_item_semicolons(content)
    work.repairs += restore_decimal_points_across_lines(content, work.profile)


def _build_tables(work: Work) -> None:
    work.tables, repairs = build_tables(work.regions, work.profile)
    work.repairs += repairs


def _reflow(work: Work) -> None:
    work.blocks, joins = reflow(work.lines, work.profile, work.tables)
    work.repairs += joins


def _kind(work: Work) -> None:
    work.kind = source_kind([block.text for block in work.blocks if block.kind != "furniture"])


#: Every pass, in the order ``normalize`` runs them.
PASSES: tuple[Pass, ...] = (
    Pass("furniture", "mark page furniture and page starts, number the pages: by their text in a text layer "
         "or a Word document (pages.py), by their place on the page in a PDF, an OFD file or a scan "
         "(placed_furniture.py)",
         reads="Line.text, Line.geometry; Source.page_heights, Source.settings",
         writes="Line.furniture, Line.page_start, Line.page; Work.pages", run=_furniture),
    Pass("placement", "indents, full, centred and large lines against the body text's edges and size, for "
         "lines with a place on the page (placed_layout.py)",
         reads="Line.geometry, Line.furniture, Line.grid; Source.settings",
         writes="Geometry.indented, Geometry.full, Geometry.centred, Geometry.large", run=_placement),
    Pass("layout", "take page-start markers, indents and leader dots off content lines; a drop repair "
         "for each furniture line (pages.py)",
         reads="Line.text, Line.furniture, Line.page_start",
         writes="Line.text, Line.indented, Line.ends_entry; Work.repairs", run=_layout),
    Pass("find_tables", "find table regions while the gaps between cells are still there (tables/detect.py)",
         reads="content Line.text, Line.indented, Line.grid",
         writes="Line.table, Line.table_note; Work.regions", run=_find_tables),
    Pass("kept_tabs", "take the tabs kept at the start of a line that parts its cells by tabs off the lines "
         "no table holds, as their indent (pages.py)",
         reads="content Line.text, Line.table, Line.grid",
         writes="Line.text, Line.indent, Line.indented; Work.repairs", run=_kept_tabs),
    Pass("traits", "what the whole document says about its lines: traditional or simplified (script.py), "
         "punctuation in a typesetter's codes (typesetter.py), clauses numbered as in a standard (numbers.py)",
         reads="content Line.text", writes="Work.script, Work.founder_codes, Work.clause_numbered", run=_traits),
    Pass("characters", "list markers whose dot the numbering shows lost, the per-line rules of line_rules() "
         "in order, then (OCR) list items ended with a colon before their sibling and lost decimal points "
         "whose unit wrapped onto the next line (chars.py, numbers.py, ocr_repairs.py, script.py, typesetter.py)",
         reads="content Line.text, Line.table, Line.table_note; Work.script, Work.founder_codes, "
               "Work.clause_numbered",
         writes="Line.text; Work.repairs", run=_characters),
    Pass("build_tables", "rebuild each region as a grid, or keep it raw (tables/)",
         reads="Work.regions",
         writes="Line.text, Line.table, Line.joins_next (raw regions, lines before a stacked header); "
                "Work.tables, Work.repairs", run=_build_tables),
    Pass("reflow", "join hard-wrapped lines into blocks: paragraphs, titles, headings, signatures, "
         "dates, tables, furniture (reflow.py)",
         reads="every Line; Work.tables", writes="Work.blocks, Work.repairs", run=_reflow),
    Pass("kind", "an issue of a gazette or a single document (kind.py)",
         reads="Work.blocks", writes="Work.kind", run=_kind),
)


def normalize(source: Source, profile: Profile | None = None) -> Document:
    """Run every pass of ``PASSES`` over a decoded source (the source is not changed)."""
    lines = [replace(line, geometry=replace(line.geometry) if line.geometry else None) for line in source.lines]
    work = Work(source, profile or default_profile(), lines)
    for step in PASSES:
        step.run(work)
    return Document(
        name=source.name,
        sha256=source.sha256,
        encoding=source.encoding,
        source_format=source.format,
        pages=work.pages,
        blocks=work.blocks,
        repairs=work.repairs,
        script=work.script,
        kind=work.kind,
        notices=list(source.notices),
        ocr=list(source.ocr),
        meta=dict(source.meta),
        seals=list(source.seals),
    )


@dataclass(frozen=True)
class LineRule:
    """A per-line repair: its declared rule, the function, and a cheap
    ``trigger``: a line the trigger does not match cannot be changed by the
    rule, so the rule is not run on it (the hot path of the pipeline).
    Rules that read or remove the gaps between characters do not run on
    table lines (``in_tables=False``): there a gap may separate two cells.
    The OCR cleanup rules run only on lines read by OCR (``ocr_only``).
    Rules that read a line's start as an item's do not run on a line the
    line above goes on into (``after_cut=False``: ``numbers.stops_mid_sentence``)."""

    rule: rules.Rule
    apply: Callable[[str], str]
    trigger: regex.Pattern | None = None
    in_tables: bool = True
    ocr_only: bool = False
    after_cut: bool = True

    @property
    def name(self) -> str:
        """The rule's declared name (the name of its function)."""
        return self.rule.name

    @property
    def certain(self) -> bool:
        """Whether the rule's changes are certain (else guesses)."""
        return self.rule.certain


_DIGIT_GAP_DIGIT = regex.compile(rf"{DIGIT}{GAP}+{DIGIT}")


#: Character rules that read the next line too: they run after the per-line rules.
ACROSS_LINES: tuple[rules.Rule, ...] = (rules.OCR_ITEM_MARKER, rules.OCR_ITEM_SEMICOLON)


def line_rules(profile: Profile, script: str, founder_codes: bool = False, clause_numbered: bool = False,
               lexicon: Counter | None = None, standard_lists: bool = False) -> tuple[LineRule, ...]:
    """The per-line rules in the order they run; each rule's name is its
    function's. A clause-numbered document (a standard: ``4 组织环境``) has
    no list-marker dot to restore; ``lexicon`` counts the document's pairs
    of Chinese characters (``bigrams``), for the OCR confusions;
    ``standard_lists``: its lists are lettered as in a standard (``lettered_lists``)."""
    return tuple(rule for rule in _line_rules(profile, script, founder_codes, lexicon or Counter(), standard_lists)
                 if not (clause_numbered and rule.rule is rules.RESTORE_LIST_MARKER_DOT))


def _line_rules(profile: Profile, script: str, founder_codes: bool, lexicon: Counter,
                standard_lists: bool) -> tuple[LineRule, ...]:
    return (
        LineRule(rules.OCR_DOC_NUMBER_BRACKETS, ocr_doc_number_brackets, regex.compile("号"), ocr_only=True),
        LineRule(rules.OCR_MIXED_BRACKETS, ocr_mixed_brackets, regex.compile("[（(]"), ocr_only=True),
        LineRule(rules.OCR_DASHES, ocr_dashes, regex.compile("一"), ocr_only=True),
        LineRule(rules.OCR_LIST_BRACKET, partial(ocr_list_bracket, standard_lists=standard_lists),
                 NUMBERED_ITEM, ocr_only=True),
        LineRule(rules.OCR_TIMES_SIGN, ocr_times_sign, regex.compile("[Xx义]"), ocr_only=True),
        LineRule(rules.OCR_ZERO, ocr_zero, regex.compile("[Oo口]"), ocr_only=True),
        LineRule(rules.OCR_PERCENT, ocr_percent, regex.compile("%"), ocr_only=True),
        LineRule(rules.OCR_FULL_STOP, ocr_full_stop, regex.compile("\\."), ocr_only=True),
        LineRule(rules.OCR_LEXICON_CONFUSION, partial(ocr_lexicon_confusion, lexicon=lexicon),
                 CONFUSABLE, ocr_only=True),
        LineRule(rules.STRIP_CONTROL_CHARS, strip_control_chars, trigger=CONTROL),
        LineRule(rules.DECODE_TYPESETTER_CODES, partial(decode_typesetter_codes, founder_codes=founder_codes),
                 trigger=TYPESETTER_CODES),
        LineRule(rules.RESTORE_DECIMAL_POINT, partial(restore_decimal_point, profile=profile),
                 _DIGIT_GAP_DIGIT, in_tables=False),
        LineRule(rules.RESTORE_LIST_MARKER_DOT, partial(restore_list_marker_dot, profile=profile),
                 regex.compile(rf"^{DIGIT}{{1,2}}{GAP}"), in_tables=False, after_cut=False),
        LineRule(rules.FIX_LING, fix_ling, trigger=regex.compile("[○◯OＯ0０]")),
        LineRule(rules.FOLD_WIDTH, fold_width, trigger=regex.compile("[０-９Ａ-Ｚａ-ｚ％＋－／．：＝＆＠＃＿]")),
        LineRule(rules.FULLWIDTH_PUNCTUATION, fullwidth_punctuation, trigger=regex.compile("[,:;?!()]")),
        LineRule(rules.REMOVE_SPURIOUS_SPACES, remove_spurious_spaces, trigger=regex.compile(GAP),
                 in_tables=False),
        LineRule(rules.DASH_FOR_ONE_IN_DATE, dash_for_one_in_date, trigger=regex.compile("^[—―－\\-─]")),
        LineRule(rules.TO_SIMPLIFIED, partial(to_simplified, document_script=script)),
    )


def _goes_on_from_above(lines: list[Line], printed: list[str], index: int) -> bool:
    """Whether the line above ``lines[index]``, as ``printed``, stops mid-sentence (``LineRule.after_cut``)."""
    return index > 0 and lines[index - 1].table is None and stops_mid_sentence(printed[index - 1])


def repair_lines(lines: list[Line], rule_list: tuple[LineRule, ...]) -> list[Repair]:
    """Apply the per-line rules to each line in place; return the repairs (on
    a line read by OCR, with the engine's confidence in their ``note``)."""
    repairs: list[Repair] = []
    printed = [line.text for line in lines]  # the line above is read as printed, before the rules change it
    for index, line in enumerate(lines):
        ocr = line.ocr_confidence is not None
        note = ocr_note(line)
        for rule in rule_list:
            if rule.trigger is not None and not rule.trigger.search(line.text):
                continue
            if line.table is not None and not line.table_note and not rule.in_tables:
                continue
            if rule.ocr_only and not ocr:
                continue
            if not rule.after_cut and _goes_on_from_above(lines, printed, index):
                continue
            with recording() as edits:
                line.text = rule.apply(line.text)
            repairs.extend(
                Repair(rule.name, line.page, line.no, col, before, after, rule.certain, note=note)
                for col, before, after in edits
            )
    return repairs
