"""Review and correction for archivists: a local web app over an archive.

``gazette review ARCHIVE`` serves ``app.create_app``: the packages that need
a look first (``queue``), one package beside its source (``source_view``),
and forms whose corrections make new package versions
(``gazette.archive.revise``).
"""
