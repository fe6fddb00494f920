using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.Documents.OfficialTables;

namespace ParIndex.Documents.Results;

/// <summary>
/// The results table as an .xlsx workbook for people: a title row and note rows, the header frozen
/// under them and filterable, numbers as numeric cells at full precision in the official tables'
/// formats (<see cref="XlsxStyles"/>: Vietnamese locale tag, indices with two decimals), column
/// widths from the content.
/// </summary>
public static class ResultsXlsxWriter
{
    private const double MinWidth = 6;
    private const double MaxWidth = 48;

    public static void Write(ResultsTable table, Stream output)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        using var spreadsheet = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = spreadsheet.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Create();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var last = XlsxTableWriter.ColumnName(Math.Max(0, table.Columns.Count - 1));
        var sheetData = new SheetData();
        var merges = new List<string>();
        uint rowIndex = 0;
        foreach (var line in new[] { table.Title }.Concat(table.Notes))
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            row.Append(TextCell(0, rowIndex, line, rowIndex == 1 ? XlsxStyles.Title : XlsxStyles.ReportLine));
            sheetData.Append(row);
            merges.Add($"A{rowIndex}:{last}{rowIndex}");
        }

        var headerRow = ++rowIndex;
        var header = new Row { RowIndex = headerRow };
        for (var c = 0; c < table.Columns.Count; c++)
        {
            header.Append(TextCell(c, headerRow, table.Columns[c].Header, XlsxStyles.Header));
        }

        sheetData.Append(header);
        foreach (var values in table.Rows)
        {
            var row = new Row { RowIndex = ++rowIndex };
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var value = values[c];
                row.Append(value.Number is { } n
                    ? NumberCell(c, rowIndex, n, table.Columns[c].Kind == ResultsColumnKind.Index ? XlsxStyles.Percent : XlsxStyles.Number)
                    : TextCell(c, rowIndex, value.Text ?? "", XlsxStyles.Text));
            }

            sheetData.Append(row);
        }

        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = headerRow, TopLeftCell = $"A{headerRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{headerRow + 1}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{headerRow + 1}" } })
            { WorkbookViewId = 0 }),
            new Columns(Widths(table).Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
            sheetData,
            new AutoFilter { Reference = $"A{headerRow}:{last}{Math.Max(headerRow, rowIndex)}" },
            new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        sheetPart.Worksheet = worksheet;
        workbookPart.Workbook = new Workbook(
            new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Kết quả" }),
            new DefinedNames(new DefinedName { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true, Text = $"'Kết quả'!$A${headerRow}:${last}${Math.Max(headerRow, rowIndex)}" }));
        workbookPart.Workbook.Save();
    }

    /// <summary>Widths in characters: the longest value or header word run, bounded so a long name wraps rather than stretches.</summary>
    internal static double[] Widths(ResultsTable table) =>
        table.Columns.Select((column, c) =>
        {
            var longest = table.Rows.Select(r => r[c].Number is { } n ? n.ToString(CultureInfo.InvariantCulture).Length : (r[c].Text ?? "").Length)
                .DefaultIfEmpty(0).Max();
            return Math.Clamp(Math.Max(longest, Math.Min(column.Header.Length, 24)) + 2, MinWidth, MaxWidth);
        }).ToArray();

    private static Cell TextCell(int column, uint row, string text, uint style) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = XlsxTableWriter.ColumnName(column) + row,
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    private static Cell NumberCell(int column, uint row, decimal value, uint style) =>
        new(new CellValue(value.ToString(CultureInfo.InvariantCulture)))
        {
            CellReference = XlsxTableWriter.ColumnName(column) + row,
            DataType = CellValues.Number,
            StyleIndex = style,
        };
}
