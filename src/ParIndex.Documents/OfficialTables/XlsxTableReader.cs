using System.Globalization;
using System.IO.Packaging;
using System.Text;
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
public static class XlsxTableReader
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
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > MaxBytes)
            {
                throw new OfficialTableFormatException(1, $"tệp lớn hơn {MaxBytes / (1024 * 1024)} MB, không phải một biểu tự đánh giá (file too large).");
            }
        }

        copy.Position = 0;
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

    /// <summary>The first sheet's cells as text, by 1-based row, in row order.</summary>
    private static SortedDictionary<uint, SortedDictionary<int, string>> LoadCells(Stream stream)
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

            var result = new SortedDictionary<uint, SortedDictionary<int, string>>();
            uint nextRow = 1;
            foreach (var row in sheetPart.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
            {
                var rowIndex = RowIndex(row, nextRow);
                nextRow = rowIndex + 1;
                var cells = new SortedDictionary<int, string>();
                var nextColumn = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : nextColumn;
                    if (column is < 0 or >= MaxColumns)
                    {
                        throw new OfficialTableFormatException((int)rowIndex, $"ô '{Shorten(cell.CellReference?.Value ?? "")}' nằm ngoài {MaxColumns} cột của một trang tính (cell reference out of range).");
                    }

                    nextColumn = column + 1;
                    var text = CellText(cell, strings, rowIndex, column);
                    if (text.Length > 0)
                    {
                        cells[column] = text;
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

    private static OfficialTable ReadRows(SortedDictionary<uint, SortedDictionary<int, string>> sheet)
    {
        var titleLines = new List<string>();
        var drafts = new List<RowDraft>();
        OfficialTableColumns? columns = null;
        RawTableTotal? total = null;
        var headerRow = 1;

        foreach (var (rowIndex, cells) in sheet)
        {
            var line = (int)rowIndex;
            var plain = Enumerable.Range(0, cells.Keys.Max() + 1).Select(c => cells.TryGetValue(c, out var t) ? t : "").ToList();
            if (columns is null)
            {
                if (OfficialTableColumns.IsHeader(plain))
                {
                    columns = OfficialTableColumns.FromHeader(plain);
                    headerRow = line;
                }
                else
                {
                    titleLines.Add(string.Join(" ", plain.Where(c => c.Length > 0)));
                }

                continue;
            }

            if (total is not null)
            {
                if (OfficialTableBuilder.NormalizeCode(Cell(plain, columns.Code)) is { } late)
                {
                    throw new OfficialTableFormatException(line, $"hàng {late} nằm sau dòng TỔNG ĐIỂM (row {late} after the total row).", OfficialTableBuilder.CodeColumn);
                }

                continue; // signatures and notes under the table
            }

            if (OfficialTableColumns.IsHeader(plain))
            {
                continue;
            }

            var code = Cell(plain, columns.Code);
            if (OfficialTableBuilder.NormalizeCode(code) is { } normalized)
            {
                var draft = new RowDraft(normalized, line);
                draft.Merge(plain, columns, line);
                drafts.Add(draft);
            }
            else if (IsTotal(plain, columns))
            {
                total = new RawTableTotal(NullIfEmpty(Cell(plain, columns.Max)), NullIfEmpty(Cell(plain, columns.Score)), line);
            }
            else if (code.Length > 0)
            {
                throw new OfficialTableFormatException(line, $"'{Shorten(code)}' không phải mã tiêu chí dạng 1, 1.2, 1.2.3 (not a criterion code).", OfficialTableBuilder.CodeColumn);
            }
            else if (drafts.Count > 0)
            {
                drafts[^1].Merge(plain, columns, line);
            }
            else
            {
                throw new OfficialTableFormatException(line, "hàng có nội dung nhưng không có STT và không nối tiếp hàng nào (row without a code before the first criterion).", OfficialTableBuilder.CodeColumn);
            }
        }

        if (columns is null)
        {
            throw new OfficialTableFormatException(Math.Max(1, (int)(sheet.Keys.LastOrDefault())),
                "không tìm thấy hàng tiêu đề của bảng (STT · Lĩnh vực/Tiêu chí/Tiêu chí thành phần · Điểm chuẩn · Điểm tự đánh giá · Giải trình) trong trang tính đầu tiên (no table header found).");
        }

        return OfficialTableBuilder.Build(titleLines, drafts.Select(d => d.ToRaw()), total, headerRow);
    }

    private static bool IsTotal(List<string> plain, OfficialTableColumns columns)
    {
        var label = (Cell(plain, columns.Code) + " " + Cell(plain, columns.Title)).Trim().ToUpperInvariant();
        return label.StartsWith("TỔNG", StringComparison.Ordinal)
            && (Cell(plain, columns.Max).Length > 0 || Cell(plain, columns.Score).Length > 0);
    }

    /// <summary>The text of a cell as the user sees it in the file: numbers in invariant digits at the precision a spreadsheet keeps.</summary>
    private static string CellText(Cell cell, List<string> strings, uint row, int column)
    {
        var raw = cell.CellValue?.Text;
        if (raw is null)
        {
            if (cell.InlineString is { } inline)
            {
                return ItemText(inline).Trim();
            }

            if (cell.CellFormula is not null)
            {
                throw new OfficialTableFormatException((int)row,
                    $"ô {ColumnName(column)}{row} có công thức nhưng chưa có giá trị; hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại (formula without a cached value).");
            }

            return "";
        }

        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count
                ? strings[i].Trim()
                : throw new OfficialTableFormatException((int)row, $"ô {ColumnName(column)}{row} trỏ tới chuỗi không tồn tại (broken shared string).");
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        if (type is null || type == CellValues.Number)
        {
            return NumberText(raw);
        }

        return raw.Trim(); // inline/formula strings, error values (#DIV/0! is then reported as "not a number")
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

    private static string Cell(List<string> cells, int index) => index >= 0 && index < cells.Count ? cells[index] : "";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    /// <summary>A criterion being read: its first row and any continuation rows below it.</summary>
    private sealed class RowDraft(string code, int line)
    {
        private readonly List<string> _title = [];
        private readonly List<string> _explanation = [];
        private string? _max;
        private string? _score;

        public void Merge(List<string> cells, OfficialTableColumns columns, int at)
        {
            var title = Cell(cells, columns.Title);
            if (title.Length > 0)
            {
                _title.Add(title);
            }

            _max = Fill(_max, Cell(cells, columns.Max), at, OfficialTableBuilder.MaxColumn);
            _score = Fill(_score, Cell(cells, columns.Score), at, OfficialTableBuilder.ScoreColumn);
            var explanation = Cell(cells, columns.Explanation);
            if (explanation.Length > 0)
            {
                _explanation.Add(explanation.Replace("\r\n", "\n", StringComparison.Ordinal));
            }
        }

        public RawTableRow ToRaw() => new(code, string.Join(" ", _title), _max, _score, string.Join("\n", _explanation), line);

        private string? Fill(string? current, string found, int at, string column)
        {
            if (found.Length == 0)
            {
                return current;
            }

            if (current is not null)
            {
                throw new OfficialTableFormatException(at,
                    $"hàng {code} đã có {column.ToLowerInvariant()} '{current}', hàng này lại ghi '{found}' (a second value for row {code}).", column);
            }

            return found;
        }
    }
}
