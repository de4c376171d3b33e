"""The plan as a workbook, one floor below the faces that offer it: the sheets and their
columns (``sheets``), the export (``export``), reading a file (``reader``) and the import
through the domain's services (``importer``). The admin's import page and commands
(:mod:`vahti.exchange`), the public downloads and the API (:mod:`vahti.api`) all use it.
"""
