"""Gate: every HTML and CSS file of the built sample site passes the Nu HTML checker
(npm `vnu-jar`) without errors (issue #2, item 7)."""

from __future__ import annotations

import gates


def test_every_html_file_passes_the_nu_checker(sample_site):
    problems = gates.run_vnu(sample_site.output)
    assert not problems, "Nu HTML checker errors:\n" + "\n".join(problems[:80])


def test_every_css_file_passes_the_nu_checker(sample_site):
    problems = gates.run_vnu(sample_site.output, css=True)
    assert not problems, "Nu CSS checker errors:\n" + "\n".join(problems[:80])


def test_the_nu_checker_reports_invalid_html_and_css(tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="id"><head><title>x</title></head>'
        "<body><p><div>salah</div></p><main><main></main></main></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "x.css").write_text("body { colr: red; margin: 1zz; }\n", encoding="utf-8")
    html_problems = gates.run_vnu(tmp_path)
    assert html_problems and all(p.startswith("index.html:") for p in html_problems), html_problems
    css_problems = gates.run_vnu(tmp_path, css=True)
    assert css_problems and all(p.startswith("x.css:") for p in css_problems), css_problems
