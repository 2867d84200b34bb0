"""Office documents and PDFs published from content/ without who wrote them.

Staff attach SK and berita acara files to releases (`[Unduh SK]({static}/…
/sk.docx)`). The file as saved names people: its author and last editor
(OOXML `docProps/core.xml`, ODF `meta.xml`, a PDF's Info dictionary and its
XMP packet), often a staffer who is not to be named, and a Word file keeps
its comments and tracked changes, which hold wording that was never
published. `clean_document` returns the bytes to publish:

- OOXML (`.docx`, `.xlsx`, `.pptx` and their templates and macro forms) and
  ODF (`.odt`, `.ods`, `.odp`, `.odg`) are zips: the parts naming people are
  rewritten (the author, last editor, last printer, the "comments" property
  and the manager are left out, `docProps/app.xml`'s company too, and every
  custom property (`docProps/custom.xml`, ODF's meta:user-defined: a
  reviewer's or owner's name, a review's sender); Word's list of the people who commented or
  changed, `word/people.xml`, emptied; the template by its name, not its
  path on the staffer's computer), the
  pictures inside (a photo pasted into Word, `docProps/thumbnail.jpeg`)
  without their metadata when the caller gives a `clean_picture` (the
  images plugin's `strip_metadata`: a phone photo's EXIF names the place),
  a document embedded in it (a spreadsheet pasted as an object:
  `word/embeddings/….xlsx`, ODF's `Object 1/meta.xml`) cleaned as one of
  its own, an OLE object (`oleObject1.bin`) refused,
  every other part is copied byte for byte, in the same order, with the
  same compression and dates: the same file gives the same bytes on every
  build.
- A PDF is written again with pypdf without the Info dictionary's entries
  that name people (all but its title, subject, keywords, creator and
  producer programs, dates and /Trapped: /Author, and /Company, /Manager,
  custom properties a PDF maker copies there), without any object's XMP
  packet (`/Metadata`: the document's, a page's, an image's) or an
  application's private data (`/PieceInfo`), and without who made each
  annotation (`/T`, `/Subj` of a highlight, a stamp, a drawn box; a form
  field's `/T` is its name and stays). One with none of these is published
  as it is. A name written with `#` escapes (`/Auth#6fr`) is the same name.
  An earlier revision still in the file (Acrobat saves by appending: the
  author deleted, the old Info dictionary kept in the bytes) goes with the
  writing again.
- A PDF that opens without a password but is protected from editing or
  printing (RC4 or AES: pypdf reads AES with the pinned `cryptography`) is
  published as it is when it names no one, else not published
  (`DocumentProblem`, to save it without protection): written again here its
  protection would go. One whose encryption cannot be opened is not
  published; one that asks for a password to open it is published as it is
  (nothing shows without it).
- A signed PDF (a signature field, or /Perms) cannot be written again: its
  signature would no longer verify. The decision: it is published as it is
  only when it names no one as above (its XMP packet naming no creator,
  contributor or owner: the programs and dates every export writes are
  no one; no `/Author` in any revision); otherwise it is not published
  (`DocumentProblem`: publish an unsigned copy, or delete the author before
  signing), because a public site must not publish a name staff did not
  mean to. The signer's own name in the signature is published: that is
  what signing means.
- An archive (`.zip`, `.rar`, `.7z`) is not published: the documents
  inside are not opened here.
- A PDF with attached files (`/EmbeddedFiles`, a file attachment
  annotation: a Word file inside, with its own author and comments) is not
  published: they are not opened here.
- An older format (`.doc`, `.xls`, `.ppt`, `.rtf`), Excel's binary workbook
  (`.xlsb`) and ODF's flat XML (`.fodt` …) keep the same in a form not
  rewritten here: `DocumentProblem`, asking for the newer format or a PDF.
- A PDF that holds what it does not show or runs code is not published: a
  redaction marked but never applied (the text under the box is all there),
  a layer switched off, an annotation or form field flagged hidden that holds
  words, JavaScript or a program to launch.
- A PDF's review annotations (sticky notes, insertion marks, struck-out
  text, a reply, any mark with a note of its own: /Contents or /RC but on
  text typed on the page) are comments too.
- Hidden text (Word's Hidden font), hidden sheets and slides, and speaker
  notes are not shown but are in the file for anyone who opens it:
  `DocumentProblem`, telling staff to remove them with the Document
  Inspector, or to publish a PDF.
- Comments and tracked changes cannot be taken out without changing what the
  document says: `DocumentProblem` (the file is not published), telling
  staff to accept the changes and delete the comments, or to publish a PDF.

The staff's file in content/ is never changed: only the published copy. No
Pelican import.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from urllib.parse import unquote
from xml.etree import ElementTree

OOXML_SUFFIXES = (
    ".docx",
    ".docm",
    ".dotx",
    ".dotm",
    ".xlsx",
    ".xlsm",
    ".xltx",
    ".xltm",
    ".pptx",
    ".pptm",
    ".potx",
    ".potm",
    ".ppsx",
    ".ppsm",
)
ODF_SUFFIXES = (".odt", ".ods", ".odp", ".odg", ".ott", ".ots", ".otp")
PDF_SUFFIXES = (".pdf",)
# Older formats whose authors' names cannot be taken out here: not published.
# Excel's binary workbook (its comments are binary parts) and ODF's flat XML
# files (one XML file, its metadata inside) too.
LEGACY_SUFFIXES = {
    ".doc": ".docx",
    ".xls": ".xlsx",
    ".ppt": ".pptx",
    ".rtf": ".docx",
    ".xlsb": ".xlsx",
    ".fodt": ".odt",
    ".fods": ".ods",
    ".fodp": ".odp",
    ".fodg": ".odg",
}
# Archives: the documents inside keep their authors, comments and tracked
# changes, and are not opened here.
ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z")
DOCUMENT_SUFFIXES = (
    OOXML_SUFFIXES + ODF_SUFFIXES + PDF_SUFFIXES + tuple(LEGACY_SUFFIXES) + ARCHIVE_SUFFIXES
)

EDITED = (
    "accept all tracked changes and delete the comments (Word: Review → Accept → "
    "Accept All Changes, Delete → Delete All Comments), save and upload it again, "
    "or publish it as a PDF"
)
HIDDEN = (
    "delete what is hidden (Word, Excel, PowerPoint: File → Info → Check for Issues → "
    "Inspect Document → Remove All for hidden text, hidden sheets or slides, "
    "presentation notes and document properties), save and upload it again, or publish "
    "it as a PDF"
)
# The most an office document may unpack to (every part is held in memory).
MAX_UNPACKED_BYTES = 256 * 2**20
UNREADABLE = "save it again from its program, or publish it as a PDF"

# Namespaces of the parts rewritten.
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
# How a part names the core properties' namespace (UTF-8 or UTF-16 XML).
_CP_MARKS = (_CP.encode(), _CP.encode("utf-16-le"), _CP.encode("utf-16-be"))
_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

# Elements naming a person or holding a note, by part.
_PEOPLE = {
    "docProps/core.xml": {
        f"{{{_DC}}}creator",
        f"{{{_CP}}}lastModifiedBy",
        f"{{{_CP}}}lastPrinted",
        f"{{{_DC}}}description",  # the "Comments" property
    },
    "docProps/app.xml": {f"{{{_EP}}}Manager", f"{{{_EP}}}Company"},
    "meta.xml": {
        f"{{{_META}}}initial-creator",
        f"{{{_DC}}}creator",
        f"{{{_META}}}printed-by",
        f"{{{_META}}}print-date",
        f"{{{_DC}}}description",
    },
}
# Lists of the people who commented or changed the text, emptied (each
# list's entries are optional in its schema, so an empty list is valid):
# Word's w15:people of w15:person, PowerPoint's p:cmAuthorLst of p:cmAuthor
# and its newer p188:authorLst of p188:author, Excel's personList of person.
_EMPTIED = (
    "word/people.xml",
    "ppt/commentAuthors.xml",
    "ppt/authors.xml",
    "xl/persons/person.xml",
)
# Where Excel keeps the folder the workbook was last saved in
# (`<x15ac:absPath url="C:\\Users\\budi.santoso\\Documents\\"/>`): left out
# as bytes, the part otherwise as it is (written again by ElementTree, the
# namespaces its mc:Ignorable names but no element uses would go, and Excel
# would call the file damaged).
_WORKBOOK_PART = "xl/workbook.xml"
_ABSOLUTE_PATH = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?absPath\b[^>]*?/>")
# Where Word says which template a document was made from, with its path.
_TEMPLATE_RELATIONS = "word/_rels/settings.xml.rels"
# Pictures inside an office document (word/media/, xl/media/, ppt/media/,
# ODF's Pictures/, the docProps/thumbnail.jpeg of its first page): a photo
# pasted into Word keeps its EXIF, the place it was taken with it.
PICTURE_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".tif", ".tiff", ".webp", ".gif")
# Custom properties (File → Properties → Custom in Office, meta:user-defined in
# ODF): every one is left out of a published copy. Office's own presets are a
# person's name ("Checked by", "Editor", "Owner", "Typist"), a review sent by
# e-mail leaves the sender's address and name (`_AuthorEmail`), a sensitivity
# label its owner's e-mail (`MSIP_Label_<id>_Owner`); and staff name their own
# properties as they like ("Diperiksa oleh", "Konseptor"), so no list of names
# can tell which hold a person. Nothing of them is shown in the document (a
# field quoting one keeps its value in the text), and a PDF made of it leaves
# them out of its Info too (`_PDF_INFO_KEPT`).
_CUSTOM_PART = "docProps/custom.xml"


# OOXML parts holding comments (the part is there only while it holds one),
# and the elements that are a comment in them.
_COMMENT_PART = re.compile(
    r"^(?:word/comments[A-Za-z]*\.xml|xl/comments\d*\.xml|xl/threadedComments/.*\.xml"
    r"|ppt/comments/.*\.xml)$",
    re.IGNORECASE,  # OOXML's part names are case-insensitive
)
_COMMENT_ELEMENTS = {"comment", "cm", "threadedComment"}
# Word's tracked changes: insertions, deletions, moves and format changes.
_TRACKED = {
    f"{{{_W}}}{name}"
    for name in (
        "ins",
        "del",
        "moveFrom",
        "moveTo",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "trPrChange",
        "tcPrChange",
        "numberingChange",
        "cellIns",
        "cellDel",
    )
}
_WORD_TEXT_PART = re.compile(
    r"^word/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml$", re.IGNORECASE
)
# The core properties (author, last editor) are the part the package's
# relationships name by this type, wherever it is (.NET's packaging writes
# package/services/metadata/core-properties/<guid>.psmdcp).
_CORE_PART = "docProps/core.xml"
_CORE_RELATION = "/metadata/core-properties"
_PACKAGE_RELATIONS = "_rels/.rels"


class DocumentProblem(ValueError):
    """The document cannot be published as it is: its message says why."""

    def __init__(self, message: str, suggestion: str = UNREADABLE) -> None:
        super().__init__(message)
        self.suggestion = suggestion


def is_document(name: str) -> bool:
    return name.lower().endswith(DOCUMENT_SUFFIXES)


def clean_document(
    data: bytes, suffix: str, clean_picture: Callable[[bytes, str], bytes] | None = None
) -> bytes:
    """The document to publish, without the names of the people who wrote it
    (the input itself when there is nothing to take out). `clean_picture(data,
    suffix)`: a picture inside an office document without its metadata (a
    photo's EXIF, its GPS location; the images plugin's `strip_metadata`),
    raising ValueError when it cannot; without it pictures are copied. Raises
    DocumentProblem for comments, tracked changes or an unreadable file, and
    nothing else whatever the file holds: a hostile or damaged file is one
    line to staff, never a traceback that stops the build."""
    try:
        return _clean_document(data, suffix.lower(), clean_picture)
    except DocumentProblem:
        raise
    except Exception as exc:  # the last resort: any other fault of the reader
        raise DocumentProblem(
            f"the file cannot be read as a document ({type(exc).__name__}: {exc})"
        ) from exc


def _clean_document(data: bytes, suffix: str, clean_picture=None, depth: int = 0) -> bytes:
    if suffix in PDF_SUFFIXES:
        return _clean_pdf(data)
    if suffix in OOXML_SUFFIXES or suffix in ODF_SUFFIXES:
        return _clean_zip(
            data, odf=suffix in ODF_SUFFIXES, clean_picture=clean_picture, depth=depth
        )
    if suffix in ARCHIVE_SUFFIXES:
        raise DocumentProblem(
            f"the site cannot take the authors' names, comments and tracked changes out "
            f"of the documents in a {suffix} archive",
            "upload each document on its own (a PDF, .docx, .xlsx …) and link each",
        )
    if suffix in LEGACY_SUFFIXES:
        raise DocumentProblem(
            f"the site cannot take its authors' names, comments and tracked changes out "
            f"of a {suffix} file",
            f"save it as {LEGACY_SUFFIXES[suffix]} (File → Save As), or publish it as a PDF",
        )
    return data


# -- OOXML and ODF ---------------------------------------------------------------------


def _clean_zip(data: bytes, *, odf: bool, clean_picture=None, depth: int = 0) -> bytes:
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        infos = source.infolist()
        unpacked = sum(info.file_size for info in infos)
        if unpacked > MAX_UNPACKED_BYTES:
            # A zip bomb, or a document far larger than any release attaches:
            # every part is read into memory to be copied (zipfile reads no
            # more of a part than the size its header states).
            raise DocumentProblem(
                f"it unpacks to {unpacked // 2**20} MiB, more than the "
                f"{MAX_UNPACKED_BYTES // 2**20} MiB a document may hold",
                "save it again from its program with its photos compressed, or publish it as a PDF",
            )
        # Two parts of one name (OOXML's names are case-insensitive): a reader
        # takes one, the cleaner another; the first could name the author.
        seen = set()
        for info in infos:
            key = info.filename if odf else info.filename.lower()
            if key in seen:
                raise DocumentProblem(f"it holds the part '{info.filename}' twice")
            seen.add(key)
        parts = {info.filename: source.read(info) for info in infos}
    except DocumentProblem:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        # a part compressed by a method zipfile lacks, or encrypted
        NotImplementedError,
        RuntimeError,
        zlib.error,  # a deflated part damaged (bytes flipped, a half-finished download)
    ) as exc:
        raise DocumentProblem(f"the file cannot be read as a document ({exc})") from exc
    if not odf and any(_MACROS.search(name) for name in parts):
        raise DocumentProblem(
            "it holds macros (a VBA project), whose code and references name paths on the "
            "staffer's computer that the site cannot take out",
            "save it as .docx, .xlsx or .pptx (File → Save As, a format without macros), "
            "or publish it as a PDF",
        )
    edits = _edits_of(parts, odf=odf)
    if edits:
        raise DocumentProblem(f"it keeps {' and '.join(edits)}", EDITED)
    hidden = _odf_hidden_of(parts) if odf else _hidden_of(parts)
    if hidden:
        raise DocumentProblem(f"it keeps {' and '.join(hidden)}", HIDDEN)
    changed = {}
    roles = _roles(parts, odf=odf)
    for name, body in parts.items():
        role = roles.get(name)
        if role in _PEOPLE:
            cleaned = _without_elements(body, _PEOPLE[role])
            if role == "meta.xml":
                cleaned = _odf_without_custom_properties(_odf_template_by_name(cleaned))
        elif role == _WORKBOOK_PART:
            cleaned = _ABSOLUTE_PATH.sub(b"", body)
        elif role in _EMPTIED:
            cleaned = _emptied(body)
        elif role == _CUSTOM_PART:
            cleaned = _emptied(body)  # every custom property (`_CUSTOM_PART`)
        elif role == _TEMPLATE_RELATIONS:
            cleaned = _local_links_by_name(_template_by_name(body))
        elif not odf and name.lower().endswith(".rels"):
            cleaned = _local_links_by_name(body)
        elif _EMBEDDED.match(name) and not name.lower().endswith(PICTURE_SUFFIXES):
            cleaned = _embedded_cleaned(name, body, clean_picture, depth)
        elif odf and body.startswith(_OLE_SIGNATURE):
            # (ODF keeps an OLE object, an Excel sheet pasted into Writer, as
            # `Object 2`: a compound file with its own author, as oleObject1.bin)
            raise DocumentProblem(
                f"it holds an embedded object ('{name}') whose authors' names cannot be taken out",
                EMBEDDED_SUGGESTION,
            )
        elif odf and name.endswith(".xml") and _XLINK.encode() in body:
            cleaned = _odf_local_links_by_name(body)
        elif clean_picture is not None and name.lower().endswith(PICTURE_SUFFIXES):
            cleaned = _picture_cleaned(name, body, clean_picture)
        else:
            continue
        if cleaned != body:
            changed[name] = cleaned
    if not changed and _tight(data, source, infos):
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in infos:
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            target.writestr(copy, changed.get(info.filename, parts[info.filename]))
    return out.getvalue()


_EOCD = struct.Struct("<4s4H2LH")  # the zip's end of central directory record


def _tight(data: bytes, source: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> bool:
    """Whether the file is its listed parts and nothing else: no bytes before,
    between or after them (an older copy of the file, data appended) that
    unzip -F or a text editor would show, no archive or part comments. A file
    that is not is written again from its parts."""
    if source.comment or any(info.comment for info in infos):
        return False
    end = len(data) - _EOCD.size
    if end < 0:
        return False
    signature, _disk, _start, _here, _total, size, offset, _comment = _EOCD.unpack_from(data, end)
    if signature != b"PK\x05\x06" or offset == 0xFFFFFFFF or offset + size != end:
        return False  # (a zip64 file too: written again)
    at = 0
    previous: zipfile.ZipInfo | None = None
    for info in sorted(infos, key=lambda info: info.header_offset):
        gap = info.header_offset - at
        if gap and not (_descriptor(previous) and gap in (12, 16, 20, 24)):
            return False
        if data[info.header_offset : info.header_offset + 4] != b"PK\x03\x04":
            return False
        names, extra = struct.unpack_from("<2H", data, info.header_offset + 26)
        at = info.header_offset + 30 + names + extra + info.compress_size
        previous = info
    gap = offset - at
    return gap == 0 or (_descriptor(previous) and gap in (12, 16, 20, 24))


def _descriptor(info: zipfile.ZipInfo | None) -> bool:
    """Whether a data descriptor follows the part's data (its sizes after it)."""
    return info is not None and bool(info.flag_bits & 0x08)


# Files embedded in an office document (a spreadsheet pasted into Word as an
# object): word/embeddings/Microsoft_Excel_Worksheet.xlsx keeps its own
# author and comments; an OLE object (oleObject1.bin, an older .xls) keeps
# them in a form not rewritten here.
_EMBEDDED = re.compile(r"^(?:word|xl|ppt)/embeddings/", re.IGNORECASE)
# A macro-enabled document's VBA project (word/vbaProject.bin …).
_MACROS = re.compile(r"(?:^|/)vbaProject\.bin$", re.IGNORECASE)
# A compound (OLE) file's first bytes.
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# How deep a document inside a document inside … is opened.
MAX_EMBEDDED_DEPTH = 2
EMBEDDED_SUGGESTION = (
    "paste the object as a table or a picture instead (Paste Special), save and upload "
    "it again, or publish it as a PDF"
)


def _embedded_cleaned(name: str, body: bytes, clean_picture, depth: int) -> bytes:
    """An embedded file cleaned as a document of its own; DocumentProblem for
    one that cannot be (an OLE object, comments in it, nested too deep)."""
    suffix = posixpath.splitext(name)[1].lower()
    if suffix not in OOXML_SUFFIXES + ODF_SUFFIXES or depth >= MAX_EMBEDDED_DEPTH:
        raise DocumentProblem(
            f"it holds an embedded object ('{name}') whose authors' names cannot be taken out",
            EMBEDDED_SUGGESTION,
        )
    try:
        return _clean_document(body, suffix, clean_picture, depth + 1)
    except DocumentProblem as problem:
        raise DocumentProblem(
            f"its embedded object '{name}': {problem}", problem.suggestion
        ) from problem


def _picture_cleaned(name: str, body: bytes, clean_picture) -> bytes:
    """A picture of the document (a photo pasted into it, its thumbnail)
    without its metadata."""
    try:
        return clean_picture(body, posixpath.splitext(name)[1].lower())
    except Exception as exc:  # the picture cleaner's StripError, or its reader's fault
        raise DocumentProblem(
            f"the picture '{name}' in it cannot be cleaned of its metadata ({exc})",
            "insert the photo again as JPEG or PNG, or publish the document as a PDF",
        ) from exc


def _roles(parts: dict[str, bytes], *, odf: bool) -> dict[str, str]:
    """The parts to rewrite, each with the name its kind is listed by above.
    ODF's names are as written; OOXML's are compared case-insensitively
    (`docProps/Core.xml` is the same part), and its core properties are
    found by the package's relationship to them, wherever they are."""
    known = (*_PEOPLE, *_EMPTIED, _CUSTOM_PART, _TEMPLATE_RELATIONS, _WORKBOOK_PART)
    if odf:
        # (an embedded object's own `Object 1/meta.xml` too)
        return {
            name: name if name in known else "meta.xml"
            for name in parts
            if name in known or name.endswith("/meta.xml")
        }
    by_lower = {name.lower(): name for name in known}
    roles = {name: by_lower[name.lower()] for name in parts if name.lower() in by_lower}
    lower = {name.lower(): name for name in parts}
    relations = lower.get(_PACKAGE_RELATIONS)
    if relations is not None:
        for relation in _parse(parts[relations], relations):
            kind = (relation.get("Type") or "").lower()
            if not kind.endswith(_CORE_RELATION) or relation.get("TargetMode") == "External":
                continue
            # (a Target is a URI: '/meta/%70rops.xml' is the part meta/props.xml)
            target = unquote(relation.get("Target") or "")
            target = posixpath.normpath("/" + target).lstrip("/")
            if target.lower() in lower:
                roles[lower[target.lower()]] = _CORE_PART
    # A core properties part however it is named or reached (a relationship
    # written another way, none at all): known by its root element.
    for name, body in parts.items():
        if name in roles or not any(mark in body for mark in _CP_MARKS):
            continue
        try:
            root = ElementTree.fromstring(body)
        except ElementTree.ParseError:
            continue  # (not XML: no reader takes it for the core properties)
        if root.tag == f"{{{_CP}}}coreProperties":
            roles[name] = _CORE_PART
    return roles


def _parse(body: bytes, name: str) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise DocumentProblem(f"the document's part '{name}' cannot be read ({exc})") from exc


def _edits_of(parts: dict[str, bytes], *, odf: bool) -> list[str]:
    """What the document keeps that publishing would reveal: "comments",
    "tracked changes" (each once)."""
    comments = tracked = False
    for name, body in parts.items():
        if odf:
            if posixpath.basename(name) not in ("content.xml", "styles.xml"):
                continue
            root = _parse(body, name)
            if root.find(f".//{{{_OFFICE}}}annotation") is not None:
                comments = True
            if root.find(f".//{{{_TEXT}}}changed-region") is not None:
                tracked = True
        elif _COMMENT_PART.match(name):
            root = _parse(body, name)
            if any(e.tag.rsplit("}", 1)[-1] in _COMMENT_ELEMENTS for e in root.iter()):
                comments = True
        elif name.lower().startswith("xl/revisions/") and name.lower().endswith(".xml"):
            tracked = True  # a shared workbook's change history
        elif _WORD_TEXT_PART.match(name) and any(
            e.tag in _TRACKED for e in _parse(body, name).iter()
        ):
            tracked = True
    return [what for what, kept in (("comments", comments), ("tracked changes", tracked)) if kept]


_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NOTES_PART = re.compile(r"^ppt/notesSlides/notesSlide\d+\.xml$", re.IGNORECASE)
_SLIDE_PART = re.compile(r"^ppt/slides/slide\d+\.xml$", re.IGNORECASE)
_OFF = {"0", "false", "off"}
_CUSTOM_XML_PART = re.compile(r"^customXml/item\d*\.xml$", re.IGNORECASE)
# A SharePoint person field (`<UserInfo><DisplayName>Budi Santoso</DisplayName>`,
# `<pc:Person><pc:DisplayName>`) with a name in it.
_SERVER_PEOPLE = re.compile(rb"<(?:\w+:)?DisplayName>\s*[^<\s]")


def _hidden_of(parts: dict[str, bytes]) -> list[str]:
    """What an OOXML document keeps out of sight that publishing would
    reveal to anyone who opens the file: Word's hidden text (a run formatted
    Hidden, `w:vanish`), Excel's hidden sheets, PowerPoint's hidden slides and
    speaker notes, and the people a document server (SharePoint, OneDrive)
    stored in it (`customXml/item1.xml`: an owner's or an editor's name and
    account) (each once)."""
    text = sheets = slides = notes = server = False
    for name, body in parts.items():
        if _CUSTOM_XML_PART.match(name) and _SERVER_PEOPLE.search(body):
            server = True
        elif _WORD_TEXT_PART.match(name) and b"vanish" in body:
            for run in _parse(body, name).iter(f"{{{_W}}}r"):
                mark = run.find(f"{{{_W}}}rPr/{{{_W}}}vanish")
                if mark is None or (mark.get(f"{{{_W}}}val") or "true").lower() in _OFF:
                    continue
                if any((t.text or "").strip() for t in run.iter(f"{{{_W}}}t")):
                    text = True
        elif name.lower() == _WORKBOOK_PART and b"state=" in body:
            root = _parse(body, name)
            if any(
                sheet.get("state") in ("hidden", "veryHidden")
                for sheet in root.iter(f"{{{_S}}}sheet")
            ):
                sheets = True
        elif _SLIDE_PART.match(name) and b"show=" in body:
            if (_parse(body, name).get("show") or "1").lower() in _OFF:
                slides = True
        elif _NOTES_PART.match(name) and _notes_written(_parse(body, name)):
            notes = True
    return _what_is_kept(
        ("hidden text", text),
        ("hidden sheets", sheets),
        ("hidden slides", slides),
        ("speaker notes", notes),
        ("a document server's names of people", server),
    )


def _what_is_kept(*found: tuple[str, bool]) -> list[str]:
    """The names of what a document keeps, in the order the refusal says them."""
    return [what for what, kept in found if kept]


_PRESENTATION = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"


def _odf_hidden_of(parts: dict[str, bytes]) -> list[str]:
    """`_hidden_of` for ODF: hidden text and paragraphs, sections not shown,
    hidden sheets (a table whose style says `table:display="false"`),
    speaker notes."""
    text = sheets = notes = False
    for name, body in parts.items():
        if posixpath.basename(name) != "content.xml":
            continue
        root = _parse(body, name)
        for element in root.iter(f"{{{_TEXT}}}hidden-text"):
            if (element.get(f"{{{_TEXT}}}string-value") or "").strip():
                text = True
        for paragraph in (*root.iter(f"{{{_TEXT}}}p"), *root.iter(f"{{{_TEXT}}}h")):
            hides = paragraph.find(f"{{{_TEXT}}}hidden-paragraph") is not None
            if hides and "".join(paragraph.itertext()).strip():
                text = True
        for section in root.iter(f"{{{_TEXT}}}section"):
            if section.get(f"{{{_TEXT}}}display") == "none" and "".join(section.itertext()).strip():
                text = True
        hidden_styles = {
            style.get(f"{{{_STYLE}}}name")
            for style in root.iter(f"{{{_STYLE}}}style")
            if any(
                properties.get(f"{{{_TABLE}}}display") == "false"
                for properties in style.iter(f"{{{_STYLE}}}table-properties")
            )
        }
        if hidden_styles and any(
            table.get(f"{{{_TABLE}}}style-name") in hidden_styles
            for table in root.iter(f"{{{_TABLE}}}table")
        ):
            sheets = True
        for page in root.iter(f"{{{_PRESENTATION}}}notes"):
            for frame in page:
                if (
                    frame.get(f"{{{_PRESENTATION}}}class") == "notes"
                    and "".join(frame.itertext()).strip()
                ):
                    notes = True
    return _what_is_kept(
        ("hidden text", text),
        ("hidden sheets", sheets),
        ("speaker notes", notes),
    )


def _notes_written(root: ElementTree.Element) -> bool:
    """Whether a notes page holds words in its notes (its body placeholder;
    not the slide number every notes page shows)."""
    for shape in root.iter(f"{{{_P}}}sp"):
        place = shape.find(f"{{{_P}}}nvSpPr/{{{_P}}}nvPr/{{{_P}}}ph")
        if place is None or place.get("type") != "body":
            continue
        if any((t.text or "").strip() for t in shape.iter(f"{{{_A}}}t")):
            return True
    return False


def _register_namespaces(body: bytes) -> None:
    """Keep the part's own namespace prefixes when it is written again."""
    for _event, (prefix, uri) in ElementTree.iterparse(io.BytesIO(body), events=("start-ns",)):
        try:
            ElementTree.register_namespace(prefix, uri)
        except ValueError:  # a prefix ElementTree keeps for itself ("ns0")
            continue


def _serialized(root: ElementTree.Element, body: bytes) -> bytes:
    """The part written again with its own prefixes. ElementTree keeps them
    in one registry for the whole process: it is given back as it was, so
    that no part's prefixes (a default namespace) reach another part or any
    other XML the build writes."""
    registry = ElementTree._namespace_map
    saved = dict(registry)
    try:
        _register_namespaces(body)
        return ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True)
    finally:
        registry.clear()
        registry.update(saved)


def _without_elements(body: bytes, tags: set[str]) -> bytes:
    root = _parse(body, "metadata")
    removed = False
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in tags:
                parent.remove(child)
                removed = True
    return _serialized(root, body) if removed else body


def _template_by_name(body: bytes) -> bytes:
    """The template a Word document was made from by its file name only: Word
    keeps its full path (`file:///C:\\Users\\budi.santoso\\…\\Normal.dotm`),
    the staffer's account name in it."""
    root = _parse(body, "relationships")
    changed = False
    for relation in root:
        target = relation.get("Target") or ""
        if relation.get("Type", "").endswith("/attachedTemplate") and re.search(r"[/\\]", target):
            relation.set("Target", re.split(r"[/\\]", target)[-1])
            changed = True
    return _serialized(root, body) if changed else body


# A link's target on the staffer's computer or network: a file: address, a
# drive letter, a share (\\\\server\\…), a home folder.
_LOCAL_TARGET = re.compile(r"^(?:file:|[A-Za-z]:[\\/]|\\\\|/(?:Users|home)/)", re.IGNORECASE)


def _local_links_by_name(body: bytes) -> bytes:
    """Links to files on the staffer's computer (an Excel workbook linked to
    another, a document linking a local file) by their file name only, as
    the template (`_template_by_name`): their path names the account."""
    if b"External" not in body:
        return body
    root = _parse(body, "relationships")
    changed = False
    for relation in root:
        target = relation.get("Target") or ""
        if relation.get("TargetMode") == "External" and _LOCAL_TARGET.match(target):
            relation.set("Target", re.split(r"[/\\]", target)[-1])
            changed = True
    return _serialized(root, body) if changed else body


_XLINK = "http://www.w3.org/1999/xlink"


def _odf_template_by_name(body: bytes) -> bytes:
    """ODF's template (`<meta:template xlink:href="file:///home/budi/…/x.ott">`,
    or a relative path climbing through the staffer's folders) by its file
    name only, as Word's (`_template_by_name`)."""
    if b"template" not in body:
        return body
    root = _parse(body, "metadata")
    changed = False
    for template in root.iter(f"{{{_META}}}template"):
        href = template.get(f"{{{_XLINK}}}href") or ""
        if re.search(r"[/\\]", href):
            template.set(f"{{{_XLINK}}}href", re.split(r"[/\\]", href)[-1])
            changed = True
    return _serialized(root, body) if changed else body


def _odf_local_links_by_name(body: bytes) -> bytes:
    """ODF's links to files outside the package (an image or a section
    linked, not embedded: `xlink:href="file:///home/budi.santoso/…"`, or
    relative to the document, `../../Budi/Pictures/foto.png`) by their file
    name only, as OOXML's (`_local_links_by_name`): the path names the
    staffer's account and folders. Links inside the package (`Pictures/…`,
    `./Object 1`), to a place in the text (`#…`) and to the web stay.

    Written in place in the bytes, not parsed and written again: content.xml
    declares namespaces used only inside attribute values (a formula's
    `of:=SUM(…)`), which ElementTree would drop."""
    prefixes = set(re.findall(rb'xmlns:([\w.-]+)\s*=\s*["\']' + re.escape(_XLINK.encode()), body))
    if not prefixes:
        return body
    names = b"|".join(re.escape(prefix) for prefix in sorted(prefixes))
    attribute = re.compile(rb"(\s(?:" + names + rb"):href\s*=\s*)([\"'])(.*?)\2", re.DOTALL)

    def by_name(match: re.Match) -> bytes:
        # (read as the XML reader reads it: `&#47;` is a slash too)
        href = html.unescape(match[3].decode("utf-8", "replace"))
        if not (_LOCAL_TARGET.match(href) or href.replace("\\", "/").startswith("../")):
            return match[0]
        name = html.escape(re.split(r"[/\\]", href)[-1], quote=True)
        return match[1] + match[2] + name.encode() + match[2]

    return attribute.sub(by_name, body)


def _odf_without_custom_properties(body: bytes) -> bytes:
    """ODF's custom properties (meta:user-defined) left out, as OOXML's
    (`_CUSTOM_PART`)."""
    if b"user-defined" not in body:
        return body
    root = _parse(body, "metadata")
    removed = False
    for holder in root.iter(f"{{{_OFFICE}}}meta"):
        for child in list(holder):
            if child.tag == f"{{{_META}}}user-defined":
                holder.remove(child)
                removed = True
    return _serialized(root, body) if removed else body


def _emptied(body: bytes) -> bytes:
    root = _parse(body, "people")
    if not len(root):
        return body
    for child in list(root):
        root.remove(child)
    return _serialized(root, body)


# -- PDF -------------------------------------------------------------------------------


# What a PDF names its author or its XMP packet with, and the object streams
# either may be packed in: a file without any of them has neither to take out.
_PDF_PRIVATE_TOKENS = (
    b"/Author",
    b"/Metadata",
    b"/PieceInfo",
    b"/ObjStm",
    b"/Annots",
    b"/Info",
    b"/EF",
    # what `_refuse_hidden` looks for: a redaction not applied, a hidden layer, a
    # script (an XFA form's too)
    b"/Redact",
    b"/OCProperties",
    b"/JavaScript",
    b"/JS",
    b"/Launch",
    b"/XFA",
)
# Entries of any object that the published copy leaves out.
_PDF_PRIVATE_KEYS = ("/Metadata", "/PieceInfo")
# A name may write any of its characters as `#` and two hex digits
# (`/Auth#6fr` is /Author): a file with such a name is read, not skipped.
_PDF_ESCAPED_NAME = re.compile(rb"/[^\x00\t\n\f\r ()<>\[\]{}/%]*#[0-9A-Fa-f]{2}")
# Annotations a review leaves: sticky notes (each with its writer's name and
# words), insertion marks and struck-out text (a change proposed).
_PDF_REVIEW_ANNOTATIONS = ("/Text", "/Caret", "/StrikeOut")
# A review annotation as written in the file's bytes (one in an earlier
# revision, deleted from the last, is there too), or a reply to one.
_PDF_REVIEW_WRITTEN = re.compile(rb"/Subtype\s*/(?:Text|Caret|StrikeOut)(?![A-Za-z0-9#])|/IRT\b")
# An earlier revision (saved again by appending): its cross-reference
# section names the one before it by offset (a bookmark's /Prev names an
# object: `/Prev 12 0 R`).
_PDF_PREVIOUS = re.compile(rb"/Prev\s+\d+(?!\d|\s+\d+\s+R(?![A-Za-z0-9]))")


def _earlier_revision(data: bytes) -> bool:
    return _PDF_PREVIOUS.search(data) is not None


# Annotations that are no reviewer's: links, form fields, a note's popup
# window (its note is its parent), text typed on the page.
_PDF_NOT_REVIEW = ("/Link", "/Widget", "/Popup", "/FreeText")
PDF_EDITED = (
    "delete the comments in the PDF (Acrobat: Comments → Delete All), or export the "
    "PDF again from the document without them"
)


def _clean_pdf(data: bytes) -> bytes:
    if not any(token in data for token in _PDF_PRIVATE_TOKENS) and not (
        b"#" in data and _PDF_ESCAPED_NAME.search(data)
    ):
        return data  # (and no PDF to read: pypdf is not asked)
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import DependencyError, PyPdfError
    from pypdf.generic import NameObject

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                raise DocumentProblem(PDF_UNOPENED, PDF_UNPROTECT) from None
            if not opened:
                return data  # its password is asked for before it opens: nothing shows
            return _protected_pdf(reader, data)
        root = reader.trailer["/Root"].get_object()
        _refuse_review(reader)
        info = reader.trailer.get("/Info")
        info = info.get_object() if info is not None else None
        named = sorted(_named_in_info(info))
        retitled = _title_without_path(info)
        described = _with_metadata(reader)
        annotated = _annotations_naming(reader)
        if _signed(root):
            # Written again, its signature would no longer verify: published
            # as it is when it names no one, in its last revision or in an
            # earlier one still in the file (`/Author` as written).
            if (
                named
                or retitled is not None
                or annotated
                or _xmp_names_someone(described)
                or b"/Author" in data
                # (an earlier revision's packet or review note, still in the
                # bytes, naming someone)
                or _XMP_PEOPLE.search(data)
                or _PDF_REVIEW_WRITTEN.search(data)
            ):
                raise DocumentProblem(PDF_SIGNED, PDF_UNSIGN)
            return data
        # An earlier revision still in the file (saved again by appending, as
        # Acrobat saves: the author deleted, the old Info dictionary kept in
        # the bytes) is left out by writing the PDF again.
        # (a reviewer's note deleted so keeps its writer and words there too)
        stale = b"/Author" in data or b"/Metadata" in data or _earlier_revision(data)
        if not named and not described and not annotated and retitled is None and not stale:
            return data
        # Left out of the document before it is copied, so that no copy of
        # them is written (pypdf writes every object it cloned).
        for owner in described:
            for key in _PDF_PRIVATE_KEYS:
                if key in owner:
                    del owner[NameObject(key)]
        for key in named:
            del info[NameObject(key)]
        for annotation in annotated:
            for key in _PDF_ANNOTATION_PEOPLE:
                if key in annotation:
                    del annotation[NameObject(key)]
        writer = PdfWriter(clone_from=reader)
        if info is not None:
            kept = {k: v for k, v in info.items() if k not in named}
            if retitled is not None:
                kept["/Title"] = retitled
            writer.add_metadata(kept)
        out = io.BytesIO()
        writer.write(out)
    except DocumentProblem:
        raise
    except DependencyError as exc:
        raise DocumentProblem(PDF_UNOPENED, PDF_UNPROTECT) from exc
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        OSError,
        RecursionError,  # objects nested past Python's limit, as a hostile PDF can
    ) as exc:
        raise DocumentProblem(f"the PDF cannot be read ({type(exc).__name__}: {exc})") from exc
    return out.getvalue()


PDF_PROTECTED = (
    "it is protected (a password only for editing or printing), so its author's name "
    "cannot be taken out, and anyone can read it"
)
PDF_UNPROTECT = (
    "save or print it to PDF again without protection (Acrobat: File → Properties → "
    "Security → No Security), and upload it again"
)
PDF_UNOPENED = (
    "it is protected in a way the site cannot open (its encryption is not supported), "
    "so its author's name cannot be taken out, and anyone can read it"
)
PDF_SIGNED = (
    "it is digitally signed and names who wrote or marked it (its author, its metadata "
    "or its annotations): taking the names out would break the signature"
)
PDF_UNSIGN = (
    "publish an unsigned copy (export the PDF again from the document), or delete the "
    "author (File → Properties → Author) and the annotations before signing"
)
# The Info dictionary's entries published: the rest (/Author, and what PDF
# makers copy there from the document: /Company, /Manager, /SourceModified,
# its custom properties, an e-mail review's `_AuthorEmail`) left out.
_PDF_INFO_KEPT = frozenset(
    {
        "/Title",
        "/Subject",
        "/Keywords",
        "/Creator",
        "/Producer",
        "/CreationDate",
        "/ModDate",
        "/Trapped",
    }
)
# What an annotation says of who made it: the author (/T, a markup
# annotation's "title"), its subject line. A form field's /T is its name,
# kept (a widget's).
_PDF_ANNOTATION_PEOPLE = ("/T", "/Subj")


def _named_in_info(info) -> set[str]:
    """The Info dictionary's entries to leave out (none of _PDF_INFO_KEPT)."""
    if info is None:
        return set()
    return {str(key) for key in info if str(key) not in _PDF_INFO_KEPT}


# A title a PDF printer made of the file's place on the staffer's computer
# ("Microsoft Word - C:\\Users\\budi.santoso\\Documents\\sk.docx").
_COMPUTER_PATH = re.compile(
    r"(?:[A-Za-z]:[\\/]|\\\\|file:|~/|/(?:home|Users|media|mnt)/).*", re.IGNORECASE
)


def _title_without_path(info) -> str | None:
    """The Info dictionary's title with each computer path in it as its file
    name; None when it holds none."""
    title = info.get("/Title") if info is not None else None
    if not isinstance(title, str) or not _COMPUTER_PATH.search(title):
        return None
    return _COMPUTER_PATH.sub(lambda m: re.split(r"[/\\]", m.group())[-1], title)


def _annotations(reader):
    for page in reader.pages:
        for annotation in _resolved(page.get("/Annots")) or []:
            annotation = annotation.get_object()
            if hasattr(annotation, "get"):
                yield annotation


def _annotations_naming(reader) -> list:
    """The annotations (not a form's fields) that say who made them."""
    return [
        annotation
        for annotation in _annotations(reader)
        if _resolved(annotation.get("/Subtype")) != "/Widget"
        and "/FT" not in annotation
        and any(key in annotation for key in _PDF_ANNOTATION_PEOPLE)
    ]


def _refuse_review(reader) -> None:
    """DocumentProblem when a page carries a review (`_reviewed`), the PDF
    attached files, or it holds what it does not show (`_refuse_hidden`)."""
    _refuse_attachments(reader)
    _refuse_hidden(reader)
    if _reviewed(reader):
        raise DocumentProblem("it keeps comments (review notes or marks)", PDF_EDITED)


def _protected_pdf(reader, data: bytes) -> bytes:
    """A PDF that opens without a password (protected only from editing or
    printing): every reader shows its author, and written again here its
    protection would go. Published as it is if it names no one; otherwise
    not published (signed or not)."""
    _refuse_review(reader)
    info = reader.trailer.get("/Info")
    info = info.get_object() if info is not None else None
    if (
        _named_in_info(info)
        or b"/Author" in data  # (in an earlier revision still in the file too)
        or _XMP_PEOPLE.search(data)  # (an earlier, unencrypted XMP packet too)
        or _PDF_REVIEW_WRITTEN.search(data)  # (an earlier revision's review note)
        or _title_without_path(info) is not None
        or _with_metadata(reader)
        or _annotations_naming(reader)
    ):
        root = reader.trailer["/Root"].get_object()
        raise DocumentProblem(
            PDF_SIGNED if _signed(root) else PDF_PROTECTED,
            PDF_UNSIGN if _signed(root) else PDF_UNPROTECT,
        )
    return data


# Who an XMP packet names: its creators and contributors, the PDF's author,
# the rights' owner, a caption's writer (a packet of programs and dates names
# no one).
_XMP_PEOPLE = re.compile(
    rb"<(dc:creator|dc:contributor|xmpRights:Owner)\b.*?<rdf:li[^>]*>\s*[^<\s]"
    rb"|pdf:Author\s*(?:=\s*[\"'][^\"'\s]|>\s*[^<\s])"
    rb"|photoshop:(?:AuthorsPosition|CaptionWriter)\s*(?:=\s*[\"'][^\"'\s]|>\s*[^<\s])",
    re.DOTALL,
)


def _xmp_names_someone(described: list) -> bool:
    """Whether an object's XMP packet names a person (`_XMP_PEOPLE`), or an
    application's private data (/PieceInfo, not read) is kept."""
    for item in described:
        if "/PieceInfo" in item:
            return True
        packet = item.get("/Metadata")
        packet = packet.get_object() if packet is not None else None
        data = packet.get_data() if hasattr(packet, "get_data") else b""
        if _XMP_PEOPLE.search(data):
            return True
    return False


def _objects(reader):
    """Every dictionary among the PDF's numbered objects, and its catalog."""
    from pypdf.generic import DictionaryObject, IndirectObject

    numbers = {
        (number, generation) for generation, objects in reader.xref.items() for number in objects
    }
    numbers |= {(number, 0) for number in reader.xref_objStm}
    root = reader.trailer["/Root"].get_object()
    seen_root = False
    for number, generation in sorted(numbers):
        if number <= 0:
            continue
        item = reader.get_object(IndirectObject(number, generation, reader))
        if isinstance(item, DictionaryObject):
            seen_root = seen_root or item is root
            yield item
    if not seen_root:
        yield root


def _with_metadata(reader) -> list:
    """Every object of the PDF with its own XMP packet (`/Metadata`) or an
    application's private data (`/PieceInfo`: Illustrator's keeps its whole
    document, the author's name with it): the document's catalog, and any
    page, image or form that carries one."""
    return [item for item in _objects(reader) if any(key in item for key in _PDF_PRIVATE_KEYS)]


def _refuse_attachments(reader) -> None:
    """DocumentProblem when the PDF carries files of its own (an attached
    Word file, a spreadsheet, with their authors and comments), which the
    site does not open to clean."""
    for item in _objects(reader):
        if "/EF" in item or item.get("/Type") == "/EmbeddedFile":
            raise DocumentProblem(
                "it holds attached files (Attachments), which keep their own authors and comments",
                "delete the attachments (Acrobat: View → Show/Hide → Navigation Panes → "
                "Attachments, then Delete), or publish each file on its own",
            )


PDF_REDACTION_UNAPPLIED = (
    "it has redaction marks that were never applied: the text under each black box "
    "is still in the file, and anyone can copy it out"
)
PDF_APPLY_REDACTIONS = (
    "apply the redactions (Acrobat: Tools → Redact → Apply) and save, then check that "
    "the text cannot be selected; or print to PDF again"
)


def _refuse_hidden(reader) -> None:
    """DocumentProblem when the PDF holds what its pages do not show or runs
    code: a redaction marked but not applied (a /Redact annotation: the text
    is all there, the box only drawn over it), a layer switched off (optional
    content in the /OFF list: a draft's wording, a table's hidden columns), a
    script (JavaScript run on opening, on a page, on a field, in an XFA
    form: a public site publishes no code in its documents). Cleaning cannot
    take any of them out without changing what the document shows or does,
    so staff decide."""
    annotations = list(_annotations(reader))
    if any(_resolved(annotation.get("/Subtype")) == "/Redact" for annotation in annotations):
        raise DocumentProblem(PDF_REDACTION_UNAPPLIED, PDF_APPLY_REDACTIONS)
    if any(_hidden_words(annotation) for annotation in annotations):
        raise DocumentProblem(
            "it has hidden annotations or form fields (flagged not to be shown on the page) "
            "whose words are in the file for anyone who opens it",
            "delete them, or print to PDF again with only what is shown",
        )
    root = reader.trailer["/Root"].get_object()
    if _hidden_layers(root):
        raise DocumentProblem(
            "it has hidden layers (optional content switched off), whose words are in the "
            "file for anyone who opens it",
            "delete the hidden layers, or print to PDF again with only what is shown",
        )
    names = _resolved(root.get("/Names"))
    if (
        (hasattr(names, "get") and "/JavaScript" in names)
        or any(_runs_code(item) for item in _objects(reader))
        or _xfa_script(root)
    ):
        raise DocumentProblem(
            "it contains JavaScript or a program to launch (run when it is opened or a "
            "field is used), which the site does not publish",
            "export or print the PDF again without scripts and form actions",
        )


# An annotation's flags (/F) that keep it off the page: Hidden (2), NoView (32).
_PDF_HIDDEN_FLAGS = 2 | 32


def _hidden_words(annotation) -> bool:
    """Whether an annotation flagged not to be shown (`_PDF_HIDDEN_FLAGS`: a
    text box, a stamp, a form field hidden in Acrobat) holds words: its
    /Contents or /RC, or the value (/V) of the form field it is, or is a
    widget of."""
    try:
        flags = int(_resolved(annotation.get("/F")) or 0)
    except (TypeError, ValueError):
        return False
    if not flags & _PDF_HIDDEN_FLAGS:
        return False
    field = _resolved(annotation.get("/Parent"))
    values = [annotation.get("/Contents"), annotation.get("/RC"), annotation.get("/V")]
    if hasattr(field, "get"):
        values.append(field.get("/V"))
    return any(_has_words(_resolved(value)) for value in values)


def _has_words(value) -> bool:
    """Whether a value holds something a reader learns from: a text or byte
    string, a rich-text stream, a number (a hidden field's NIK), a name other
    than an unticked box's `/Off` (a radio group's `/Perempuan`, a ticked
    box's `/Yes`), or a list of them (a list box's choices), with a letter or
    digit. Nothing (null), a boolean and `/Off` are no words."""
    from pypdf.generic import (
        ArrayObject,
        BooleanObject,
        ByteStringObject,
        NameObject,
        NullObject,
        StreamObject,
    )

    if value is None or isinstance(value, NullObject | BooleanObject):
        return False
    if isinstance(value, ArrayObject):
        return any(_has_words(_resolved(item)) for item in value)
    if isinstance(value, StreamObject):
        text = value.get_data().decode("latin-1")
    elif isinstance(value, ByteStringObject):
        text = bytes(value).decode("latin-1")
    elif isinstance(value, NameObject):
        text = "" if value == "/Off" else str(value)[1:]
    else:
        text = str(value)  # a text string, a number
    return any(character.isalnum() for character in text)


def _hidden_layers(root) -> bool:
    """Whether the default view (/OCProperties /D) switches a layer off: one
    in its /OFF list, or, with /BaseState /OFF, one of /OCGs not in its /ON
    list (every layer it does not name starts off)."""
    layers = _resolved(root.get("/OCProperties"))
    view = _resolved(layers.get("/D")) if hasattr(layers, "get") else None
    if not hasattr(view, "get"):
        return False
    if _resolved(view.get("/OFF")):
        return True
    if _resolved(view.get("/BaseState")) != "/OFF":
        return False

    def named(value) -> set:
        value = _resolved(value)
        return {getattr(item, "idnum", id(item)) for item in value or ()}

    return bool(named(layers.get("/OCGs")) - named(view.get("/ON")))


# A script in an XFA form's XML (Adobe LiveCycle's forms: `<script
# contentType="application/x-javascript">` in an event), which Acrobat runs
# as it runs a /JavaScript action; a prefix where the packet gives one.
_XFA_SCRIPT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?script\b", re.IGNORECASE)


def _xfa_script(root) -> bool:
    """Whether the PDF's XFA form (/AcroForm /XFA: one stream, or a list of
    packet names and streams) holds a script."""
    form = _resolved(root.get("/AcroForm"))
    xfa = _resolved(form.get("/XFA")) if hasattr(form, "get") else None
    packets = xfa if isinstance(xfa, list) else [xfa]
    for packet in map(_resolved, packets):
        if hasattr(packet, "get_data") and _XFA_SCRIPT.search(packet.get_data()):
            return True
    return False


def _resolved(value):
    """A value of a PDF dictionary, the object itself when it is written as
    a reference to one (`/S 7 0 R`: `dict.get` does not follow it)."""
    return value.get_object() if value is not None else None


# Actions that run code: a script, a program started on the reader's computer.
_PDF_CODE_ACTIONS = ("/JavaScript", "/Launch")


def _runs_code(item) -> bool:
    """Whether a dictionary, or one written inside it at any depth (an
    /OpenAction or an /AA entry's action is often not an object of its own,
    nor the actions its /Next runs after it), is an action that runs code.
    Objects it refers to are looked at as objects of their own. Walked with
    a list, not recursion: a hostile file nests as deep as it likes."""
    from pypdf.generic import ArrayObject, DictionaryObject

    waiting = [item]
    while waiting:
        item = waiting.pop()
        if isinstance(item, DictionaryObject):
            if "/JS" in item or _resolved(item.get("/S")) in _PDF_CODE_ACTIONS:
                return True
            values = item.values()
        elif isinstance(item, ArrayObject):
            values = item
        else:
            continue
        # (an IndirectObject is neither: the object it names is looked at on its own)
        waiting += [value for value in values if isinstance(value, (DictionaryObject, ArrayObject))]
    return False


def _reviewed(reader) -> bool:
    """Whether a page carries a review's annotations: a note, an insertion
    mark or struck-out text (`_PDF_REVIEW_ANNOTATIONS`), a reply to another
    (/IRT), or any other mark with words of its own (a highlight's or a
    shape's note, /Contents or /RC). A link, a form's field and text typed on
    the page (FreeText, which shows its /Contents) are none."""
    for annotation in _annotations(reader):
        subtype = _resolved(annotation.get("/Subtype"))
        if subtype in _PDF_REVIEW_ANNOTATIONS or "/IRT" in annotation:
            return True
        if subtype in _PDF_NOT_REVIEW or "/FT" in annotation:
            continue
        if str(annotation.get("/Contents") or "").strip() or "/RC" in annotation:
            return True
    return False


def _signed(root) -> bool:
    """Whether a PDF carries a digital signature (or usage rights signed by
    its maker): a /Perms entry, or a signature field of its form."""
    if "/Perms" in root:
        return True
    form = root.get("/AcroForm")
    form = form.get_object() if form is not None else None
    if form is None:
        return False
    if int(form.get("/SigFlags", 0) or 0):
        return True
    return any(field.get_object().get("/FT") == "/Sig" for field in form.get("/Fields") or [])
