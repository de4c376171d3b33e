"""The import of a plan workbook, a module per family of sheets, each reading its rows
through :class:`vahti.workbook.imports.rows.SheetRows`; :mod:`vahti.workbook.importer`
runs them in the sheets' order inside one transaction."""
