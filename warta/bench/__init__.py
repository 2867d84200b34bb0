"""Build benchmark of warta: a seeded synthetic corpus (`corpus`) and the runner
that builds it with bare Pelican, warta, warta after a one-article edit,
Pagefind and Hugo, and reports time, memory and size (`runner`).

    invoke bench --articles 1000
"""
