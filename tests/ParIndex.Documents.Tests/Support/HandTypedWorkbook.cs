using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParIndex.Documents.Tests.Support;

/// <summary>A formula cell: its text and the value Excel cached with it (null: saved by a program that never computed it).</summary>
internal sealed record Formula(string Text, decimal? Cached);

/// <summary>
/// Builds a workbook the way a civil servant lays one out in Excel, with the OpenXml SDK: cells by
/// reference (<c>B7</c>), each text (a shared string), a real number, or a <see cref="Formula"/>,
/// and merged ranges.
/// </summary>
internal sealed class HandTypedWorkbook
{
    private readonly SortedDictionary<uint, SortedDictionary<int, object>> cells = [];
    private readonly List<string> merges = [];

    public HandTypedWorkbook Set(string reference, object value)
    {
        var column = ParIndex.Documents.OfficialTables.XlsxTableReader.ColumnIndex(reference);
        var row = uint.Parse(reference.TrimStart('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'), CultureInfo.InvariantCulture);
        if (!cells.TryGetValue(row, out var line))
        {
            cells[row] = line = [];
        }

        line[column] = value;
        return this;
    }

    /// <summary>Cells of one row from a column on: null leaves a cell out.</summary>
    public HandTypedWorkbook Row(int row, string firstColumn, params object?[] values)
    {
        var start = ParIndex.Documents.OfficialTables.XlsxTableReader.ColumnIndex(firstColumn);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                Set(ParIndex.Documents.OfficialTables.XlsxTableWriter.ColumnName(start + i) + row.ToString(CultureInfo.InvariantCulture), value);
            }
        }

        return this;
    }

    public HandTypedWorkbook Merge(string range)
    {
        merges.Add(range);
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var stringsPart = workbook.AddNewPart<SharedStringTablePart>();
            var strings = new List<string>();
            var data = new SheetData();
            foreach (var (rowIndex, line) in cells)
            {
                var row = new Row { RowIndex = rowIndex };
                foreach (var (column, value) in line)
                {
                    var cell = new Cell { CellReference = ParIndex.Documents.OfficialTables.XlsxTableWriter.ColumnName(column) + rowIndex };
                    switch (value)
                    {
                        case string text:
                            var index = strings.IndexOf(text);
                            if (index < 0)
                            {
                                strings.Add(text);
                                index = strings.Count - 1;
                            }

                            cell.DataType = CellValues.SharedString;
                            cell.CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture));
                            break;
                        case decimal number:
                            cell.CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture));
                            break;
                        case Formula formula:
                            cell.CellFormula = new CellFormula(formula.Text);
                            if (formula.Cached is { } cached)
                            {
                                cell.CellValue = new CellValue(cached.ToString(CultureInfo.InvariantCulture));
                            }

                            break;
                        default:
                            throw new ArgumentException($"Unsupported cell value {value.GetType()}");
                    }

                    row.Append(cell);
                }

                data.Append(row);
            }

            var worksheet = new Worksheet(data);
            if (merges.Count > 0)
            {
                worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
            }

            sheetPart.Worksheet = worksheet;
            stringsPart.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Biểu", SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) }));
        }

        return stream.ToArray();
    }
}
