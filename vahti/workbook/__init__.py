"""The plan as a workbook, one floor below the faces that offer it: the sheets and their
columns (``sheets``, described for people in ``documentation``), the export (``export``,
its rows in ``exports``), reading a file (``reader``) and the import through the
domain's services (``importer``, a module per family of sheets in ``imports``). The
admin's import page and commands (:mod:`vahti.exchange`), the public downloads and the
API (:mod:`vahti.api`) all use it.
"""
