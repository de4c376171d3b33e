"""The rows of the export's sheets (:class:`vahti.workbook.export.Export`), a module per
family of sheets, with the cells' shared helpers in :mod:`vahti.workbook.exports.cells`."""
