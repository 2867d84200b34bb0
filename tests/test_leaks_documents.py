"""Documents attached to releases (an SK as .docx, a berita acara as PDF, a
spreadsheet, an .odt) are published without the names of the people who
wrote them, and never with their comments or tracked changes.

The files as saved named their author and last editor (OOXML
docProps/core.xml, ODF meta.xml, a PDF's /Author and XMP packet), often a
staffer who is not to be named, and the site published them byte for byte.
Built with the public settings, cold and warm; every output file searched.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject, NumberObject
from test_leaks_comments import leaked

from conftest import REPO, newsroom, run_build, tree

PEOPLE = ("mkpenulis", "mkpengubah", "mkpencetak", "mkcatatan", "mkmanajer")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>SK Penetapan Pengawas TPS</dc:title><dc:creator>mkpenulis Budi Santoso</dc:creator><dc:description>mkcatatan jangan disebar dulu</dc:description><cp:lastModifiedBy>mkpengubah Sari</cp:lastModifiedBy><cp:lastPrinted>2024-02-14T09:12:00Z</cp:lastPrinted><dcterms:created xsi:type="dcterms:W3CDTF">2024-02-14T09:12:00Z</dcterms:created></cp:coreProperties>"""  # noqa: E501
APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Manager>mkmanajer Andi</Manager><Company>mkpenulis Laptop</Company></Properties>"""  # noqa: E501
META = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><dc:title>Berita Acara Rapat Pleno</dc:title><meta:initial-creator>mkpenulis Budi</meta:initial-creator><dc:creator>mkpengubah Sari</dc:creator><meta:printed-by>mkpencetak Rudi</meta:printed-by></office:meta></office:document-meta>"""  # noqa: E501


CUSTOM = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="_AuthorEmail"><vt:lpwstr>mkpenulis@example.go.id</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Nomor SK"><vt:lpwstr>12/2024</vt:lpwstr></property></Properties>"""  # noqa: E501


SETTINGS_RELATIONS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///C:\\Users\\mkpenulis.budi\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dotm" TargetMode="External"/></Relationships>"""  # noqa: E501


def word_text(extra: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
        f"<w:body><w:p><w:r><w:t>Menetapkan pengawas TPS.</w:t></w:r>{extra}</w:p></w:body>"
        "</w:document>"
    )


def office_file(path: Path, parts: dict[str, str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            # ODF's mimetype comes first and is stored, as LibreOffice writes it
            kind = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name, (2024, 2, 14, 9, 12, 32)), text, kind)
    return path


def docx(path: Path, extra: str = "", comments: bool = False) -> Path:
    parts = {
        "[Content_Types].xml": "<Types/>",
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
        "word/document.xml": word_text(extra),
        "docProps/custom.xml": CUSTOM,
        "word/_rels/settings.xml.rels": SETTINGS_RELATIONS,
        "word/people.xml": f'<w15:people xmlns:w15="{W}15"><w15:person w15:author="mkpengubah"/>'
        "</w15:people>",
    }
    if comments:
        parts["word/comments.xml"] = (
            f'<w:comments xmlns:w="{W}"><w:comment w:id="0" w:author="mkpengubah">'
            "<w:p><w:r><w:t>mkcatatan ganti angka ini</w:t></w:r></w:p></w:comment></w:comments>"
        )
    return office_file(path, parts)


def pdf(path: Path) -> Path:
    """A one-page PDF naming its author in its Info dictionary and its XMP."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Author": "mkpenulis Budi", "/Title": "Berita Acara"})
    xmp = DecodedStreamObject()
    xmp.set_data(b"<x:xmpmeta><dc:creator>mkpenulis Budi</dc:creator></x:xmpmeta>")
    xmp[NameObject("/Type")] = NameObject("/Metadata")
    xmp[NameObject("/Subtype")] = NameObject("/XML")
    writer._root_object[NameObject("/Metadata")] = writer._add_object(xmp)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def zipped_leaks(output: Path, *markers: str) -> list[str]:
    """The parts of the office files in the output (zips: their parts are
    compressed, so a marker is not in the file's bytes) holding a marker."""
    found = []
    for path in sorted(output.rglob("*")):
        if path.is_file() and zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    data = archive.read(name).lower()
                    found += [f"{path.name}/{name}: {m}" for m in markers if m.encode() in data]
    return found


def public_build(site, output: Path, cache: Path):
    return run_build(
        site.content,
        output,
        settings_file=REPO / "publishconf.py",
        cache=cache,
        overrides={"SEARCH_ENABLED": False},
    )


def test_attached_documents_are_published_without_their_authors(site, tmp_path):
    newsroom(site)
    folder = site.content / "images" / "2024"
    sources = {
        "sk.docx": docx(folder / "sk.docx"),
        "rekap.xlsx": office_file(
            folder / "rekap.xlsx",
            {"docProps/core.xml": CORE, "xl/workbook.xml": "<workbook/>"},
        ),
        "ba.odt": office_file(
            folder / "ba.odt",
            {
                "mimetype": "application/vnd.oasis.opendocument.text",
                "meta.xml": META,
                "content.xml": '<office:document-content xmlns:office="urn:oasis:names:tc:'
                'opendocument:xmlns:office:1.0"/>',
            },
        ),
        "ba.pdf": pdf(folder / "ba.pdf"),
    }
    as_written = {name: path.read_bytes() for name, path in sources.items()}
    links = "\n\n".join(f"[Unduh {name}]({{static}}/images/2024/{name})" for name in sources)
    site.article(
        "sk.md",
        slug="penetapan-pengawas",
        body=f"PALEMBANG – Bawaslu Kota Palembang menetapkan pengawas TPS.\n\n{links}",
    )
    output, cache = site.output, site.root / "cache"
    for build in ("cold", "warm"):
        built = public_build(site, output, cache)
        assert built.returncode == 0, built.log
        assert leaked(output, *PEOPLE) == [], build
        assert zipped_leaks(output, *PEOPLE) == [], build
        for name in sources:
            assert (output / "images" / "2024" / name).is_file(), (build, name)
        # what the documents say is kept: the text, the title, the pages
        with zipfile.ZipFile(output / "images/2024/sk.docx") as published:
            assert published.read("word/document.xml").decode() == word_text()
            assert b"SK Penetapan Pengawas TPS" in published.read("docProps/core.xml")
            assert b"12/2024" not in published.read("docProps/custom.xml")  # every one goes
            relations = published.read("word/_rels/settings.xml.rels")
            assert b'Target="Normal.dotm"' in relations
        with zipfile.ZipFile(output / "images/2024/ba.odt") as published:
            assert published.infolist()[0].filename == "mimetype"
            assert published.infolist()[0].compress_type == zipfile.ZIP_STORED
        reader = PdfReader(output / "images/2024/ba.pdf")
        assert len(reader.pages) == 1 and reader.metadata.title == "Berita Acara"
        assert reader.metadata.author is None and "/Metadata" not in reader.trailer["/Root"]
    # the staff's files are never changed: only the published copies
    assert {name: path.read_bytes() for name, path in sources.items()} == as_written
    clean = public_build(site, tmp_path / "clean" / "output", tmp_path / "clean" / "cache")
    assert clean.returncode == 0, clean.log
    assert tree(output) == tree(clean.output)


def test_a_document_with_comments_or_tracked_changes_is_one_error_and_not_published(site):
    newsroom(site)
    folder = site.content / "images" / "2024"
    docx(folder / "sk-revisi.docx", comments=True)
    insertion = '<w:ins w:id="1" w:author="mkpengubah"><w:r><w:t>mkcatatan 25</w:t></w:r></w:ins>'
    docx(folder / "sk-lacak.docx", extra=insertion)
    (folder / "sk-lama.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 mkpengubah")
    site.article(
        "sk.md",
        slug="penetapan-pengawas",
        body="PALEMBANG – Bawaslu Kota Palembang menetapkan pengawas TPS.\n\n"
        "[Unduh SK]({static}/images/2024/sk-revisi.docx) dan "
        "[SK perubahan]({static}/images/2024/sk-lacak.docx)\n\n"
        "[SK lama]({static}/images/2024/sk-lama.doc)",
    )
    built = site.build(publish=True, SEARCH_ENABLED=False)
    assert built.returncode != 0
    errors = sorted((f.path, f.message) for f in built.findings("error"))
    assert errors == [
        (
            f"{site.content.name}/images/2024/sk-lacak.docx",
            "document not published, it keeps tracked changes: "
            "'sk-lacak.docx' (accept all tracked changes and delete the comments (Word: "
            "Review → Accept → Accept All Changes, Delete → Delete All Comments), save and "
            "upload it again, or publish it as a PDF)",
        ),
        (
            f"{site.content.name}/images/2024/sk-lama.doc",
            "document not published, the site cannot take its authors' names, comments "
            "and tracked changes out of a .doc file: 'sk-lama.doc' (save it as .docx "
            "(File → Save As), or publish it as a PDF)",
        ),
        (
            f"{site.content.name}/images/2024/sk-revisi.docx",
            "document not published, it keeps comments: "
            "'sk-revisi.docx' (accept all tracked changes and delete the comments (Word: "
            "Review → Accept → Accept All Changes, Delete → Delete All Comments), save and "
            "upload it again, or publish it as a PDF)",
        ),
    ], built.log
    assert not (built.output / "images/2024/sk-revisi.docx").exists()
    assert not (built.output / "images/2024/sk-lacak.docx").exists()
    assert not (built.output / "images/2024/sk-lama.doc").exists()
    assert leaked(built.output, "mkcatatan", "mkpengubah") == []
    assert zipped_leaks(built.output, "mkcatatan", "mkpengubah") == []


def odt_bytes(tmp_path: Path, body: str) -> bytes:
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    parts = {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content}
    return office_file(tmp_path / "dok.odt", parts).read_bytes()


def test_odf_comments_and_changes_are_refused_and_an_empty_change_list_is_not(tmp_path):
    from warta.documents import DocumentProblem, clean_document

    note = "<office:annotation><dc:creator>mkpengubah</dc:creator></office:annotation>"
    change = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion/>'
        "</text:changed-region></text:tracked-changes>"
    )
    for body, kept in ((note, "comments"), (change, "tracked changes")):
        with pytest.raises(DocumentProblem, match=kept):
            clean_document(odt_bytes(tmp_path, body), ".odt")
    # change tracking on, nothing changed: nothing to say, nothing to take out
    plain = odt_bytes(tmp_path, "<text:tracked-changes/><text:p>Menetapkan</text:p>")
    assert clean_document(plain, ".ODT") == plain


def test_a_cleaned_pdf_is_the_same_bytes_every_time_and_a_signed_one_is_left_whole(tmp_path):
    from warta.documents import clean_document

    data = pdf(tmp_path / "ba.pdf").read_bytes()
    once = clean_document(data, ".pdf")
    assert once == clean_document(data, ".pdf") and b"mkpenulis" not in once
    assert clean_document(once, ".pdf") == once  # nothing left to take out
    # a signed PDF naming no one: written again, its signature would no longer verify
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(once)))
    writer._root_object[NameObject("/Perms")] = writer._add_object(DecodedStreamObject())
    signed = io.BytesIO()
    writer.write(signed)
    assert clean_document(signed.getvalue(), ".pdf") == signed.getvalue()


def test_cleaning_a_document_leaves_elementtrees_prefixes_as_they_were(tmp_path):
    """ElementTree keeps namespace prefixes for the whole process: a part's
    default namespace registered there wrote another part's (or the site's
    other XML's) elements of that namespace without a prefix."""
    from xml.etree import ElementTree

    from warta.documents import clean_document

    clean_document(docx(tmp_path / "sk.docx").read_bytes(), ".docx")
    uri = "http://schemas.openxmlformats.org/package/2006/relationships"
    written = ElementTree.tostring(ElementTree.Element(f"{{{uri}}}Relationships"))
    assert written == f'<ns0:Relationships xmlns:ns0="{uri}" />'.encode()


def test_a_pdf_with_review_notes_is_refused_and_one_with_links_left_as_it_is(tmp_path):
    from pypdf.annotations import Link, Text

    from warta.documents import DocumentProblem, clean_document

    def annotated(annotation) -> bytes:
        writer = PdfWriter()
        writer.add_blank_page(595, 842)
        writer.add_annotation(0, annotation)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    note = Text(rect=(50, 550, 200, 650), text="mkcatatan ganti angka ini")
    with pytest.raises(DocumentProblem, match="it keeps comments"):
        clean_document(annotated(note), ".pdf")
    # A note with no words of its own (a reviewer's mark) whose /Subtype is an
    # object of its own (`/Subtype 7 0 R`): a note all the same.
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_annotation(0, Text(rect=(50, 550, 200, 650), text=""))
    by_reference = writer.pages[0]["/Annots"][0].get_object()
    del by_reference["/Contents"]
    by_reference[NameObject("/Subtype")] = writer._add_object(NameObject("/Text"))
    with pytest.raises(DocumentProblem, match="it keeps comments"):
        clean_document(written(writer), ".pdf")
    linked = annotated(Link(rect=(50, 550, 200, 650), url="https://bawaslu.go.id/"))
    assert clean_document(linked, ".pdf") == linked


def test_a_zip_bomb_or_an_encrypted_part_is_one_problem_not_a_crash(tmp_path):
    """A .docx whose parts unpack to gigabytes (a few kilobytes of zeros on
    disk) was read whole into memory; a part in a method zipfile lacks or
    encrypted raised out of the cleaner. Each is a DocumentProblem."""
    from warta import documents
    from warta.documents import DocumentProblem, clean_document

    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("docProps/core.xml", CORE)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * 2**20
            for _ in range(documents.MAX_UNPACKED_BYTES // 2**20 + 1):
                part.write(chunk)
    assert bomb.stat().st_size < 2**20
    with pytest.raises(DocumentProblem, match="MiB") as problem:
        clean_document(bomb.read_bytes(), ".docx")
    assert "PDF" in problem.value.suggestion

    data = bytearray(docx(tmp_path / "sk.docx").read_bytes())
    # the first part's "general purpose" flags in the central directory:
    # bit 0 says it is encrypted
    data[data.index(b"PK\x01\x02") + 8] |= 1
    with pytest.raises(DocumentProblem, match="cannot be read"):
        clean_document(bytes(data), ".docx")


def test_a_cleaned_copys_key_follows_the_cleaning_code(tmp_path):
    """The cache of cleaned copies is keyed by the cleaner's source and
    pypdf's version, so a copy cleaned by older code (a cache kept between CI
    runs) is not reused."""
    from plugins.images import pipeline

    code = tmp_path / "documents.py"
    code.write_text("A = 1\n")
    before = pipeline.code_digest([code], packages=("pypdf",))
    assert pipeline.code_digest([code], packages=("pypdf",)) == before
    assert pipeline.code_digest([code]) != before  # pypdf's version is in it
    code.write_text("A = 2\n")
    assert pipeline.code_digest([code], packages=("pypdf",)) != before
    assert len(pipeline.cleaner_version()) == 16


@pytest.mark.parametrize("package", ["Pillow", "pypdf", "cryptography"])
def test_a_cleaned_copys_key_follows_the_libraries_that_clean(package, monkeypatch):
    """Pillow decides which metadata a re-encoded photo keeps; a cache of
    cleaned copies carried over a Pillow upgrade was reused, since the key
    held only pypdf's version."""
    from importlib import metadata

    from plugins.images import pipeline

    real_version = metadata.version
    pipeline.cleaner_version.cache_clear()
    before = pipeline.cleaner_version()

    def upgraded(name):
        return "999.0" if name.lower() == package.lower() else real_version(name)

    monkeypatch.setattr(pipeline.metadata, "version", upgraded)
    pipeline.cleaner_version.cache_clear()
    try:
        assert pipeline.cleaner_version() != before
    finally:
        monkeypatch.undo()
        pipeline.cleaner_version.cache_clear()


def test_a_damaged_document_is_one_problem_not_a_traceback(tmp_path):
    """A .docx with bytes flipped inside a deflated part (a half-finished
    download) raised zlib.error out of the cleaner: the build stopped with
    "error: Error -3 while decompressing data"."""
    from warta.documents import DocumentProblem, clean_document

    path = tmp_path / "sk.docx"
    office_file(path, {"word/document.xml": word_text() * 50, "docProps/core.xml": CORE})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 2, start + 12):
        data[offset] ^= 0xFF
    with pytest.raises(DocumentProblem, match="cannot be read as a document") as problem:
        clean_document(bytes(data), ".docx")
    assert "PDF" in problem.value.suggestion


def test_a_document_holding_a_part_twice_is_refused(tmp_path):
    """A zip with docProps/core.xml twice (the first naming the author, the
    last clean) was published byte for byte: the parts were read into a
    dict, the last one cleaned and found clean, the original bytes kept."""
    from warta.documents import UNREADABLE, DocumentProblem, clean_document

    clean_core = CORE.replace("mkpenulis Budi Santoso", "").replace("mkpengubah Sari", "")
    clean_core = clean_core.replace("mkcatatan jangan disebar dulu", "")
    stamp = (2024, 2, 14, 9, 12, 32)
    for second in ("docProps/core.xml", "docProps/Core.xml"):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(zipfile.ZipInfo("word/document.xml", stamp), word_text())
            archive.writestr(zipfile.ZipInfo("docProps/core.xml", stamp), CORE)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # zipfile's "Duplicate name"
                archive.writestr(zipfile.ZipInfo(second, stamp), clean_core)
        with pytest.raises(DocumentProblem, match="twice") as problem:
            clean_document(buffer.getvalue(), ".docx")
        assert problem.value.suggestion == UNREADABLE


def test_core_properties_are_found_whatever_their_name_or_place(tmp_path):
    """OOXML's part names are case-insensitive and its core properties are
    wherever the package's relationships say: docProps/Core.xml, or .NET's
    package/services/metadata/core-properties/<guid>.psmdcp, was published
    with the author and last editor in it."""
    from warta.documents import clean_document

    psmdcp = "package/services/metadata/core-properties/5f1e2d3c4b5a.psmdcp"
    relations = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
        '"/word/document.xml"/><Relationship Id="R2" Type="http://schemas.openxmlformats.org/'
        f'package/2006/relationships/metadata/core-properties" Target="/{psmdcp}"/>'
        "</Relationships>"
    )
    for name, parts in (
        ("Core.xml", {"docProps/Core.xml": CORE, "Word/Document.xml": word_text()}),
        (psmdcp, {"_rels/.rels": relations, psmdcp: CORE, "word/document.xml": word_text()}),
    ):
        data = office_file(tmp_path / "sk.docx", parts).read_bytes()
        with zipfile.ZipFile(io.BytesIO(clean_document(data, ".docx"))) as published:
            assert published.namelist() == list(parts), name
            core = published.read(next(n for n in parts if n.lower().endswith(name.lower())))
        assert b"SK Penetapan Pengawas TPS" in core, name
        assert [person for person in PEOPLE if person.encode() in core] == [], name


def test_core_properties_named_by_an_encoded_target_or_by_no_relation_are_cleaned(tmp_path):
    """A relationship's Target is a URI: Office reads '/meta/%70rops.xml' as
    the part meta/props.xml, which was published with the author and last
    editor (the cleaner compared the target as written); so was a core
    properties part no relationship names (read by tools that look for one).
    Any part whose root is cp:coreProperties is cleaned, wherever it is."""
    from warta.documents import clean_document

    relations = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
        '"/word/document.xml"/><Relationship Id="R2" Type="http://schemas.openxmlformats.org/'
        'package/2006/relationships/metadata/core-properties" Target="/meta/%70rops.xml"/>'
        "</Relationships>"
    )
    for case, parts in (
        ("encoded", {"_rels/.rels": relations, "meta/props.xml": CORE}),
        ("unnamed", {"meta/props.xml": CORE}),
    ):
        parts = {**parts, "word/document.xml": word_text()}
        data = office_file(tmp_path / case / "sk.docx", parts).read_bytes()
        with zipfile.ZipFile(io.BytesIO(clean_document(data, ".docx"))) as published:
            core = published.read("meta/props.xml")
        assert b"SK Penetapan Pengawas TPS" in core, case
        assert [person for person in PEOPLE if person.encode() in core] == [], case


@pytest.mark.parametrize("where", ["before", "after", "comment"])
def test_bytes_a_zip_reader_skips_are_not_published(tmp_path, where):
    """A document's bytes outside its parts as the central directory lists
    them (an older copy of the file before it, data after it, the archive's
    comment) were published as they were when the listed parts had nothing
    to take out: an earlier core.xml naming its author was there for any
    unzip -F or text editor. Such a file is written again, its parts only."""
    from warta.documents import clean_document

    old = io.BytesIO()
    with zipfile.ZipFile(old, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("docProps/core.xml", CORE)
    clean = office_file(tmp_path / "sk.docx", {"word/document.xml": word_text()}).read_bytes()
    if where == "before":
        data = old.getvalue() + clean
    elif where == "after":
        data = clean + old.getvalue()[:-22]  # (its parts, not its end record)
    else:
        buffer = io.BytesIO(clean)
        with zipfile.ZipFile(buffer, "a") as archive:
            archive.comment = b"mkpenulis Budi"
        data = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as read:
        assert read.namelist() == ["word/document.xml"]
    published = clean_document(data, ".docx")
    assert [person for person in PEOPLE if person.encode() in published] == []
    with zipfile.ZipFile(io.BytesIO(published)) as read:
        assert read.namelist() == ["word/document.xml"]
        assert read.read("word/document.xml") == word_text().encode()


def test_office_custom_properties_that_name_a_person_are_taken_out(tmp_path):
    """File → Properties → Custom offers "Checked by", "Editor", "Owner",
    "Typist", "Recorded by", "Received from", "Forward to": each a person's
    name, published in docProps/custom.xml (or ODF's meta:user-defined),
    while the same property exported to a PDF's Info was taken out. They are
    taken out of the office file too. So are the properties staff name
    themselves ("Diperiksa oleh", "Konseptor"), which no list of names can
    tell from one naming no one ("Nomor SK"): every custom property goes."""
    from warta.documents import clean_document

    ct = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    presets = ("Checked by", "Editor", "Owner", "Typist", "Diperiksa oleh", "Konseptor")
    custom = (
        f'<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="{ct}" xmlns:vt="{vt}">'
        + "".join(
            f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" '
            f'name="{name}"><vt:lpwstr>mkpenulis Budi</vt:lpwstr></property>'
            for pid, name in enumerate(presets, start=2)
        )
        + '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="9" name="Nomor SK">'
        "<vt:lpwstr>12/2024</vt:lpwstr></property></Properties>"
    )
    meta = META.replace(
        "</office:meta>",
        '<meta:user-defined meta:name="Checked by">mkpengubah Sari</meta:user-defined>'
        '<meta:user-defined meta:name="Diperiksa oleh">mkpengubah Sari</meta:user-defined>'
        '<meta:user-defined meta:name="Nomor SK">12/2024</meta:user-defined></office:meta>',
    )
    for suffix, parts, part in (
        (
            ".docx",
            {"word/document.xml": word_text(), "docProps/custom.xml": custom},
            "docProps/custom.xml",
        ),
        (
            ".odt",
            {"mimetype": "application/vnd.oasis.opendocument.text", "meta.xml": meta},
            "meta.xml",
        ),
    ):
        data = office_file(tmp_path / f"sk{suffix}", parts).read_bytes()
        with zipfile.ZipFile(io.BytesIO(clean_document(data, suffix))) as published:
            kept = published.read(part)
        assert [person for person in PEOPLE if person.encode() in kept] == [], suffix
        assert b"Diperiksa" not in kept and b"12/2024" not in kept, suffix


def test_powerpoint_and_excel_lists_of_commenters_are_emptied(tmp_path):
    """PowerPoint (ppt/commentAuthors.xml, ppt/authors.xml) and Excel
    (xl/persons/person.xml) keep the names of everyone who commented, as
    Word's word/people.xml does; they were published with them."""
    from warta.documents import clean_document

    p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    p188 = "http://schemas.microsoft.com/office/powerpoint/2018/8/main"
    x = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
    lists = {
        ".pptx": {
            "ppt/commentAuthors.xml": (
                f'<p:cmAuthorLst xmlns:p="{p}"><p:cmAuthor id="0" name="mkpengubah Sari" '
                'initials="S" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>',
                f"{{{p}}}cmAuthorLst",
            ),
            "ppt/authors.xml": (
                f'<p188:authorLst xmlns:p188="{p188}"><p188:author id="{{1A2B}}" '
                'name="mkpengubah Sari" initials="S" userId="mkpengubah@example.go.id" '
                'providerId="AD"/></p188:authorLst>',
                f"{{{p188}}}authorLst",
            ),
        },
        ".xlsx": {
            "xl/persons/person.xml": (
                f'<personList xmlns="{x}"><person displayName="mkpengubah Sari" id="{{1A2B}}" '
                'userId="mkpengubah@example.go.id" providerId="AD"/></personList>',
                f"{{{x}}}personList",
            ),
        },
    }
    for suffix, parts in lists.items():
        written = {name: body for name, (body, _root) in parts.items()}
        data = office_file(tmp_path / f"dok{suffix}", written).read_bytes()
        with zipfile.ZipFile(io.BytesIO(clean_document(data, suffix))) as published:
            for name, (_body, root) in parts.items():
                emptied = ElementTree.fromstring(published.read(name))
                assert (emptied.tag, len(emptied)) == (root, 0), name


def xmp_packet(writer: PdfWriter, who: str):
    packet = DecodedStreamObject()
    packet.set_data(f"<x:xmpmeta><dc:creator>{who}</dc:creator></x:xmpmeta>".encode())
    packet[NameObject("/Type")] = NameObject("/Metadata")
    packet[NameObject("/Subtype")] = NameObject("/XML")
    return writer._add_object(packet)


def test_a_pdfs_page_and_image_metadata_are_taken_out_too(tmp_path):
    """Only the document's own XMP packet was taken out: a page or an image
    (XObject) with its own /Metadata naming its author was published."""
    from pypdf.generic import ArrayObject, DictionaryObject, NumberObject

    from warta.documents import clean_document

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    page[NameObject("/Metadata")] = xmp_packet(writer, "mkpenulis Budi")
    form = DecodedStreamObject()
    form.set_data(b"")
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject([NumberObject(n) for n in (0, 0, 10, 10)])
    form[NameObject("/Metadata")] = xmp_packet(writer, "mkpengubah Sari")
    resources = DictionaryObject({NameObject("/XObject"): DictionaryObject()})
    resources["/XObject"][NameObject("/Fm1")] = writer._add_object(form)
    page[NameObject("/Resources")] = resources
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    assert b"mkpenulis" in data and b"mkpengubah" in data
    cleaned = clean_document(data, ".pdf")
    assert b"mkpenulis" not in cleaned and b"mkpengubah" not in cleaned
    reader = PdfReader(io.BytesIO(cleaned))
    assert "/Metadata" not in reader.pages[0]
    assert "/Fm1" in reader.pages[0]["/Resources"]["/XObject"]
    assert clean_document(cleaned, ".pdf") == cleaned == clean_document(data, ".pdf")


def test_a_pdf_naming_its_author_with_an_escaped_name_is_cleaned(tmp_path):
    """`/Auth#6fr` is the name /Author written with an escape: the quick
    look for the bytes `/Author` missed it and the PDF was published as it
    was, its author readable by any PDF reader."""
    from warta.documents import clean_document

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Author": "mkpenulis Budi", "/Title": "Berita Acara"})
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue().replace(b"/Author (", b"/Auth#6fr (")
    assert b"/Author" not in data
    assert PdfReader(io.BytesIO(data)).metadata.author == "mkpenulis Budi"
    cleaned = clean_document(data, ".pdf")
    reader = PdfReader(io.BytesIO(cleaned))
    assert reader.metadata.author is None and reader.metadata.title == "Berita Acara"
    assert b"mkpenulis" not in cleaned


def test_a_pdf_protected_only_from_editing_is_refused_when_it_names_its_author(tmp_path):
    """A "secured" PDF (a password only to edit or print it, none to open
    it) was published as it was: every reader shows its /Author. It is not
    published, staff told to save it without protection; one that asks for a
    password to open it, or names no one, is published as it is."""
    from warta.documents import DocumentProblem, clean_document

    def encrypted(user: str, author: bool) -> bytes:
        writer = PdfWriter()
        writer.add_blank_page(595, 842)
        metadata = {"/Title": "Berita Acara"}
        if author:
            metadata["/Author"] = "mkpenulis Budi"
        writer.add_metadata(metadata)
        writer.encrypt(user_password=user, owner_password="rahasia", algorithm="RC4-128")
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    secured = encrypted("", author=True)
    assert PdfReader(io.BytesIO(secured)).metadata.author == "mkpenulis Budi"
    with pytest.raises(DocumentProblem, match="protected") as problem:
        clean_document(secured, ".pdf")
    assert "without protection" in problem.value.suggestion
    for kept in (encrypted("", author=False), encrypted("buka", author=True)):
        assert clean_document(kept, ".pdf") == kept


def pdf_objects_text(data: bytes) -> str:
    """Everything a PDF holds, as text, lower case: every object's
    dictionary and every stream decoded (an object stream's, a compressed
    XMP packet's), opened with the empty password when it is encrypted."""
    from pypdf.generic import IndirectObject, StreamObject

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    found = [repr(reader.trailer.get("/Info") and reader.trailer["/Info"].get_object())]
    numbers = {(n, g) for g, objects in reader.xref.items() for n in objects}
    numbers |= {(n, 0) for n in reader.xref_objStm}
    for number, generation in sorted(numbers):
        if number <= 0:
            continue
        item = reader.get_object(IndirectObject(number, generation, reader))
        found.append(repr(item))
        if isinstance(item, StreamObject):
            found.append(item.get_data().decode("latin-1"))
    return "\n".join(found).lower()


def written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def named_pdf(*, author: bool = True, **info: str) -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    metadata = {"/Title": "Berita Acara", **{f"/{k}": v for k, v in info.items()}}
    if author:
        metadata["/Author"] = "mkpenulis Budi"
    writer.add_metadata(metadata)
    return writer


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_an_aes_secured_pdf_is_refused_when_it_names_its_author(algorithm):
    """A "secured" PDF encrypted with AES (Acrobat's and Word's default; a
    password only to edit, none to open) could not be opened without the
    cryptography package: AES-256 was published as it was, its /Author shown
    by every reader. With the package pinned it is read as an RC4 one is:
    refused while it names its author, published as it is when it does not."""
    from warta.documents import DocumentProblem, clean_document

    def secured(author: bool) -> bytes:
        writer = named_pdf(author=author)
        writer.encrypt(user_password="", owner_password="rahasia", algorithm=algorithm)
        return written(writer)

    data = secured(author=True)
    assert "mkpenulis" in pdf_objects_text(data)
    with pytest.raises(DocumentProblem, match="protected") as problem:
        clean_document(data, ".pdf")
    assert "without protection" in problem.value.suggestion
    anonymous = secured(author=False)
    assert clean_document(anonymous, ".pdf") == anonymous


def test_an_aes_pdf_the_site_cannot_open_is_refused_not_published(tmp_path):
    """Where pypdf lacks the cryptography package (an environment installed
    without the pins), an AES-256 PDF was published as it was, unread. It is
    one problem: not published."""
    import subprocess
    import sys

    writer = named_pdf()
    writer.encrypt(user_password="", owner_password="rahasia", algorithm="AES-256")
    path = tmp_path / "ba.pdf"
    path.write_bytes(written(writer))
    script = (
        "import sys; sys.modules['cryptography'] = None\n"  # the package absent
        "from pathlib import Path\n"
        "from warta.documents import DocumentProblem, clean_document\n"
        "try:\n"
        f"    clean_document(Path({str(path)!r}).read_bytes(), '.pdf')\n"
        "except DocumentProblem as problem:\n"
        "    print('refused:', problem)\n"
        "else:\n"
        "    print('published')\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("refused: it is protected in a way the site cannot open")


def signed_pdf(author: bool) -> bytes:
    """A PDF with a signature field (its /SigFlags and a /Sig field), as a
    signing tool leaves it."""
    from pypdf.generic import ArrayObject, DictionaryObject, NumberObject, TextStringObject

    writer = named_pdf(author=author)
    field = DictionaryObject(
        {
            NameObject("/FT"): NameObject("/Sig"),
            NameObject("/T"): TextStringObject("Tanda Tangan Ketua"),
        }
    )
    form = DictionaryObject(
        {
            NameObject("/Fields"): ArrayObject([writer._add_object(field)]),
            NameObject("/SigFlags"): NumberObject(3),
        }
    )
    writer._root_object[NameObject("/AcroForm")] = writer._add_object(form)
    return written(writer)


def test_a_signed_pdf_naming_its_author_is_refused_and_one_naming_no_one_left_whole():
    """A signed PDF was published as it was, its /Author with it (written
    again, its signature would no longer verify). The site must not publish a
    name staff did not mean to: it is refused, staff told to publish an
    unsigned copy or take the author out before signing; one that names no
    one is published as it is, its signature intact."""
    from warta.documents import DocumentProblem, clean_document

    with pytest.raises(DocumentProblem, match="digitally signed") as problem:
        clean_document(signed_pdf(author=True), ".pdf")
    assert "unsigned copy" in problem.value.suggestion
    anonymous = signed_pdf(author=False)
    assert clean_document(anonymous, ".pdf") == anonymous


def annotated_pdf(*annotations: dict) -> bytes:
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, TextStringObject

    writer = named_pdf(author=False)
    page = writer.pages[0]
    made = []
    for fields in annotations:
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (50, 550, 200, 650)]),
            }
        )
        for key, value in fields.items():
            annotation[NameObject(key)] = (
                NameObject(value) if value.startswith("/") else TextStringObject(value)
            )
        made.append(writer._add_object(annotation))
    page[NameObject("/Annots")] = ArrayObject(made)
    return written(writer)


def test_an_annotations_author_is_taken_out_and_a_marks_note_is_refused():
    """A highlight, a stamp or a drawn box keeps who made it (/T) and its
    subject line (/Subj): published as they were, the reviewer's name with
    them. They are taken out (the mark stays); a mark with a note of its own
    (/Contents, /RC) or a reply (/IRT) is a review comment and refused, as a
    Word file's comments are; a form field keeps its name (its /T)."""
    from warta.documents import DocumentProblem, clean_document

    marked = annotated_pdf(
        {"/Subtype": "/Highlight", "/T": "mkpenulis Budi", "/Subj": "mkcatatan cek"},
        {"/Subtype": "/Square", "/T": "mkpenulis Budi"},
        {"/Subtype": "/Widget", "/FT": "/Tx", "/T": "nomor_sk"},
    )
    cleaned = clean_document(marked, ".pdf")
    assert "mkpenulis" not in pdf_objects_text(cleaned)
    assert "mkcatatan" not in pdf_objects_text(cleaned)
    kept = [a.get_object() for a in PdfReader(io.BytesIO(cleaned)).pages[0]["/Annots"]]
    assert [a["/Subtype"] for a in kept] == ["/Highlight", "/Square", "/Widget"]
    assert kept[2]["/T"] == "nomor_sk"
    for review in (
        {"/Subtype": "/Highlight", "/T": "mkpenulis", "/Contents": "mkcatatan ganti"},
        {"/Subtype": "/Square", "/RC": "<body>mkcatatan</body>"},
        {"/Subtype": "/Line", "/IRT": "balasan"},
    ):
        with pytest.raises(DocumentProblem, match="it keeps comments"):
            clean_document(annotated_pdf(review), ".pdf")


def test_a_pdfs_other_names_and_attached_files_do_not_reach_the_site():
    """What a PDF maker copies into the Info dictionary beside /Author (the
    company, the manager, the document's custom properties such as an
    e-mail review's sender), and an application's private data (/PieceInfo,
    Illustrator's whole document), were published. They are left out; the
    title, subject and keywords stay. A PDF with attached files (a Word
    file inside, with its own author and comments) is refused."""
    from pypdf.generic import DictionaryObject, TextStringObject

    from warta.documents import DocumentProblem, clean_document

    writer = named_pdf(
        author=False,
        Company="mkpenulis Laptop",
        Manager="mkpenulis Andi",
        _AuthorEmail="mkpenulis@example.go.id",
        Subject="Penetapan",
    )
    private = DictionaryObject({NameObject("/Illustrator"): TextStringObject("mkpenulis Budi")})
    writer.pages[0][NameObject("/PieceInfo")] = private
    cleaned = clean_document(written(writer), ".pdf")
    assert "mkpenulis" not in pdf_objects_text(cleaned)
    metadata = PdfReader(io.BytesIO(cleaned)).metadata
    assert (metadata.title, metadata.subject) == ("Berita Acara", "Penetapan")
    attached = named_pdf(author=False)
    attached.add_attachment("sk-draf.docx", docx_bytes())
    with pytest.raises(DocumentProblem, match="attached files"):
        clean_document(written(attached), ".pdf")


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("docProps/core.xml", CORE)
    return out.getvalue()


def test_pdfs_naming_people_reach_no_public_build_cold_or_warm(site):
    """On a public build, cold and warm: a PDF whose annotations and Info
    name people is published without them; a secured (AES) and a signed one
    naming their author are one error each and not published; no output
    file holds a name, the PDFs read object by object."""
    newsroom(site)
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ditandai.pdf").write_bytes(
        annotated_pdf({"/Subtype": "/Highlight", "/T": "mkpenulis Budi"})
    )
    secured = named_pdf(Company="mkpenulis Laptop")
    secured.encrypt(user_password="", owner_password="rahasia", algorithm="AES-256")
    (folder / "aman.pdf").write_bytes(written(secured))
    (folder / "ttd.pdf").write_bytes(signed_pdf(author=True))
    names = ("ditandai.pdf", "aman.pdf", "ttd.pdf")
    links = "\n\n".join(f"[Unduh {name}]({{static}}/images/2024/{name})" for name in names)
    site.article(
        "ba.md",
        slug="berita-acara",
        body=f"PALEMBANG – Bawaslu Kota Palembang menerbitkan berita acara.\n\n{links}",
    )
    output, cache = site.output, site.root / "cache"
    for build in ("cold", "warm"):
        built = public_build(site, output, cache)
        errors = sorted((f.path.rsplit("/", 1)[-1], f.message) for f in built.findings("error"))
        assert [(name, message.split(",")[0]) for name, message in errors] == [
            ("aman.pdf", "document not published"),
            ("ttd.pdf", "document not published"),
        ], (build, built.log)
        assert "digitally signed" in errors[1][1] and "protected" in errors[0][1], build
        assert not (output / "images/2024/aman.pdf").exists(), build
        assert not (output / "images/2024/ttd.pdf").exists(), build
        published = output / "images/2024/ditandai.pdf"
        assert "mkpenulis" not in pdf_objects_text(published.read_bytes()), build
        assert leaked(output, "mkpenulis") == [], build
        assert zipped_leaks(output, "mkpenulis") == [], build


def exif_jpeg(who: str) -> bytes:
    """A small JPEG whose EXIF names its photographer and where it was taken."""
    from PIL import Image

    image = Image.new("RGB", (32, 24), (200, 120, 40))
    exif = Image.Exif()
    exif[0x013B] = who  # Artist
    exif[0x8825] = {1: "S", 2: (2.0, 59.0, 30.0), 3: "E", 4: (104.0, 45.0, 10.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_pictures_inside_an_office_document_are_published_without_their_exif(site):
    """A photo pasted into a Word file keeps its EXIF (the photographer, the
    GPS place), and so can the document's thumbnail; a sensitivity label
    names its owner's e-mail in docProps/custom.xml. The site strips photos
    it publishes, but published these inside the .docx as they were. On a
    public build, cold and warm, no part of the published copy holds them;
    the pictures are still there and still pictures."""
    from PIL import Image

    newsroom(site)
    folder = site.content / "images" / "2024"
    label = CUSTOM.replace(
        "</Properties>",
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" '
        'name="MSIP_Label_0b1c2d3e-aaaa-bbbb-cccc-1234567890ab_Owner">'
        "<vt:lpwstr>mklabel@example.go.id</vt:lpwstr></property></Properties>",
    )
    path = office_file(
        folder / "sk-foto.docx",
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": word_text(),
            "docProps/custom.xml": label,
        },
    )
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/media/image1.jpeg", exif_jpeg("mkfotografer Budi"))
        archive.writestr("docProps/thumbnail.jpeg", exif_jpeg("mkfotografer Sari"))
    site.article(
        "sk.md",
        slug="penetapan-pengawas",
        body="PALEMBANG – Bawaslu Kota Palembang menetapkan pengawas TPS.\n\n"
        "[Unduh SK]({static}/images/2024/sk-foto.docx)",
    )
    output, cache = site.output, site.root / "cache"
    for build in ("cold", "warm"):
        built = public_build(site, output, cache)
        assert built.returncode == 0, built.log
        assert zipped_leaks(output, "mkfotografer", "mklabel") == [], build
        with zipfile.ZipFile(output / "images/2024/sk-foto.docx") as published:
            for name in ("word/media/image1.jpeg", "docProps/thumbnail.jpeg"):
                with Image.open(io.BytesIO(published.read(name))) as picture:
                    assert (picture.format, picture.size) == ("JPEG", (32, 24)), build
                    assert not picture.getexif(), (build, name)
            assert b"<vt:lpwstr>" not in published.read("docProps/custom.xml"), build


WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" mc:Ignorable="x15 xr6"><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\mkakun.budi\\Documents\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent><sheets><sheet name="Rekap" sheetId="1"/></sheets></workbook>"""  # noqa: E501


def test_where_a_file_was_saved_on_the_staffers_computer_is_taken_out(tmp_path):
    """Three places a document keeps the folder it was saved in, with the
    staffer's account name: Excel's workbook (`x15ac:absPath`), an ODF file's
    template (`meta:template`), and a PDF's title as a PDF printer writes
    it ("Microsoft Word - C:\\Users\\…"). Each keeps only the file name; the
    rest of Excel's part is as it was, byte for byte (its mc:Ignorable names
    namespaces no element uses)."""
    from warta.documents import clean_document

    xlsx = office_file(tmp_path / "rekap.xlsx", {"xl/workbook.xml": WORKBOOK}).read_bytes()
    with zipfile.ZipFile(io.BytesIO(clean_document(xlsx, ".xlsx"))) as published:
        workbook = published.read("xl/workbook.xml")
    assert b"mkakun" not in workbook
    assert workbook == WORKBOOK.encode().replace(
        b'<x15ac:absPath url="C:\\Users\\mkakun.budi\\Documents\\" xmlns:x15ac="http://'
        b'schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/>',
        b"",
    )
    meta = META.replace(
        "</office:meta>",
        '<meta:template xmlns:xlink="http://www.w3.org/1999/xlink" xlink:type="simple" '
        'xlink:href="../../../home/mkakun/Templates/Surat Bawaslu.ott" '
        'xlink:title="Surat Bawaslu"/></office:meta>',
    )
    odt = office_file(tmp_path / "ba.odt", {"meta.xml": meta}).read_bytes()
    with zipfile.ZipFile(io.BytesIO(clean_document(odt, ".odt"))) as published:
        root = ElementTree.fromstring(published.read("meta.xml"))
    template = root.find(".//{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}template")
    assert template.get("{http://www.w3.org/1999/xlink}href") == "Surat Bawaslu.ott"
    printed = named_pdf(author=False)
    printed.add_metadata(
        {"/Title": "Microsoft Word - C:\\Users\\mkakun Budi\\Documents\\sk draf.docx"}
    )
    cleaned = clean_document(written(printed), ".pdf")
    assert "mkakun" not in pdf_objects_text(cleaned)
    assert PdfReader(io.BytesIO(cleaned)).metadata.title == "Microsoft Word - sk draf.docx"


@pytest.mark.parametrize(("name", "newer"), [("rekap.xlsb", ".xlsx"), ("ba.fodt", ".odt")])
def test_a_binary_workbook_or_a_flat_odf_file_is_refused_not_published_as_it_is(name, newer):
    """Excel's binary workbook (a zip whose docProps/core.xml names the
    author, its comments in binary parts) and ODF's flat XML (`.fodt`, its
    `<office:meta>` inside) were published as they were: no cleaner knew
    their names. Each is refused, with the format to save in."""
    from warta.documents import DocumentProblem, clean_document, is_document

    if name.endswith(".xlsb"):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("docProps/core.xml", CORE)
        data = out.getvalue()
    else:
        data = META.replace("office:document-meta", "office:document").encode()
    assert is_document(name)
    with pytest.raises(DocumentProblem, match="cannot take its authors' names") as problem:
        clean_document(data, Path(name).suffix)
    assert problem.value.suggestion.startswith(f"save it as {newer}")


def test_a_document_embedded_in_another_is_cleaned_or_refused(tmp_path):
    """A spreadsheet pasted into Word as an object is a whole .xlsx inside
    the .docx (word/embeddings/…), with its own author, last editor and
    comments; an ODF file's object its own `Object 1/meta.xml`. They were
    published as they were. The embedded document is cleaned as any other
    (its comments refuse the whole file); an OLE object (`oleObject1.bin`),
    which cannot be, is refused."""
    from warta.documents import DocumentProblem, clean_document

    inner = office_file(
        tmp_path / "inner.xlsx", {"docProps/core.xml": CORE, "xl/workbook.xml": "<workbook/>"}
    ).read_bytes()
    outer = office_file(tmp_path / "sk.docx", {"word/document.xml": word_text()})
    with zipfile.ZipFile(outer, "a") as archive:
        archive.writestr("word/embeddings/Microsoft_Excel_Worksheet.xlsx", inner)
    cleaned = clean_document(outer.read_bytes(), ".docx")
    with zipfile.ZipFile(io.BytesIO(cleaned)) as published:
        embedded = published.read("word/embeddings/Microsoft_Excel_Worksheet.xlsx")
    assert zipped_bytes_hold(embedded, *PEOPLE) == []
    with zipfile.ZipFile(io.BytesIO(embedded)) as workbook:
        assert b"SK Penetapan Pengawas TPS" in workbook.read("docProps/core.xml")
    commented = office_file(
        tmp_path / "komentar.xlsx",
        {
            "xl/workbook.xml": "<workbook/>",
            "xl/comments1.xml": '<comments><commentList><comment ref="A1">'
            "<text>mkcatatan</text></comment></commentList></comments>",
        },
    ).read_bytes()
    for part, body, reason in (
        ("word/embeddings/komentar.xlsx", commented, "its embedded object .* keeps comments"),
        ("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0 mkpenulis", "embedded object"),
    ):
        path = office_file(tmp_path / "x" / part.rsplit("/", 1)[-1] / "sk.docx", {})
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr("word/document.xml", word_text())
            archive.writestr(part, body)
        with pytest.raises(DocumentProblem, match=reason):
            clean_document(path.read_bytes(), ".docx")
    odt = office_file(
        tmp_path / "ba.odt",
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "meta.xml": META,
            "Object 1/meta.xml": META,
            "Object 1/content.xml": '<office:document-content xmlns:office="urn:oasis:'
            'names:tc:opendocument:xmlns:office:1.0"/>',
        },
    ).read_bytes()
    assert zipped_bytes_hold(clean_document(odt, ".odt"), *PEOPLE) == []


def test_an_odf_files_ole_object_is_refused(tmp_path):
    """An Excel sheet pasted into LibreOffice Writer as an OLE object is kept
    in the .odt as `Object 2`, a compound file with its own author and last
    editor (its SummaryInformation); it was published as it was, where a
    .docx's oleObject1.bin is refused. It is refused too."""
    from warta.documents import DocumentProblem, clean_document

    odt = office_file(
        tmp_path / "ba.odt",
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "meta.xml": META.replace("mk", "xx"),
        },
    )
    with zipfile.ZipFile(odt, "a") as archive:
        archive.writestr("Object 2", OLE_SIGNATURE + b" mkpenulis Budi")
    data = odt.read_bytes()
    assert zipfile.ZipFile(io.BytesIO(data)).read("Object 2").startswith(OLE_SIGNATURE)
    with pytest.raises(DocumentProblem, match=r"embedded object \('Object 2'\)") as problem:
        clean_document(data, ".odt")
    assert "Paste Special" in problem.value.suggestion


OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_a_linked_files_path_on_the_staffers_computer_is_taken_out(tmp_path):
    """A workbook linked to another (a budget's totals from Anggaran.xlsx), or
    a document linking a file on the staffer's computer, keeps that file's
    path in its relationships ('file:///C:\\Users\\mkpenulis.budi\\…'), the
    account name with it; it was published so. Such a link keeps the file's
    name only, as Word's template does; a web link is kept whole."""
    from warta.documents import clean_document

    rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    local = "file:///C:\\Users\\mkpenulis.budi\\Documents\\Anggaran.xlsx"
    relations = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{rels}">'
        f'<Relationship Id="rId1" Type="{kind}/externalLinkPath" Target="{local}" '
        'TargetMode="External"/>'
        f'<Relationship Id="rId2" Type="{kind}/hyperlink" '
        'Target="https://bawaslu.go.id/id/berita" TargetMode="External"/></Relationships>'
    )
    part = "xl/externalLinks/_rels/externalLink1.xml.rels"
    data = office_file(
        tmp_path / "anggaran.xlsx", {"xl/workbook.xml": "<workbook/>", part: relations}
    ).read_bytes()
    with zipfile.ZipFile(io.BytesIO(clean_document(data, ".xlsx"))) as published:
        root = ElementTree.fromstring(published.read(part))
    targets = {r.get("Id"): r.get("Target") for r in root}
    assert targets == {"rId1": "Anggaran.xlsx", "rId2": "https://bawaslu.go.id/id/berita"}


def test_an_odf_files_links_to_the_staffers_folders_keep_the_file_name_only(tmp_path):
    """A Writer document with a linked (not embedded) picture or section keeps
    the file's path in content.xml (`xlink:href="file:///home/mkakun.budi/…"`,
    or relative to where it was saved, `../../mkakun.budi/Gambar/…`, a slash
    written `&#47;` too); it was published so. Such a link keeps the file's
    name only; links inside the package, to the text and to the web stay, and
    the namespaces used only in values (a formula's `of:`) are kept."""
    from warta.documents import clean_document

    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:xl="http://www.w3.org/1999/xlink" '
        'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"'
    )
    links = {
        "a": "file:///home/mkakun.budi/Gambar/peta.png",
        "b": "../../mkakun.budi/Dokumen/bagian.odt",
        "c": "file:&#47;&#47;&#47;C:&#47;Users&#47;mkakun.budi&#47;x.png",
        "d": "Pictures/1000000.png",
        "e": "https://bawaslu.go.id/peta.png",
        "f": "#Bagian1",
    }
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
        "<office:body><office:text>"
        + "".join(
            f'<draw:image draw:name="{key}" xl:href="{href}" xl:type="simple"/>'
            for key, href in links.items()
        )
        + "</office:text></office:body></office:document-content>"
    )
    data = office_file(
        tmp_path / "ba.odt",
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content},
    ).read_bytes()
    with zipfile.ZipFile(io.BytesIO(clean_document(data, ".odt"))) as published:
        kept = published.read("content.xml")
    root = ElementTree.fromstring(kept)
    draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    found = {
        image.get(f"{{{draw}}}name"): image.get("{http://www.w3.org/1999/xlink}href")
        for image in root.iter(f"{{{draw}}}image")
    }
    assert found == {
        "a": "peta.png",
        "b": "bagian.odt",
        "c": "x.png",
        "d": "Pictures/1000000.png",
        "e": "https://bawaslu.go.id/peta.png",
        "f": "#Bagian1",
    }
    assert b"mkakun" not in kept
    assert b'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"' in kept


@pytest.mark.parametrize("suffix", [".docm", ".xlsm", ".pptm"])
def test_a_document_with_macros_is_refused(tmp_path, suffix):
    """A macro-enabled document keeps its VBA project (vbaProject.bin, a
    compound file): the macros' code, and the project's references by path
    ('C:\\Users\\mkpenulis.budi\\AppData\\Roaming\\Microsoft\\Templates\\
    Normal.dotm'), the account name in it. It was published as it was; it is
    refused, with the macro-free format to save it in."""
    from warta.documents import DocumentProblem, clean_document

    folder = {".docm": "word", ".xlsm": "xl", ".pptm": "ppt"}[suffix]
    path = office_file(tmp_path / f"sk{suffix}", {f"{folder}/document.xml": word_text()})
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(
            f"{folder}/vbaProject.bin",
            OLE_SIGNATURE + b"C:\\Users\\mkpenulis.budi\\AppData\\Normal.dotm",
        )
    with pytest.raises(DocumentProblem, match="macros") as problem:
        clean_document(path.read_bytes(), suffix)
    assert suffix[:-1] + "x" in problem.value.suggestion


def zipped_bytes_hold(data: bytes, *markers: str) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [
            f"{name}: {marker}"
            for name in archive.namelist()
            for marker in markers
            if marker.encode() in archive.read(name).lower()
        ]


P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def notes_slide(words: str) -> str:
    """A notes page: the slide number every page shows, and its notes."""
    return (
        f'<p:notes xmlns:p="{P}" xmlns:a="{A}"><p:cSld><p:spTree>'
        '<p:sp><p:nvSpPr><p:cNvPr id="4" name="Slide Number"/><p:cNvSpPr/><p:nvPr>'
        '<p:ph type="sldNum"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:fld type="slidenum">'
        "<a:t>1</a:t></a:fld></a:p></p:txBody></p:sp>"
        '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr/><p:nvPr>'
        f'<p:ph type="body"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>{words}</a:t>'
        "</a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:notes>"
    )


def test_hidden_text_sheets_slides_and_speaker_notes_are_refused(tmp_path):
    """What an office file keeps out of sight is in the file for anyone who
    opens it: a paragraph formatted Hidden in Word ("jangan dimuat dulu"), a
    hidden sheet of Excel (the list of names behind a recap), a hidden slide,
    the presenter's notes. Each was published. Each refuses the document,
    naming what it keeps, with the Document Inspector to remove it; a notes
    page with only its slide number, or a run whose Hidden is off, is none."""
    from warta.documents import DocumentProblem, clean_document

    hidden_run = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>mkcatatan jangan dimuat</w:t></w:r>"
    shown_run = '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>Menetapkan</w:t></w:r>'
    workbook = (
        f'<workbook xmlns="{"http://schemas.openxmlformats.org/spreadsheetml/2006/main"}">'
        '<sheets><sheet name="Rekap" sheetId="1"/><sheet name="Nama" sheetId="2" '
        'state="hidden"/></sheets></workbook>'
    )
    cases = {
        "hidden text": ("sk.docx", {"word/document.xml": word_text(hidden_run)}),
        "hidden sheets": ("rekap.xlsx", {"xl/workbook.xml": workbook}),
        "hidden slides": (
            "paparan.pptx",
            {"ppt/slides/slide2.xml": f'<p:sld xmlns:p="{P}" show="0"/>'},
        ),
        "speaker notes": (
            "paparan.pptx",
            {"ppt/notesSlides/notesSlide1.xml": notes_slide("mkcatatan sebut angka")},
        ),
    }
    for what, (name, parts) in cases.items():
        data = office_file(tmp_path / what / name, parts).read_bytes()
        with pytest.raises(DocumentProblem, match=f"^it keeps {what}$") as problem:
            clean_document(data, Path(name).suffix)
        assert "Inspect Document" in problem.value.suggestion
    for name, parts in (
        ("sk.docx", {"word/document.xml": word_text(shown_run)}),
        ("paparan.pptx", {"ppt/notesSlides/notesSlide1.xml": notes_slide("")}),
    ):
        data = office_file(tmp_path / "kept" / name, parts).read_bytes()
        assert clean_document(data, Path(name).suffix) == data


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"'
)


def test_odf_hidden_text_sheets_and_speaker_notes_are_refused(tmp_path):
    """LibreOffice's hidden paragraphs and sections, a hidden sheet of Calc
    and an Impress page's notes, as Word's, Excel's and PowerPoint's: each
    refuses the document, naming what it keeps."""
    from warta.documents import DocumentProblem, clean_document

    bodies = {
        "hidden text": (
            ".odt",
            '<text:p><text:hidden-paragraph text:condition="ooow:1" '
            'text:is-hidden="true"/>mkcatatan jangan dimuat</text:p>',
        ),
        "hidden text ": (
            ".odt",
            '<text:section text:name="S" text:display="none"><text:p>mkcatatan</text:p>'
            "</text:section>",
        ),
        "hidden sheets": (
            ".ods",
            '<office:automatic-styles><style:style style:name="ta2" style:family="table">'
            '<style:table-properties table:display="false"/></style:style>'
            '</office:automatic-styles><table:table table:name="Nama" table:style-name="ta2"/>',
        ),
        "speaker notes": (
            ".odp",
            '<presentation:notes><draw:frame presentation:class="notes"><draw:text-box>'
            "<text:p>mkcatatan sebut angka</text:p></draw:text-box></draw:frame>"
            "</presentation:notes>",
        ),
    }
    for what, (suffix, body) in bodies.items():
        data = office_file(
            tmp_path / what / f"berkas{suffix}",
            {"content.xml": f"<office:document-content {ODF_NS}>{body}</office:document-content>"},
        ).read_bytes()
        with pytest.raises(DocumentProblem, match=f"^it keeps {what.strip()}$"):
            clean_document(data, suffix)


def test_an_author_left_in_an_earlier_revision_is_taken_out_too():
    """Acrobat saves by appending: the author deleted in File → Properties,
    the old Info dictionary stays in the file's bytes, the last revision
    naming no one. Such a PDF was published as it was, its author readable
    with any text editor. It is written again without the old revision."""
    from warta.documents import clean_document

    first = written(named_pdf())
    writer = PdfWriter(io.BytesIO(first), incremental=True)
    writer.add_metadata({"/Title": "Berita Acara"})
    del writer._info[NameObject("/Author")]
    saved = written(writer)
    assert PdfReader(io.BytesIO(saved)).metadata.author is None
    assert b"mkpenulis" in saved  # the earlier revision
    cleaned = clean_document(saved, ".pdf")
    assert b"mkpenulis" not in cleaned
    assert PdfReader(io.BytesIO(cleaned)).metadata.title == "Berita Acara"


def test_a_signed_pdf_whose_metadata_names_no_one_is_published_whole():
    """The XMP packet every Word export carries (programs and dates) names
    no one: a signed PDF with only that is published as it is; one whose
    packet names its creator is refused."""
    from pypdf.generic import StreamObject

    from warta.documents import DocumentProblem, clean_document

    def signed_with(packet: bytes) -> bytes:
        reader = PdfReader(io.BytesIO(signed_pdf(author=False)))
        writer = PdfWriter(clone_from=reader)
        xmp = DecodedStreamObject()
        xmp.set_data(packet)
        xmp[NameObject("/Type")] = NameObject("/Metadata")
        writer._root_object[NameObject("/Metadata")] = writer._add_object(xmp)
        assert isinstance(xmp, StreamObject)
        return written(writer)

    programs = signed_with(
        b'<x:xmpmeta><rdf:Description pdf:Producer="Microsoft Word">'
        b"<xmp:CreatorTool>Microsoft Word</xmp:CreatorTool><dc:creator><rdf:Seq/>"
        b"</dc:creator></rdf:Description></x:xmpmeta>"
    )
    assert clean_document(programs, ".pdf") == programs
    creator = signed_with(
        b"<x:xmpmeta><dc:creator><rdf:Seq><rdf:li>mkpenulis Budi</rdf:li></rdf:Seq>"
        b"</dc:creator></x:xmpmeta>"
    )
    with pytest.raises(DocumentProblem, match="digitally signed"):
        clean_document(creator, ".pdf")


def test_a_signed_pdf_whose_earlier_revision_names_its_creator_in_xmp_is_refused():
    """A signed PDF with no Info /Author (PDF 2.0 has none) whose creator
    was deleted from its XMP packet by saving again (appended): the earlier
    packet, still in the file's bytes, names the creator. It was published
    as it was (only the last revision's packet was read); it is refused as
    a signed PDF naming its creator is."""
    from pypdf.generic import DecodedStreamObject as Packet

    from warta.documents import DocumentProblem, clean_document

    def with_packet(writer: PdfWriter, packet: bytes) -> None:
        xmp = Packet()
        xmp.set_data(packet)
        xmp[NameObject("/Type")] = NameObject("/Metadata")
        writer._root_object[NameObject("/Metadata")] = writer._add_object(xmp)

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(signed_pdf(author=False))))
    with_packet(
        writer,
        b"<x:xmpmeta><dc:creator><rdf:Seq><rdf:li>mkpenulis Budi</rdf:li></rdf:Seq>"
        b"</dc:creator></x:xmpmeta>",
    )
    update = PdfWriter(io.BytesIO(written(writer)), incremental=True)
    with_packet(update, b"<x:xmpmeta><xmp:CreatorTool>Microsoft Word</xmp:CreatorTool></x:xmpmeta>")
    saved = written(update)
    last = PdfReader(io.BytesIO(saved)).trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"mkpenulis" not in last and b"mkpenulis" in saved  # the earlier revision
    with pytest.raises(DocumentProblem, match="digitally signed"):
        clean_document(saved, ".pdf")


def test_a_review_note_deleted_by_saving_again_is_taken_out_or_refused_when_signed():
    """A reviewer's sticky note (its writer in /T, its words in /Contents)
    deleted and the PDF saved again by appending, as Acrobat saves: the note
    stays in the earlier revision's bytes. With no /Author or XMP in the file
    it was published as it was; it is written again without the earlier
    revision, and a signed one (which cannot be) is refused."""
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, TextStringObject

    from warta.documents import DocumentProblem, clean_document

    note = {"/Subtype": "/Text", "/T": "mkpengubah Sari", "/Contents": "mkcatatan jangan disebar"}

    def deleted(data: bytes) -> bytes:
        update = PdfWriter(io.BytesIO(data), incremental=True)
        del update.pages[0][NameObject("/Annots")]
        saved = written(update)
        assert "/Annots" not in PdfReader(io.BytesIO(saved)).pages[0]
        assert b"mkpengubah" in saved  # the earlier revision
        return saved

    cleaned = clean_document(deleted(annotated_pdf(note)), ".pdf")
    assert [person for person in PEOPLE if person.encode() in cleaned] == []
    assert PdfReader(io.BytesIO(cleaned)).metadata.title == "Berita Acara"

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(signed_pdf(author=False))))
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (50, 550, 200, 650)]),
            NameObject("/Subtype"): NameObject("/Text"),
            NameObject("/T"): TextStringObject(note["/T"]),
            NameObject("/Contents"): TextStringObject(note["/Contents"]),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    with pytest.raises(DocumentProblem, match="digitally signed"):
        clean_document(deleted(written(writer)), ".pdf")


def test_a_secured_pdf_with_its_author_in_an_earlier_revision_is_refused():
    """A secured PDF saved again by appending, its author deleted from the
    last revision: the earlier one, in the file and opened by the same empty
    password, still names the author. It was published as it was; it is
    refused as a secured PDF naming its author is."""
    from warta.documents import DocumentProblem, clean_document

    writer = named_pdf()
    writer.encrypt(user_password="", owner_password="rahasia", algorithm="AES-128")
    update = PdfWriter(io.BytesIO(written(writer)), incremental=True)
    del update._info[NameObject("/Author")]
    update._info[NameObject("/Title")] = update._info["/Title"]  # the Info is updated
    saved = written(update)
    reader = PdfReader(io.BytesIO(saved))
    reader.decrypt("")
    assert "/Author" not in reader.metadata
    with pytest.raises(DocumentProblem, match="protected"):
        clean_document(saved, ".pdf")


def test_a_document_servers_names_of_people_are_refused(tmp_path):
    """A file from SharePoint or OneDrive keeps the server's columns in
    customXml/item1.xml, its owner's or last editor's name and account
    among them. Published as it was; refused, with the Document Inspector to
    remove them. A custom XML part naming no one (a content control's data)
    is kept."""
    from warta.documents import DocumentProblem, clean_document

    server = (
        '<p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties">'
        "<documentManagement><Owner><UserInfo><DisplayName>mkpenulis Budi</DisplayName>"
        "<AccountId>12</AccountId></UserInfo></Owner></documentManagement></p:properties>"
    )
    data = office_file(
        tmp_path / "a" / "sk.docx",
        {"word/document.xml": word_text(), "customXml/item1.xml": server},
    ).read_bytes()
    with pytest.raises(DocumentProblem, match="a document server's names of people") as problem:
        clean_document(data, ".docx")
    assert "Inspect Document" in problem.value.suggestion
    bound = office_file(
        tmp_path / "b" / "sk.docx",
        {
            "word/document.xml": word_text(),
            "customXml/item1.xml": "<data><NomorSK>12/2024</NomorSK><DisplayName/></data>",
        },
    ).read_bytes()
    assert clean_document(bound, ".docx") == bound


def test_an_archive_of_documents_is_refused_on_a_public_build(site):
    """`lampiran.zip` holding the SK as a .docx was published as it was:
    the documents inside with their authors and comments. On a public build,
    cold and warm, it is one error naming the file and not published."""
    newsroom(site)
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    inner = docx(site.root / "sk.docx", comments=True).read_bytes()
    with zipfile.ZipFile(folder / "lampiran.zip", "w") as archive:
        archive.writestr("sk.docx", inner)
    site.article(
        "sk.md",
        slug="penetapan-pengawas",
        body="PALEMBANG – Bawaslu Kota Palembang menetapkan pengawas TPS.\n\n"
        "[Unduh lampiran]({static}/images/2024/lampiran.zip)",
    )
    output, cache = site.output, site.root / "cache"
    for build in ("cold", "warm"):
        built = public_build(site, output, cache)
        errors = [(f.path, f.message) for f in built.findings("error")]
        assert errors == [
            (
                f"{site.content.name}/images/2024/lampiran.zip",
                "document not published, the site cannot take the authors' names, comments "
                "and tracked changes out of the documents in a .zip archive: 'lampiran.zip' "
                "(upload each document on its own (a PDF, .docx, .xlsx …) and link each)",
            )
        ], (build, built.log)
        assert not (output / "images/2024/lampiran.zip").exists(), build
        assert zipped_leaks(output, *PEOPLE) == [], build


def test_the_cms_offers_no_archive_as_a_document_it_publishes():
    """The CMS's media library takes the documents the build publishes
    (`document_suffixes`): an archive, refused by the build, is not one."""
    from plugins.cms.config import CmsInputs, warta_data

    data = warta_data(
        CmsInputs(
            site_name="Bawaslu",
            rubrik=("Berita",),
            title_min=20,
            title_max=120,
            summary_min=60,
            summary_max=300,
        )
    )
    assert ".pdf" in data["document_suffixes"] and ".docx" in data["document_suffixes"]
    assert not {".zip", ".rar", ".7z"} & set(data["document_suffixes"])
    assert data["legacy_suffixes"][".xlsb"] == ".xlsx"


def _hidden_layer(writer: PdfWriter, state: str, base: str | None = None) -> None:
    """One layer, listed in the default view's `state` list (/ON or /OFF);
    with `base`, the view's /BaseState (/OFF: every layer not in /ON is off)."""
    from pypdf.generic import ArrayObject, DictionaryObject, TextStringObject

    layer = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/OCG"),
                NameObject("/Name"): TextStringObject("Draf mkrahasia"),
            }
        )
    )
    view = DictionaryObject({NameObject(state): ArrayObject([layer])})
    if base is not None:
        view[NameObject("/BaseState")] = NameObject(base)
    writer._root_object[NameObject("/OCProperties")] = DictionaryObject(
        {NameObject("/OCGs"): ArrayObject([layer]), NameObject("/D"): view}
    )


def _hidden_by_base_state(writer: PdfWriter) -> None:
    """A layer off by the view's /BaseState /OFF, in no /OFF list (its /ON
    list names only another layer)."""
    from pypdf.generic import ArrayObject, DictionaryObject, TextStringObject

    _hidden_layer(writer, "/ON", base="/OFF")
    properties = writer._root_object["/OCProperties"]
    other = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/OCG"),
                NameObject("/Name"): TextStringObject("Naskah final"),
            }
        )
    )
    properties["/OCGs"].append(other)
    properties["/D"][NameObject("/ON")] = ArrayObject([other])


def _redaction_mark(writer: PdfWriter) -> None:
    from pypdf.annotations import Rectangle

    mark = Rectangle(rect=(50, 550, 200, 650))
    mark[NameObject("/Subtype")] = NameObject("/Redact")
    writer.add_annotation(0, mark)


def _script_on_opening(writer: PdfWriter) -> None:
    from pypdf.generic import DictionaryObject, TextStringObject

    # written inside the catalog, not as an object of its own
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('mkskrip');"),
        }
    )


def _script_after_actions(writer: PdfWriter) -> None:
    """A script run on opening after ten page jumps, each action's /Next
    written inside the one before it (no object of its own)."""
    from pypdf.generic import ArrayObject, DictionaryObject, TextStringObject

    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('mkskrip');"),
        }
    )
    for _ in range(10):
        action = DictionaryObject(
            {
                NameObject("/S"): NameObject("/GoTo"),
                NameObject("/D"): ArrayObject([writer.pages[0].indirect_reference]),
                NameObject("/Next"): action,
            }
        )
    writer._root_object[NameObject("/OpenAction")] = action


def _launch_named_by_reference(writer: PdfWriter) -> None:
    """A launch action whose /S is an object of its own (`/S 7 0 R`)."""
    from pypdf.generic import DictionaryObject, TextStringObject

    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): writer._add_object(NameObject("/Launch")),
            NameObject("/F"): TextStringObject("cmd.exe"),
        }
    )


def _redaction_named_by_reference(writer: PdfWriter) -> None:
    """A redaction mark whose /Subtype is an object of its own."""
    _redaction_mark(writer)
    mark = writer.pages[0]["/Annots"][0].get_object()
    mark[NameObject("/Subtype")] = writer._add_object(NameObject("/Redact"))


def _script_in_an_xfa_form(writer: PdfWriter) -> None:
    """An XFA form (Adobe LiveCycle's) whose field runs a script when the
    form opens: in the form's XML packet, no /JS action anywhere."""
    from pypdf.generic import ArrayObject, DictionaryObject, TextStringObject

    packet = DecodedStreamObject()
    packet.set_data(
        b'<template xmlns="http://www.xfa.org/schema/xfa-template/3.3/"><subform>'
        b'<event activity="initialize"><script contentType="application/x-javascript">'
        b"app.alert('mkskrip');</script></event></subform></template>"
    )
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {
            NameObject("/Fields"): ArrayObject(),
            NameObject("/XFA"): ArrayObject(
                [TextStringObject("template"), writer._add_object(packet)]
            ),
        }
    )


def _script_on_a_page(writer: PdfWriter) -> None:
    from pypdf.generic import DictionaryObject, TextStringObject

    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("cmd.exe"),
        }
    )
    page = writer.pages[0]
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(action)})


def _hidden_annotation(subtype: str, flags: int, **values: str):
    """A maker of a page annotation of `subtype` with the flags /F and the
    values (`Contents="…"`, `V="…"`) given."""
    from pypdf.generic import ArrayObject, DictionaryObject, NumberObject, TextStringObject

    def make(writer: PdfWriter) -> None:
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject(subtype),
                NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (50, 550, 200, 650)]),
                NameObject("/F"): NumberObject(flags),
                **{NameObject(f"/{k}"): TextStringObject(v) for k, v in values.items()},
            }
        )
        if subtype == "/Widget":
            annotation[NameObject("/FT")] = NameObject("/Tx")
            annotation[NameObject("/T")] = TextStringObject("nik")
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])

    return make


def _hidden_choice(value):
    """A maker of a hidden form field whose value is `value` (a radio
    group's chosen name, a number)."""

    def make(writer: PdfWriter) -> None:
        _hidden_annotation("/Widget", 2)(writer)
        field = writer.pages[0]["/Annots"][0].get_object()
        field[NameObject("/FT")] = NameObject("/Btn")
        field[NameObject("/V")] = value

    return make


def _hidden_checkbox(writer: PdfWriter) -> None:
    """A hidden checkbox, not ticked: its value the name /Off."""
    _hidden_annotation("/Widget", 2)(writer)
    box = writer.pages[0]["/Annots"][0].get_object()
    box[NameObject("/FT")] = NameObject("/Btn")
    box[NameObject("/V")] = NameObject("/Off")


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (_hidden_annotation("/FreeText", 2, Contents="NIK 1671xxxxxxxx"), "hidden annotations"),
        (_hidden_annotation("/Widget", 2, V="NIK 1671xxxxxxxx"), "hidden annotations"),
        (_hidden_annotation("/Stamp", 32, Contents="Draf internal"), "hidden annotations"),
        (_hidden_choice(NameObject("/Perempuan")), "hidden annotations"),
        (_hidden_choice(NumberObject(3201234567890123)), "hidden annotations"),
        (_redaction_mark, "redaction marks that were never applied"),
        (_redaction_named_by_reference, "redaction marks that were never applied"),
        (lambda writer: _hidden_layer(writer, "/OFF"), "hidden layers"),
        (_hidden_by_base_state, "hidden layers"),
        (_script_on_opening, "contains JavaScript"),
        (_script_after_actions, "contains JavaScript"),
        (_script_on_a_page, "contains JavaScript or a program to launch"),
        (_launch_named_by_reference, "contains JavaScript or a program to launch"),
        (_script_in_an_xfa_form, "contains JavaScript or a program to launch"),
    ],
    ids=[
        "hidden-text-box",
        "hidden-form-field-value",
        "no-view-stamp",
        "hidden-radio-choice",
        "hidden-field-number",
        "redaction-not-applied",
        "redaction-named-by-reference",
        "hidden-layer",
        "hidden-by-base-state",
        "script-on-opening",
        "script-after-ten-actions",
        "launch-on-a-page",
        "launch-named-by-reference",
        "script-in-an-xfa-form",
    ],
)
def test_a_pdf_that_holds_what_it_does_not_show_or_runs_code_is_refused(make, said):
    """A redaction marked but not applied leaves the text under the box in
    the file; a layer switched off keeps a draft's words; a script or a
    launch runs on the reader's machine."""
    from warta.documents import DocumentProblem, clean_document

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    make(writer)
    with pytest.raises(DocumentProblem, match=said):
        clean_document(written(writer), ".pdf")


@pytest.mark.parametrize(
    "make",
    [
        _hidden_annotation("/FreeText", 4, Contents="Rapat pleno terbuka"),  # shown, printed
        _hidden_annotation("/Widget", 4, V="Palembang"),  # a field shown with its value
        _hidden_annotation("/Link", 2),  # hidden, holding no words
        _hidden_checkbox,  # hidden, its value a state, not words
    ],
    ids=["shown-text-box", "shown-form-field", "hidden-link-without-words", "hidden-checkbox"],
)
def test_a_pdf_whose_annotations_show_their_words_is_not_refused_for_them(make):
    from warta.documents import clean_document

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    make(writer)
    clean_document(written(writer), ".pdf")  # no DocumentProblem


@pytest.mark.parametrize("base", [None, "/ON", "/OFF"])
def test_a_pdf_whose_layers_are_all_shown_is_published_as_it_is(base):
    """Its one layer in the default view's /ON list: shown, whatever the
    view's /BaseState says of layers it does not list."""
    from warta.documents import clean_document

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    _hidden_layer(writer, "/ON", base=base)
    data = written(writer)
    assert clean_document(data, ".pdf") == data


def test_a_pdf_with_an_xfa_form_without_scripts_is_published():
    from warta.documents import clean_document

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    _script_in_an_xfa_form(writer)
    packet = writer._root_object["/AcroForm"]["/XFA"][1].get_object()
    packet.set_data(packet.get_data().split(b"<event")[0] + b"</subform></template>")
    data = written(writer)
    assert clean_document(data, ".pdf") == data
