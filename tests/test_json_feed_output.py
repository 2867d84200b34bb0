"""plugins/json_feed: an output path it cannot write is one error line, not a traceback."""

from __future__ import annotations

import logging

from plugins.json_feed.plugin import JsonFeedGenerator


def test_an_output_path_that_is_a_file_is_one_error(tmp_path, caplog):
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    generator = JsonFeedGenerator.__new__(JsonFeedGenerator)
    generator.settings = {
        "JSON_FEED_SAVE_AS": "feed.json",
        "SITENAME": "Bawaslu",
        "SITEURL": "",
        "DEFAULT_LANG": "id",
    }
    generator.context = {"articles": []}
    generator.output_path = str(afile)

    with caplog.at_level(logging.INFO):
        generator.generate_output(None)

    found = [r.warta_finding for r in caplog.records if hasattr(r, "warta_finding")]
    assert [(f.path, f.level) for f in found] == [(str(afile / "feed.json"), "error")]
    assert str(afile) in found[0].suggestion
    assert afile.read_text(encoding="utf-8") == "x"
