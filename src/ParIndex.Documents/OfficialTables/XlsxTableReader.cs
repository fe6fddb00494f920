using System.Globalization;
using System.IO.Packaging;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.Core.Files;
using ParIndex.Core.OfficialTables;

namespace ParIndex.Documents.OfficialTables;

/// <summary>
/// Reads an official table from an .xlsx workbook (the one <see cref="XlsxTableWriter"/> writes, or
/// one a unit typed up): the first sheet's rows above the header are the title block, the header
/// row (STT · … · Điểm chuẩn · Điểm tự đánh giá · Giải trình) locates the columns, a row with a code
/// in STT starts a criterion, a row with an empty STT continues the one above (its explanation
/// joins on a new line), and the TỔNG ĐIỂM row closes the table. The rows go through the same
/// <see cref="OfficialTableBuilder"/> as the text reader; the arithmetic is left to
/// <see cref="OfficialTableVerifier"/>. Errors name the sheet row (<c>Dòng 12, cột Điểm chuẩn: …</c>).
/// </summary>
public static partial class XlsxTableReader
{
    /// <summary>Largest workbook read (an official table is tens of kilobytes).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>A spreadsheet's rows and columns (Excel's limits: 1 048 576 rows, XFD = 16 384 columns).</summary>
    private const uint MaxRows = 1_048_576;

    private const int MaxColumns = 16_384;

    /// <summary>Largest part once unzipped, in characters: a guard against a zip bomb.</summary>
    private const long MaxCharactersInPart = 64L * 1024 * 1024;

    /// <exception cref="OfficialTableFormatException">The workbook is not a readable table.</exception>
    public static OfficialTable Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var copy = TableFileBytes.ReadAll(stream, MaxBytes);
        try
        {
            ZipInputGuard.Check(copy, ZipInputLimits.OfficeDocuments);
        }
        catch (ZipInputRefusedException ex)
        {
            throw new OfficialTableFormatException(1, ex.Message);
        }
        catch (InvalidDataException ex)
        {
            throw new OfficialTableFormatException($"Dòng 1: tệp không phải bảng tính xlsx hợp lệ hoặc đã hỏng (not a valid xlsx workbook: {ex.Message}).", ex);
        }

        return ReadRows(LoadCells(copy));
    }

    /// <summary>True when the bytes start like a zip archive (an .xlsx is one).</summary>
    public static bool LooksLikeXlsx(ReadOnlySpan<byte> start) => start.Length >= 2 && start[0] == (byte)'P' && start[1] == (byte)'K';

    /// <summary>A cell as read: its text, whether it held a real number, and its formula when it had no cached value.</summary>
    private sealed record SheetCell(string Text, bool Numeric, string? Formula = null);

    /// <summary>The first sheet's cells, by 1-based row, in row order.</summary>
    private static SortedDictionary<uint, SortedDictionary<int, SheetCell>> LoadCells(Stream stream)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbookPart = document.WorkbookPart
                ?? throw new OfficialTableFormatException(1, "tệp xlsx không có bảng tính nào (no workbook).");
            var sheet = workbookPart.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new OfficialTableFormatException(1, "tệp xlsx không có trang tính nào (no sheet).");
            var sheetPart = workbookPart.GetPartById(sheet.Id?.Value ?? "") as WorksheetPart
                ?? throw new OfficialTableFormatException(1, "trang tính đầu tiên không phải một bảng tính (the first sheet is not a worksheet).");
            var strings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];

            var result = new SortedDictionary<uint, SortedDictionary<int, SheetCell>>();
            uint nextRow = 1;
            foreach (var row in sheetPart.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
            {
                var rowIndex = RowIndex(row, nextRow);
                nextRow = rowIndex + 1;
                var cells = new SortedDictionary<int, SheetCell>();
                var nextColumn = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : nextColumn;
                    if (column is < 0 or >= MaxColumns)
                    {
                        throw new OfficialTableFormatException((int)rowIndex, $"ô '{Shorten(cell.CellReference?.Value ?? "")}' nằm ngoài {MaxColumns} cột của một trang tính (cell reference out of range).");
                    }

                    nextColumn = column + 1;
                    var read = ReadCell(cell, strings, rowIndex, column);
                    if (read.Text.Length > 0 || read.Formula is not null)
                    {
                        cells[column] = read;
                    }
                }

                if (cells.Count > 0)
                {
                    result[rowIndex] = cells;
                }
            }

            return result;
        }
        // FormatException and OverflowException: an attribute the SDK parses on access (a cell type, a style index) is not a value.
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException or ArgumentException or System.Xml.XmlException
            or FormatException or OverflowException)
        {
            throw new OfficialTableFormatException($"Dòng 1: tệp không phải bảng tính xlsx hợp lệ hoặc đã hỏng (not a valid xlsx workbook: {ex.Message}).", ex);
        }
    }

    /// <summary>The row's 1-based number (the one after <paramref name="next"/>'s predecessor when absent); a number a spreadsheet cannot have is refused.</summary>
    private static uint RowIndex(Row row, uint next)
    {
        if (row.RowIndex is null)
        {
            return next <= MaxRows ? next : throw new OfficialTableFormatException((int)MaxRows, $"trang tính có hơn {MaxRows} hàng (too many rows).");
        }

        var text = row.RowIndex.InnerText ?? "";
        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index is >= 1 and <= MaxRows
            ? index
            : throw new OfficialTableFormatException((int)Math.Min(next, MaxRows), $"hàng sau hàng {next - 1} có số hàng '{Shorten(text)}' không hợp lệ (bad row number).");
    }

    private static OfficialTable ReadRows(SortedDictionary<uint, SortedDictionary<int, SheetCell>> sheet)
    {
        var formulas = new SumFormulas(sheet);
        var rows = new List<TableGridRow>();
        uint previous = 0;
        foreach (var (rowIndex, cells) in sheet)
        {
            var width = cells.Keys.Max() + 1;
            var texts = new string[width];
            var numeric = new HashSet<int>();
            for (var c = 0; c < width; c++)
            {
                texts[c] = "";
                if (!cells.TryGetValue(c, out var cell))
                {
                    continue;
                }

                if (cell.Formula is not null)
                {
                    texts[c] = formulas.Value(rowIndex, c)?.ToString(CultureInfo.InvariantCulture) ?? "";
                    numeric.Add(c);
                }
                else
                {
                    texts[c] = cell.Text;
                    if (cell.Numeric)
                    {
                        numeric.Add(c);
                    }
                }
            }

            rows.Add(new TableGridRow((int)rowIndex, texts) { NumericCells = numeric, AfterGap = previous > 0 && rowIndex > previous + 1 });
            previous = rowIndex;
        }

        try
        {
            var table = OfficialTableGridReader.Read(rows, spreadsheet: true, "trong trang tính đầu tiên");
            formulas.ThrowProblems();
            return table;
        }
        catch (OfficialTableFormatException ex) when (formulas.Problems.Count > 0)
        {
            throw new OfficialTableFormatException(ex.Problems.Concat(formulas.Problems).Distinct().OrderBy(p => p.Line).ToList());
        }
    }

    /// <summary>
    /// Values of formulas saved without a cached value (a workbook made by a program rather than
    /// saved by Excel or LibreOffice): <c>SUM</c> of ranges and cells of the same sheet, and plain
    /// references, evaluated here; any other formula is a problem naming its cell.
    /// </summary>
    private sealed partial class SumFormulas(SortedDictionary<uint, SortedDictionary<int, SheetCell>> sheet)
    {
        private const int MaxDepth = 32;
        private const long MaxCellsSummed = 1_000_000;
        private readonly Dictionary<(uint, int), decimal?> values = [];
        private readonly HashSet<(uint, int)> evaluating = [];
        private long summed;

        public List<OfficialTableProblem> Problems { get; } = [];

        public void ThrowProblems()
        {
            if (Problems.Count > 0)
            {
                throw new OfficialTableFormatException(Problems);
            }
        }

        /// <summary>The formula's value, or null (with a problem noted) when it cannot be evaluated.</summary>
        public decimal? Value(uint row, int column)
        {
            if (values.TryGetValue((row, column), out var known))
            {
                return known;
            }

            var formula = sheet[row][column].Formula!;
            decimal? value = null;
            if (evaluating.Count >= MaxDepth || !evaluating.Add((row, column)))
            {
                Problem(row, column, formula, "công thức tham chiếu vòng hoặc lồng quá sâu (circular or too deep)");
            }
            else
            {
                value = Evaluate(row, column, formula);
                evaluating.Remove((row, column));
            }

            values[(row, column)] = value;
            return value;
        }

        private decimal? Evaluate(uint row, int column, string formula)
        {
            var text = formula.Trim().TrimStart('=').Replace("$", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            var sum = SumCall().Match(text);
            string[] arguments = sum.Success ? sum.Groups["args"].Value.Split(',', ';') : [text];
            if (!sum.Success && !Range().IsMatch(text))
            {
                Problem(row, column, formula, "công thức chưa có giá trị và không phải SUM đơn giản; hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại (formula without a cached value)");
                return null;
            }

            var total = 0m;
            foreach (var argument in arguments)
            {
                var range = Range().Match(argument.ToUpperInvariant());
                if (!range.Success)
                {
                    Problem(row, column, formula, $"không hiểu tham số '{Shorten(argument)}' của SUM (unsupported SUM argument)");
                    return null;
                }

                var (c1, r1) = (ColumnIndex(range.Groups["c1"].Value), uint.Parse(range.Groups["r1"].Value, CultureInfo.InvariantCulture));
                var (c2, r2) = range.Groups["c2"].Success
                    ? (ColumnIndex(range.Groups["c2"].Value), uint.Parse(range.Groups["r2"].Value, CultureInfo.InvariantCulture))
                    : (c1, r1);
                if (c1 >= MaxColumns || c2 >= MaxColumns || r1 is 0 or > MaxRows || r2 is 0 or > MaxRows)
                {
                    Problem(row, column, formula, $"tham chiếu '{Shorten(argument)}' nằm ngoài trang tính (reference out of range)");
                    return null;
                }

                // Only the filled cells of the range: an A1:XFD1048576 range costs what the sheet holds.
                foreach (var (r, cells) in sheet.Where(p => p.Key >= Math.Min(r1, r2) && p.Key <= Math.Max(r1, r2)))
                {
                    foreach (var (c, cell) in cells.Where(p => p.Key >= Math.Min(c1, c2) && p.Key <= Math.Max(c1, c2)))
                    {
                        if (++summed > MaxCellsSummed)
                        {
                            Problem(row, column, formula, "công thức cộng quá nhiều ô (too many cells summed)");
                            return null;
                        }

                        // As in Excel, SUM skips text; a formula cell counts with its own value.
                        var v = cell.Formula is not null ? Value(r, c)
                            : cell.Numeric && decimal.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 0m;
                        if (v is null)
                        {
                            return null;
                        }

                        total += v.Value;
                    }
                }
            }

            return total;
        }

        private void Problem(uint row, int column, string formula, string what) =>
            Problems.Add(new OfficialTableProblem((int)row, null, $"ô {ColumnName(column)}{row} có công thức '{Shorten(formula)}': {what}.", $"{ColumnName(column)}{row}"));

        [GeneratedRegex(@"^SUM\((?<args>[A-Za-z0-9:,;]+)\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
        private static partial Regex SumCall();

        [GeneratedRegex(@"^(?<c1>[A-Z]{1,3})(?<r1>[0-9]{1,7})(?::(?<c2>[A-Z]{1,3})(?<r2>[0-9]{1,7}))?$", RegexOptions.CultureInvariant)]
        private static partial Regex Range();
    }

    /// <summary>The text of a cell as the user sees it in the file: numbers in invariant digits at the precision a spreadsheet keeps.</summary>
    private static SheetCell ReadCell(Cell cell, List<string> strings, uint row, int column)
    {
        var raw = cell.CellValue?.Text;
        if (raw is null)
        {
            if (cell.InlineString is { } inline)
            {
                return new SheetCell(ItemText(inline).Trim(), false);
            }

            // Evaluated later, once every cell it may refer to is known.
            return cell.CellFormula is { } formula ? new SheetCell("", true, formula.Text ?? "") : new SheetCell("", false);
        }

        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count
                ? new SheetCell(strings[i].Trim(), false)
                : throw new OfficialTableFormatException((int)row, $"ô {ColumnName(column)}{row} trỏ tới chuỗi không tồn tại (broken shared string).");
        }

        if (type == CellValues.Boolean)
        {
            return new SheetCell(raw == "1" ? "TRUE" : "FALSE", false);
        }

        if (type is null || type == CellValues.Number)
        {
            var text = NumberText(raw);
            return new SheetCell(text, decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        }

        return new SheetCell(raw.Trim(), false); // inline/formula strings, error values (#DIV/0! is then reported as "not a number")
    }

    /// <summary>
    /// A numeric cell as a decimal in invariant digits. Spreadsheets keep doubles and may store
    /// 0.99260000000000004 for 0.9926, so the value is taken to 15 significant digits, which is
    /// what the spreadsheet itself shows and keeps.
    /// </summary>
    internal static string NumberText(string raw)
    {
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "0" : raw.Trim();
        }

        if (value != 0)
        {
            var magnitude = (int)Math.Floor(Math.Log10((double)Math.Abs(value))) + 1;
            value = Math.Round(value, Math.Clamp(15 - magnitude, 0, 28), MidpointRounding.AwayFromZero);
        }

        return (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
    }

    private static string ItemText(OpenXmlElement item)
    {
        // Text runs only: phonetic guides (rPh) are not part of the cell's text.
        var text = new StringBuilder();
        foreach (var element in item.ChildElements)
        {
            if (element is Text t)
            {
                text.Append(t.Text);
            }
            else if (element is Run run)
            {
                text.Append(run.Text?.Text);
            }
        }

        return text.ToString();
    }

    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (ch - 'A' + 1);
            if (index > MaxColumns)
            {
                return MaxColumns; // past XFD: out of range, and no overflow from a long run of letters
            }
        }

        return index - 1;
    }

    private static string ColumnName(int index) => XlsxTableWriter.ColumnName(index);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
