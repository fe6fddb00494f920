using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.Documents.Layout;

namespace ParIndex.Documents.OfficialTables;

/// <summary>
/// Writes an official table as an .xlsx workbook a unit can fill in offline and import again
/// (<see cref="XlsxTableReader"/>): title block, header row (repeated on every printed page and
/// frozen on screen), numbers as numeric cells at full precision, wrapped text, landscape A4 fitted
/// to the page width. An explanation too long for one row (a spreadsheet row is at most 409 pt)
/// goes on continuation rows below, with the other cells merged over them, so nothing is cut.
/// </summary>
public static class XlsxTableWriter
{
    /// <summary>Printed width of the sheet in character units (fits landscape A4 when scaled).</summary>
    private const double TotalWidthChars = 150;

    /// <summary>Estimated lines a row may hold (11 pt text, 14 pt lines, under the 409 pt limit).</summary>
    private const int MaxLinesPerRow = 28;

    private const double LineHeight = 14;

    public static void Write(AssessmentTableDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var columns = TableLayouts.For(document.Layout);
        var widths = ColumnWidths(columns);
        var strings = new SharedStrings();

        using var spreadsheet = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = spreadsheet.AddWorkbookPart();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = XlsxStyles.Create();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        var sheetData = new SheetData();
        var merges = new List<string>();
        var last = ColumnName(columns.Count - 1);
        uint rowIndex = 0;

        foreach (var line in document.TitleLines)
        {
            rowIndex++;
            sheetData.Append(TextRow(rowIndex, line, XlsxStyles.Title, strings, 20));
            merges.Add($"A{rowIndex}:{last}{rowIndex}");
        }

        foreach (var line in document.ReportLines)
        {
            rowIndex++;
            sheetData.Append(TextRow(rowIndex, line, XlsxStyles.ReportLine, strings, 16));
            merges.Add($"A{rowIndex}:{last}{rowIndex}");
        }

        rowIndex++; // blank line between the title block and the table
        var headerRow = ++rowIndex;
        var header = new Row { RowIndex = headerRow, Height = Height(columns.Select((c, i) => EstimateLines(c.Header, widths[i], bold: true)).Max()), CustomHeight = true };
        for (var c = 0; c < columns.Count; c++)
        {
            header.Append(StringCell(c, headerRow, columns[c].Header, XlsxStyles.Header, strings));
        }

        sheetData.Append(header);

        var explanationColumn = IndexOf(columns, ColumnKind.Explanation);
        foreach (var row in document.Rows)
        {
            var chunks = explanationColumn < 0
                ? [row.Explanation]
                : SplitForRows(row.Explanation, widths[explanationColumn]);
            var first = ++rowIndex;
            var lines = columns.Select((c, i) => i == explanationColumn
                ? EstimateLines(chunks[0], widths[i], bold: false)
                : c.Kind == ColumnKind.Title ? EstimateLines(row.Title, widths[i], bold: row.Level == 1) : 1).Max();
            // Rows are given a height: spreadsheets do not grow a row to fit wrapped text when opening a file.
            var excel = new Row { RowIndex = first, Height = Height(lines), CustomHeight = true };
            for (var c = 0; c < columns.Count; c++)
            {
                excel.Append(c == explanationColumn
                    ? StringCell(c, first, chunks[0], XlsxStyles.Text, strings)
                    : RowCell(columns[c], c, first, row, strings));
            }

            sheetData.Append(excel);
            for (var k = 1; k < chunks.Count; k++)
            {
                var continuation = new Row { RowIndex = ++rowIndex, Height = Height(EstimateLines(chunks[k], widths[explanationColumn], bold: false)), CustomHeight = true };
                for (var c = 0; c < columns.Count; c++)
                {
                    continuation.Append(c == explanationColumn
                        ? StringCell(c, rowIndex, chunks[k], XlsxStyles.Text, strings)
                        : new Cell { CellReference = ColumnName(c) + rowIndex, StyleIndex = XlsxStyles.Text });
                }

                sheetData.Append(continuation);
            }

            if (rowIndex > first)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    if (c != explanationColumn)
                    {
                        merges.Add($"{ColumnName(c)}{first}:{ColumnName(c)}{rowIndex}");
                    }
                }
            }
        }

        var totalRow = new Row { RowIndex = ++rowIndex, Height = Height(1), CustomHeight = true };
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            totalRow.Append(column.Kind == ColumnKind.Number && column.TotalNumber is not null
                ? NumberCell(c, rowIndex, column.TotalNumber(document.Total), column.IsPercent ? XlsxStyles.PercentBold : XlsxStyles.NumberBold)
                : StringCell(c, rowIndex, column.TextOfTotal(document.Total), XlsxStyles.TextBold, strings));
        }

        sheetData.Append(totalRow);

        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = headerRow, TopLeftCell = $"A{headerRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{headerRow + 1}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{headerRow + 1}" } })
            { WorkbookViewId = 0 }),
            new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
            sheetData,
            new MergeCells(merges.Select(m => new MergeCell { Reference = m })),
            new PrintOptions { HorizontalCentered = true },
            // Decree 30 margins (inches here) and the page number centred at the top from page 2.
            new PageMargins
            {
                Left = Inches(DecreePageSetup.LeftMillimetres),
                Right = Inches(DecreePageSetup.RightMillimetres),
                Top = Inches(DecreePageSetup.TopMillimetres),
                Bottom = Inches(DecreePageSetup.BottomMillimetres),
                Header = Inches(DecreePageSetup.PageNumberFromTopMillimetres - 3),
                Footer = Inches(10),
            },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
            new HeaderFooter(new OddHeader("&C&\"Times New Roman,Regular\"&13&P"), new FirstHeader("")) { DifferentFirst = true });
        sheetPart.Worksheet = worksheet;

        var sheetName = document.Layout == TableLayoutKind.Appraisal ? "Biểu thẩm định" : "Biểu tự đánh giá";
        workbookPart.Workbook = new Workbook(
            new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }),
            new DefinedNames(new DefinedName($"'{sheetName}'!${headerRow}:${headerRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));

        var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
        stringsPart.SharedStringTable = strings.ToTable();
    }

    /// <summary>Column widths in character units, from the layout's weights.</summary>
    internal static double[] ColumnWidths(IReadOnlyList<TableColumn> columns)
    {
        var total = columns.Sum(c => c.Weight);
        return columns.Select(c => Math.Round(Math.Max(7, c.Weight / total * TotalWidthChars), 1)).ToArray();
    }

    /// <summary>
    /// Splits an explanation into pieces that each fit one spreadsheet row, at paragraph
    /// boundaries (a reader joins them back with line breaks). A single paragraph longer than a
    /// row stays whole: it is never cut inside.
    /// </summary>
    internal static List<string> SplitForRows(string text, double widthChars)
    {
        var chunks = new List<string>();
        var current = new List<string>();
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            var needed = EstimateLines(paragraph, widthChars, bold: false);
            if (current.Count > 0 && lines + needed > MaxLinesPerRow)
            {
                chunks.Add(string.Join("\n", current));
                current.Clear();
                lines = 0;
            }

            current.Add(paragraph);
            lines += needed;
        }

        chunks.Add(string.Join("\n", current));
        return chunks;
    }

    /// <summary>
    /// Lines a text takes in a column of the given width (character units), erring on the high
    /// side: a row a little too tall is harmless, one too short hides text. Capitals and bold run wider.
    /// </summary>
    internal static int EstimateLines(string text, double widthChars, bool bold)
    {
        var total = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            var letters = paragraph.Count(char.IsLetter);
            var upper = letters > 0 && paragraph.Count(char.IsUpper) * 2 > letters;
            var perLine = Math.Max(4, (widthChars - 1) * (upper ? 0.8 : 1.15) * (bold ? 0.92 : 1));
            total += Math.Max(1, (int)Math.Ceiling(paragraph.Length / perLine));
        }

        return Math.Max(1, total);
    }

    private static double Height(int lines) => Math.Min(409, (lines * LineHeight) + 3);

    private static int IndexOf(IReadOnlyList<TableColumn> columns, ColumnKind kind)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Kind == kind)
            {
                return i;
            }
        }

        return -1;
    }

    private static Cell RowCell(TableColumn column, int c, uint row, AssessmentTableRow data, SharedStrings strings)
    {
        if (column.Kind == ColumnKind.Number && column.RowNumber is not null)
        {
            var style = column.IsPercent
                ? data.IsBold ? XlsxStyles.PercentBold : XlsxStyles.Percent
                : data.IsBold ? XlsxStyles.NumberBold : XlsxStyles.Number;
            return NumberCell(c, row, column.RowNumber(data), style);
        }

        var bold = data.Level == 1;
        var textStyle = column.Kind == ColumnKind.Code
            ? bold ? XlsxStyles.CodeBold : XlsxStyles.Code
            : bold ? XlsxStyles.TextBold : XlsxStyles.Text;
        return StringCell(c, row, column.TextOf(data), textStyle, strings);
    }

    private static Row TextRow(uint row, string text, uint style, SharedStrings strings, double height)
    {
        var excel = new Row { RowIndex = row, Height = height, CustomHeight = true };
        excel.Append(StringCell(0, row, text, style, strings));
        return excel;
    }

    private static Cell StringCell(int column, uint row, string text, uint style, SharedStrings strings)
    {
        var cell = new Cell { CellReference = ColumnName(column) + row, StyleIndex = style };
        if (text.Length > 0)
        {
            cell.DataType = CellValues.SharedString;
            cell.CellValue = new CellValue(strings.IndexOf(text).ToString(CultureInfo.InvariantCulture));
        }

        return cell;
    }

    private static Cell NumberCell(int column, uint row, decimal? value, uint style)
    {
        var cell = new Cell { CellReference = ColumnName(column) + row, StyleIndex = style };
        if (value is { } v)
        {
            // Full precision, invariant digits: the stored value is the figure, the display is the cell format's.
            cell.CellValue = new CellValue(v.ToString(CultureInfo.InvariantCulture));
        }

        return cell;
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];

        public int IndexOf(string text)
        {
            if (!_index.TryGetValue(text, out var i))
            {
                i = _items.Count;
                _items.Add(text);
                _index.Add(text, i);
            }

            return i;
        }

        public SharedStringTable ToTable() => new(_items.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Count = (uint)_items.Count,
            UniqueCount = (uint)_items.Count,
        };
    }

    private static double Inches(double millimetres) => Math.Round(millimetres / 25.4, 3);
}
