"""What a photo's own file name says reaches no published file. Staff upload
photos as the phone or the chat named them (`WhatsApp Image 2024-02-14 at
09.12.33.jpeg`: when it was taken) or as they named them themselves
(`budi-draf-jelek.jpg`: a person, a draft): the variants the site publishes,
their JPEG fallback, og:image, JSON-LD, the feeds and the search index named
the photo so. They are named after the release's own address and the digest
of the photo's bytes: the same on a warm build as on a clean one, and each
release's its own.
"""

from __future__ import annotations

from test_leaks_comments import leaked
from test_security_files import marked_photo

from conftest import REPO, newsroom, run_build, tree

# What the photos' names say: a phone's timestamp, a person's name, "draf".
NAME_MARKERS = ("09.12.33", "09-12-33", "2024-02-14", "mkbudi", "jelek")


def test_variants_are_named_after_the_release_never_the_photos_file_name(site, tmp_path):
    newsroom(site)
    images = site.content / "images" / "2024"
    whatsapp = marked_photo(images / "WhatsApp Image 2024-02-14 at 09.12.33.jpeg", "EXIFWA")
    marked_photo(images / "mkbudi-draf-jelek.jpg", "EXIFBUDI", width=700)
    for slug, day in (("apel-siaga", "17"), ("apel-ulang", "18")):
        site.article(
            f"{slug}.md",
            slug=slug,
            date=f"2024-11-{day} 09:30",
            image=f"images/2024/{whatsapp.name}",
            image_alt="Peserta apel siaga berbaris",
            body="PALEMBANG – Bawaslu Kota Palembang menggelar apel siaga.\n\n"
            "![Peserta rapat di aula]({static}/images/2024/mkbudi-draf-jelek.jpg)",
        )
    cold = site.build(publish=True)
    assert cold.returncode == 0, cold.log
    assert leaked(cold.output, *NAME_MARKERS) == []
    for slug in ("apel-siaga", "apel-ulang"):
        page = cold.html(f"berita/2024/11/{slug}/")
        shown = [img["src"] for img in page.select("article img")]
        shown += [
            url
            for tag in page.select("article picture source")
            for url in tag["srcset"].split()[::2]
        ]
        names = {url.rsplit("/", 1)[-1] for url in shown}
        assert len(names) == 7, names  # 3 + 1 of the featured photo, 2 + 1 of the body's
        assert all(name.startswith(f"{slug}-") for name in names), names
        assert all((cold.output / "images" / "varian" / name).is_file() for name in names)
        og = page.select_one("meta[property='og:image']")["content"]
        assert og.endswith(f"/berita/2024/11/{slug}/og.png"), og
    warm = site.build(publish=True)
    assert warm.returncode == 0, warm.log
    assert leaked(warm.output, *NAME_MARKERS) == []
    clean = run_build(
        site.content,
        tmp_path / "clean" / "output",
        settings_file=REPO / "publishconf.py",
        cache=tmp_path / "clean" / "cache",
    )
    assert clean.returncode == 0, clean.log
    # file for file (Pagefind's index is not byte-stable from one run to the next)
    warm_files, clean_files = (
        {
            name: data
            for name, data in tree(built.output).items()
            if not name.startswith("pagefind/")
        }
        for built in (warm, clean)
    )
    assert sorted(warm_files) == sorted(clean_files)
    assert [name for name in warm_files if warm_files[name] != clean_files[name]] == []
