"""Archival paths: repositories, record groups, central and subject files, lots, libraries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lark import Token, Tree

from xref.cite.families.base import (
    BuilderBase,
    Node,
    first_token,
    node_text,
)
from xref.cite.families.pathparts import (
    add_to_tail,
    center_name,
    cia_job,
    finish,
    is_qualifier,
    listed_kind,
    unfold,
)
from xref.cite.models import (
    CentralFileCitation,
    CiaCitation,
    Citation,
    ElectronicRecordCitation,
    ElectronicTelegramCitation,
    LibraryCitation,
    LotFileCitation,
    NationalArchivesCitation,
    OtherRepositoryCitation,
    RecordsCenterCitation,
    SubjectFileCitation,
)
from xref.cite.normalize import decode_file_date, normalize_dashes
from xref.cite.sourcenames import after_source_label

# "64 A 2382", "64A2382", "64-A-2382": an accession's year, letter and number, "64 A 2382"
_ACCESSION_LETTER = re.compile(r"\b(\d{2,3}) ?-? ?([A-Z]) ?-? ?(\d+)")
# "63 D 75", "63D75", "63-D-75": a lot's number, letter and number, normalized "63 D 75"
_LOT_PARTS = re.compile(
    r"(\d+)(?:\s*|[-\u2013\u2014])([A-Z])(?:\s*|[-\u2013\u2014])(\d+\w?)(?:\s*(\(\w+\)))?"
)


class ArchivalBuilder(BuilderBase):
    """The builder method for the ``archival`` rule."""

    def archival(self, tree: Node) -> list[Citation]:
        """One citation per typed item of an archival path."""
        return ArchivalPath(self).build(tree.children)


_PATH_HOLDERS = (LibraryCitation, OtherRepositoryCitation)
_BOX_HOLDERS = (*_PATH_HOLDERS, LotFileCitation, RecordsCenterCitation, CiaCitation)
"""What keeps a box printed after a semicolon (a decimal or subject file ends on itself)."""
_FOLDER_HOLDERS = (LotFileCitation, RecordsCenterCitation)
_FILES_SERIES = re.compile(r"\b(?:[Ff]iles|Papers)$")
_SERIES_WORD = re.compile(r"\b(?:[Ff]iles?|Records|Papers|Collection|Archives?)\b")
_DATE_PART = re.compile(
    r"(?:(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+)?\d"
)
"""A part that is a date ("January 10", "1961"), not a series ("Secretary of State-1977-1980")."""
_SERIES_END = re.compile(r"\b(?:Series|Files?|Papers|Collection)$")
_BARE_DECIMAL = re.compile(r"\d{3}[A-Z]?\d*\.\d\w*")
"""A decimal file with no date: ``790D.5622``, ``611.61``."""
_PATH_PARTS = frozenset(
    {"repo_dos", "repo_nara", "repo_gov", "repo_cia", "library", "other_repo", "record_group"}
)
"""Parts that name a repository, or an agency ("Agency File, CIA, Vol. 3"): inside a library's
path, after a comma, a folder."""


class ArchivalPath:
    """Reads an archival path (parts and separators) into citations, one per typed item.

    Context accumulates from the left (repository, record group, ``Central Files``,
    series names); each typed item (a decimal file, a lot, an accession, a library, a film
    number, ...) starts a citation, and the untyped parts after it are its folder or path.
    A semicolon closes the current citation.
    """

    _ITEMS = {
        "decimal_file",
        "subject",
        "lot",
        "accession",
        "bare_accession",
        "library",
        "other_repo",
        "film",
        "job",
    }

    def __init__(self, builder: BuilderBase, *, after_ibid: bool = False) -> None:
        self.b = builder
        self.after_ibid = after_ibid
        self.loose_parts: list[str] = []

    def build(self, children: Iterable[Node | Token]) -> list[Citation]:
        """The citations of a path's parts and separators, left to right."""
        b = self.b
        out: list[Citation] = []
        chain_start: Node | None = None
        fresh = True  # no item yet since the chain started (the first takes its start)
        rg: Node | None = None
        rg_path: list[str] = []
        central = False
        years: str | None = None
        series: list[Node] = []
        current: dict[str, object] | None = None
        cia: Node | None = None
        cia_path: list[str] = []
        repo: Node | None = None  # the last repository named, and the untyped parts after it
        repo_path: list[Node] = []
        last_sep = ""
        last_decimal: str | None = None
        held = False  # a library's path before a semicolon: the next part decides
        semi_after_repo = False  # a repository and no item before a semicolon: likewise
        prev_kind = ""
        listed: Node | None = None  # a part the volume's list of sources names (see below)

        def close() -> None:
            nonlocal current
            if current is not None:
                out.append(finish(b, current))
            current = None

        for node in unfold(children):
            if isinstance(node, Token):
                last_sep = str(node)
                if last_sep == ";" and current is not None and current["cls"] in _BOX_HOLDERS:
                    held = True  # the next part decides: a box goes on ("Job 79-01025A; Box 4")
                elif last_sep == ";" and current is not None:
                    close()
                    series.clear()
                    chain_start, fresh = None, True
                elif (last_sep == ";" and repo is not None and not (out or rg or cia or central)
                      and not (repo_path and _SERIES_WORD.search(node_text(repo_path[-1])))):
                    # "National Security Council, January 10; Department of State, ...":
                    # a repository with no item before a semicolon starts nothing (but a
                    # file series goes on to its item: "Department of State, Vietnam Working
                    # Group Files; Lot 66 D 307", and Central Files to its file: "Department of
                    # State, Central Files; 795.00/2-356"); a series named without a series
                    # word goes on when a lot or accession follows: "Department of State,
                    # Presidential Correspondence; Lot 66 D 204" (a date is no series)
                    if repo_path and not _DATE_PART.match(node_text(repo_path[-1])):
                        semi_after_repo = True
                    else:
                        series.clear()
                        chain_start, fresh = None, True
                        repo, repo_path = None, []
                continue
            kind = node.data
            text = node_text(node)
            if kind == "decimal_more":
                # "310.2/8-1755 and /8-1555": the same decimal file, another date
                if last_decimal is None:
                    continue
                kind, text = "decimal_file", last_decimal + text
            if (kind == "phrase" and prev_kind == "central_files" and last_sep == ","
                    and current is None and _BARE_DECIMAL.fullmatch(text)):
                # "Central Files, 790D.5622": a decimal file with no date, after the series
                # and a comma (as "Central Files 714.00" right after it, DECIMAL_BARE)
                kind = "decimal_file"
            after_dos, prev_kind = prev_kind == "repo_dos", kind
            if semi_after_repo:
                semi_after_repo = False
                if kind not in ("lot", "accession", "job"):
                    series.clear()
                    chain_start, fresh = None, True
                    repo, repo_path = None, []
            if held and current is not None:
                held = False
                holder = current["cls"]
                if kind == "box" or (kind == "phrase" and text[:1].isdigit()
                                     and holder in _FOLDER_HOLDERS):
                    # "Job 79-01025A; Box 151, Folder 5", "NSC Files; Box 699, Country Files":
                    # a box after a semicolon is the item's, not a new citation; so is a
                    # numbered folder after an accession or lot ("FRC 68 A 306; 452.1 Iran")
                    add_to_tail(current, node, last_sep)
                    continue
                if kind == "phrase" and _SERIES_END.search(text) and holder in _PATH_HOLDERS:
                    # "Kennedy Library, National Security File; Vietnam Country Series": a
                    # series of the library's path after a semicolon
                    add_to_tail(current, node, last_sep)
                    continue
                close()
                series.clear()
                chain_start, fresh = None, True
            if chain_start is None:
                chain_start = node
                if kind == "phrase":
                    # a source note opening with a repository or collection the volume lists
                    # as a source, a name the grammar need not know (xref.cite.sourcenames)
                    kind = listed_kind(b, node, text)
                    listed = node if kind != "phrase" else listed
            if current is not None and current["cls"] in _PATH_HOLDERS and kind in _PATH_PARTS:
                # inside a library's path these name folders, not new repositories
                add_to_tail(current, node, last_sep)
                continue
            # a subject code is a file only under Central Files (or first after "Ibid.,")
            if kind == "subject" and self.after_ibid and chain_start is node:
                central = True
            if kind == "subject" and after_dos:
                # "Department of State, DEF 4 NATO": the Department's subject file, its
                # Central Files left unsaid
                central = True
            if kind in self._ITEMS and not (kind == "subject" and not central):
                if kind == "job" and cia is not None:
                    cia_path.append(text)
                    job = first_token(node, "JOB_NUMBER")
                    current = {
                        "cls": CiaCitation,
                        "first": cia,
                        "last": node,
                        "item": node,
                        "tail": [],
                        "job": cia_job(job),
                        "path": [p for p in cia_path if not p.lower().startswith("job")],
                    }
                    cia = None
                    continue
                close()
                first: Node = series[-1] if series and kind in ("lot", "accession") else node
                if fresh and chain_start is not None:
                    # "...; Department of State, Central Files, 611.61/1-351": the first
                    # item of a chain (after a semicolon too) starts at its repository
                    first = chain_start
                fresh = False
                current = {"first": first, "last": node, "item": node, "tail": []}
                ser = str(series[-1].children[0]).strip() if series else None
                if kind == "decimal_file":
                    file = re.sub(r"(?<=[/.])\s+|\s+(?=/)", "", normalize_dashes(text))
                    decimal, _, date_part = file.partition("/")
                    last_decimal = decimal
                    current.update(
                        cls=CentralFileCitation,
                        file=file,
                        decimal=decimal,
                        date=decode_file_date(date_part),
                    )
                elif kind == "subject":
                    current.update(
                        cls=SubjectFileCitation,
                        subject=normalize_dashes(text, squeeze=False),
                        years=years,
                    )
                elif kind == "lot":
                    lot = str(first_token(node, "LOT_NUMBER") or first_token(node, "LOT_PLAIN"))
                    m = _LOT_PARTS.fullmatch(lot.strip())
                    norm = (
                        " ".join(g for g in m.groups() if g) if m else lot
                    )  # "63 D 123", "61 D 282A", "53 D 291 (V)"
                    current.update(cls=LotFileCitation, lot=norm, series=ser)
                elif kind in ("accession", "bare_accession"):
                    center_tok = first_token(node, "CENTER")
                    acc_tok = first_token(node, "ACCESSION") or first_token(
                        node, "ACCESSION_NUMBER"
                    )
                    center = center_name(str(center_tok)) if center_tok else "FRC"
                    acc = re.sub(r"\s+", " ", str(acc_tok)).strip()
                    acc = _ACCESSION_LETTER.sub(r"\1 \2 \3", normalize_dashes(acc))
                    current.update(
                        cls=RecordsCenterCitation, accession=acc, center=center, series=ser
                    )
                elif kind == "library":
                    # "Eisenhower Libratry": the library's name as it is meant
                    library = re.sub(r"\b([Ll])ib[rat]{2,5}y\b", r"\1ibrary", text)
                    current.update(cls=LibraryCitation, library=library)
                elif kind == "other_repo":
                    current.update(cls=OtherRepositoryCitation, repository=text)
                elif kind == "film":
                    cls = (
                        ElectronicTelegramCitation
                        if text.startswith("D")
                        else ElectronicRecordCitation
                    )
                    current.update(cls=cls, film=normalize_dashes(text))
                elif kind == "job":
                    job_number = cia_job(first_token(node, "JOB_NUMBER"))
                    current.update(cls=CiaCitation, job=job_number, path=[])
                continue
            if kind == "repo_cia":
                close()
                cia = node
                cia_path = []
                job = first_token(node, "JOB_NUMBER")
                if job is not None:  # "Central Intelligence Agency Job 79-01025A"
                    current = {
                        "cls": CiaCitation,
                        "first": node,
                        "last": node,
                        "item": node,
                        "tail": [],
                        "job": cia_job(job),
                        "path": [],
                    }
                    cia = None
                continue
            if kind == "file_years":
                if central:
                    years = normalize_dashes(text)
                    continue
            if kind in ("repo_dos", "repo_nara", "repo_gov") and not (
                kind == "repo_gov" and (rg is not None or cia is not None)
            ) and not (
                # "Department of State, JCS Files, POL 27 CYP": another agency's files held
                # by the repository just named are its series, not a new repository
                kind == "repo_gov" and repo is not None and current is None
                and last_sep == "," and _SERIES_WORD.search(text)
            ):
                close()
                repo, repo_path = node, []
                continue
            if kind == "record_group":
                rg = node
                continue
            if kind == "central_files":
                central = True
                yrs = first_token(node, "YEARS")
                years = normalize_dashes(str(yrs)) if yrs else None
                continue
            if kind == "central_foreign_policy_files":
                central = True  # its subject files: "Central Foreign Policy Files, POL 27"
                years = None
                if rg is not None and current is None:
                    # "National Archives, RG 59, Central Foreign Policy Files": part of the
                    # record group's path when no file follows
                    rg_path.append(text)
                    series.append(node)
                continue
            # an untyped part: a folder of the current item, or a series before the next one
            if (current is not None and current["cls"] is SubjectFileCitation
                    and not current["tail"] and last_sep == "," and kind == "phrase"
                    and is_qualifier(text)):
                # "POL 27-9, Biafra-Nigeria", "POL 13, ETH": the file's country, printed
                # after a comma; the file is "POL 27-9 Biafra-Nigeria"
                current["subject"] = f"{current['subject']} {text}"
                current["item"] = current["last"] = node
                continue
            if current is not None:
                add_to_tail(current, node, last_sep)
            else:
                series.append(node)
                if cia is not None:
                    cia_path.append(text)
                elif rg is not None:
                    rg_path.append(text)
                else:
                    self.loose_parts.append(text)
                    if repo is not None:
                        repo_path.append(node)
        close()
        if not out and cia is not None:
            last = series[-1] if series else cia
            out.append(b.make(CiaCitation, b.span(cia, last), job=None, path=cia_path))
        if not out and cia is None and rg is None and repo is not None:
            # a repository and a file series, with no item: "Department of State, INR-NIE
            # Files", "National Security Council, Nixon Intelligence Files, Subject Files, USSR";
            # or a box ("Department of Defense, OASD/ISA, 73A, 1975, Box 18")
            name = node_text(repo)
            parts = [node_text(n) for n in repo_path]
            # another agency the volume lists as a source holds what the note names after
            # it ("National Security Council, Nixon NSC Meetings, Minutes"); the Department's
            # own files are read by their items
            archival = (repo is listed or _SERIES_WORD.search(name)
                        or (repo_path and repo.data == "repo_gov"
                            and (listed_kind(b, repo, name) == "repo_gov"
                                 # an agency that opens a source note keeps the document
                                 # there, whether or not the volume lists it
                                 or after_source_label(b.source, b.span(repo).start)))
                        or any(_SERIES_WORD.search(p) for p in parts)
                        or any(isinstance(n, Tree) and n.data == "box" for n in repo_path))
            # "National Security Agency, The Capture of the USS Pueblo ...": a title, published
            if archival and not any(p.startswith("The ") for p in parts):
                last = repo_path[-1] if repo_path else repo
                out.append(b.make(
                    OtherRepositoryCitation, b.span(repo, last), repository=name, path=parts
                ))
        if (
            not out and cia is None and rg is None and repo is None and series
            and series[0] is chain_start
            and (series[0] is listed or _FILES_SERIES.search(node_text(series[0])))
            and not self.after_ibid
        ):
            # a file series that opens a source note on its own, its holder implied: "IO
            # Files: US(P)/A/C.5/4", "USUN Files, IO, Membership" (1948-1957 notes)
            parts = [node_text(n) for n in series]
            out.append(b.make(
                OtherRepositoryCitation, b.span(series[0], series[-1]), repository=parts[0],
                path=parts[1:],
            ))
        if not out and rg is not None:
            assert chain_start is not None
            rg_num = str(first_token(rg, "INT"))
            last = series[-1] if series and rg_path else rg
            out.append(
                b.make(NationalArchivesCitation, b.span(chain_start, last), rg=rg_num, path=rg_path)
            )
        return out
