using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace ParIndex.Core.OfficialTables;

/// <summary>
/// Reads an official self-assessment table converted from PDF to text, like the seed: a title block,
/// a header row (STT · Lĩnh vực/Tiêu chí/Tiêu chí thành phần · Điểm chuẩn · Điểm tự đánh giá · Giải
/// trình), one tab-separated line per row, and the TỔNG ĐIỂM row. Page breaks split a row over
/// several lines: a line with an empty STT cell continues the row above (its title cell continues
/// the title, its explanation cell the explanation, an empty number cell may be filled in later).
/// Blank lines, <c>--</c> separator lines, page numbers and a header repeated on a new page are
/// skipped. Lines after TỔNG ĐIỂM (signatures, notes) are ignored.
/// The rows go through <see cref="OfficialTableBuilder"/>; the arithmetic is left to
/// <see cref="OfficialTableVerifier"/>.
/// </summary>
public static partial class OfficialTableTextReader
{
    /// <summary>Largest document read (a self-assessment table is tens of kilobytes).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <exception cref="OfficialTableFormatException">The document is not a readable table.</exception>
    public static OfficialTable Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var span = buffer.GetSpan(81920);
            var read = stream.Read(span);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBytes)
            {
                throw new OfficialTableFormatException(1, $"tệp lớn hơn {MaxBytes / (1024 * 1024)} MB, không phải một biểu tự đánh giá (file too large).");
            }
        }

        return Read(buffer.WrittenSpan);
    }

    /// <exception cref="OfficialTableFormatException">The document is not a readable table.</exception>
    public static OfficialTable Read(ReadOnlySpan<byte> bytes) => Parse(Decode(bytes));

    /// <summary>
    /// Decodes the bytes as UTF-8 (a UTF-8 or UTF-16 byte order mark is honoured) and refuses what is
    /// not text: an empty file, NUL bytes, invalid UTF-8, each reported with its line.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            throw new OfficialTableFormatException(1, "tệp rỗng, không có nội dung (empty file).");
        }

        string text;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            try
            {
                text = new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: true, throwOnInvalidBytes: true).GetString(bytes[2..]);
            }
            catch (DecoderFallbackException)
            {
                throw new OfficialTableFormatException(1, "tệp có dấu UTF-16 nhưng nội dung không phải văn bản UTF-16 hợp lệ (invalid UTF-16).");
            }

            var nul = text.IndexOf('\0', StringComparison.Ordinal);
            if (nul >= 0)
            {
                throw new OfficialTableFormatException(1 + text.AsSpan(0, nul).Count('\n'), BinaryProblem);
            }
        }
        else
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }

            var nul = bytes.IndexOf((byte)0);
            if (nul >= 0)
            {
                throw new OfficialTableFormatException(LineOf(bytes, nul), BinaryProblem);
            }

            var chars = new char[bytes.Length];
            var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                throw new OfficialTableFormatException(LineOf(bytes, bytesRead),
                    $"tệp không phải văn bản UTF-8 hợp lệ (byte 0x{bytes[bytesRead]:X2} ở vị trí {bytesRead + 1}); có thể là tệp nhị phân hoặc mã hoá khác — hãy lưu lại dưới dạng UTF-8 (invalid UTF-8).");
            }

            text = new string(chars, 0, charsWritten);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new OfficialTableFormatException(1, "tệp rỗng, chỉ có khoảng trắng (empty file).");
        }

        return text;
    }

    /// <summary>Reads a table from text already decoded.</summary>
    /// <exception cref="OfficialTableFormatException">The document is not a readable table.</exception>
    public static OfficialTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new OfficialTableFormatException(1, "tệp rỗng, không có nội dung (empty file).");
        }

        var lines = LineBreak().Split(text.TrimStart('\uFEFF').Normalize(NormalizationForm.FormC));
        return new TextTableParser(lines).Parse();
    }

    private const string BinaryProblem =
        "tệp chứa byte NUL: đây là tệp nhị phân (PDF, Word, ảnh…), không phải văn bản — hãy chuyển biểu sang văn bản UTF-8 (binary content).";

    /// <summary>True for a line that is only a page number (<c>12</c>, <c>- 3 -</c>, <c>Trang 2/5</c>).</summary>
    public static bool IsPageNumber(string text) => PageNumber().IsMatch(text);

    private static int LineOf(ReadOnlySpan<byte> bytes, int index) => 1 + bytes[..index].Count((byte)'\n');

    [GeneratedRegex(@"\r\n|\r|\n", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^[\s\-–—=_|:]*$", RegexOptions.CultureInvariant)]
    internal static partial Regex SeparatorCell();

    [GeneratedRegex(@"^\s*(?:trang\s*)?[-–]?\s*\d{1,4}\s*[-–]?\s*(?:/\s*\d{1,4})?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex PageNumber();

    /// <summary>The state of one pass over the lines.</summary>
    private sealed class TextTableParser(string[] lines)
    {
        private readonly List<string> titleLines = [];
        private readonly List<RowDraft> rows = [];
        private readonly HashSet<string> headerLines = new(StringComparer.Ordinal);
        private List<string>? header;
        private int tableLine;
        private OfficialTableColumns columns = OfficialTableColumns.Default;
        private RawTableTotal? total;

        public OfficialTable Parse()
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var lineNo = i + 1;
                var line = lines[i];
                if (TableCellText.Clean(line).Length == 0)
                {
                    continue;
                }

                var cells = line.Split('\t');
                if (tableLine == 0)
                {
                    ReadBeforeTable(cells, lineNo);
                }
                else if (total is null)
                {
                    ReadTableLine(cells, lineNo);
                }
                else if (cells.Length >= 2 && OfficialTableBuilder.NormalizeCode(TableCellText.Clean(Cell(cells, columns.Code))) is { } code)
                {
                    throw new OfficialTableFormatException(lineNo,
                        $"hàng {code} nằm sau dòng TỔNG ĐIỂM (row {code} after the total row).", OfficialTableBuilder.CodeColumn);
                }
            }

            if (tableLine == 0)
            {
                // Name the line most like a header (or the first line with text), not the last line read.
                var best = 0;
                var bestScore = -1;
                for (var i = 0; i < lines.Length; i++)
                {
                    var score = lines[i].Trim().Length == 0 ? -1 : OfficialTableColumns.HeaderLikeness(lines[i].Split('\t').Select(TableCellText.Clean).ToList());
                    if (score > bestScore)
                    {
                        (best, bestScore) = (i, score);
                    }
                }

                var near = bestScore > 0 ? $"; dòng giống dòng tiêu đề nhất là dòng {best + 1} (\"{Shorten(TableCellText.Clean(lines[best]))}\")" : "";
                throw new OfficialTableFormatException(best + 1,
                    "không tìm thấy bảng: không có dòng tiêu đề (STT · Lĩnh vực/Tiêu chí/Tiêu chí thành phần · Điểm chuẩn · Điểm tự đánh giá · Giải trình) "
                    + $"và không có hàng nào có mã tiêu chí, các ô phân cách bằng tab{near} (no table header or rows found).");
            }

            return OfficialTableBuilder.Build(titleLines, rows.Select(r => r.ToRaw()), total, tableLine);
        }

        private void ReadBeforeTable(string[] cells, int lineNo)
        {
            var plain = cells.Select(TableCellText.Clean).ToList();
            if (OfficialTableColumns.IsHeader(plain))
            {
                header = plain;
                headerLines.Add(Signature(plain));
                columns = OfficialTableColumns.FromHeader(plain);
                tableLine = lineNo;
            }
            else if (cells.Length >= 2 && OfficialTableBuilder.NormalizeCode(plain[0]) is not null)
            {
                // No header (cut off, or never there): the official column order is assumed.
                tableLine = lineNo;
                ReadTableLine(cells, lineNo);
            }
            else if (!plain.All(c => SeparatorCell().IsMatch(c)))
            {
                titleLines.Add(string.Join(" ", plain.Where(c => c.Length > 0)));
            }
        }

        private void ReadTableLine(string[] cells, int lineNo)
        {
            var plain = cells.Select(TableCellText.Clean).ToList();
            if (plain.All(c => SeparatorCell().IsMatch(c)) || OfficialTableColumns.IsHeader(plain) || headerLines.Contains(Signature(plain))
                || OfficialTableColumns.IsColumnNumberRow(plain))
            {
                return; // "--" lines, the header (and its wrapped lines) repeated on a new page, the column numbers (1) (2) (3)
            }

            if (cells.Length == 1)
            {
                if (PageNumber().IsMatch(plain[0]))
                {
                    return;
                }

                throw new OfficialTableFormatException(lineNo,
                    $"dòng \"{Shorten(plain[0])}\" không có ô nào phân cách bằng tab, không rõ thuộc hàng nào của bảng (line without cells inside the table).");
            }

            var first = Cell(plain, columns.Code);
            if (OfficialTableBuilder.NormalizeCode(first) is { } code)
            {
                var row = new RowDraft(code, lineNo);
                Merge(row, cells, plain, lineNo);
                rows.Add(row);
            }
            else if (IsTotal(plain))
            {
                total = new RawTableTotal(NullIfEmpty(Cell(plain, columns.Max)), NullIfEmpty(Cell(plain, columns.Score)), lineNo);
            }
            else if (first.Length > 0)
            {
                throw new OfficialTableFormatException(lineNo,
                    $"'{Shorten(first)}' không phải mã tiêu chí dạng 1, 1.2, 1.2.3 (not a criterion code).", OfficialTableBuilder.CodeColumn);
            }
            else if (rows.Count > 0)
            {
                Merge(rows[^1], cells, plain, lineNo);
            }
            else if (header is not null)
            {
                // A header whose cells wrap onto the next line: join the pieces column by column.
                headerLines.Add(Signature(plain));
                for (var c = 0; c < plain.Count; c++)
                {
                    if (c < header.Count)
                    {
                        header[c] = (header[c] + " " + plain[c]).Trim();
                    }
                    else
                    {
                        header.Add(plain[c]);
                    }
                }

                columns = OfficialTableColumns.FromHeader(header);
            }
        }

        private bool IsTotal(List<string> plain)
        {
            var label = (Cell(plain, columns.Code) + " " + Cell(plain, columns.Title)).Trim().ToUpperInvariant();
            return label.StartsWith("TỔNG", StringComparison.Ordinal)
                && (Cell(plain, columns.Max).Length > 0 || Cell(plain, columns.Score).Length > 0);
        }

        /// <summary>Adds a line's cells to a row: the first line of the row, or a continuation after a page break.</summary>
        private void Merge(RowDraft row, string[] cells, List<string> plain, int lineNo)
        {
            row.AddTitle(Cell(plain, columns.Title));
            row.MaxText = Fill(row.MaxText, Cell(plain, columns.Max), row.Code, lineNo, OfficialTableBuilder.MaxColumn);
            row.ScoreText = Fill(row.ScoreText, Cell(plain, columns.Score), row.Code, lineNo, OfficialTableBuilder.ScoreColumn);
            if (columns.Explanation >= 0 && columns.Explanation < cells.Length)
            {
                // Tabs inside the last column's text split it into more cells: they belong to it.
                var last = columns.Explanation == columns.Width - 1 ? cells.Length : columns.Explanation + 1;
                row.Explanation.Append(string.Join(" ", cells[columns.Explanation..last]));
            }
        }

        private static string? Fill(string? current, string found, string code, int lineNo, string column)
        {
            if (found.Length == 0)
            {
                return current;
            }

            if (!string.IsNullOrEmpty(current))
            {
                throw new OfficialTableFormatException(lineNo,
                    $"hàng {code} đã có {column.ToLowerInvariant()} '{current}', dòng này lại ghi '{found}' (a second value for row {code}).", column);
            }

            return found;
        }

        private static string Signature(List<string> plain) => string.Join("\t", plain).TrimEnd('\t');

        private static string Cell(IReadOnlyList<string> cells, int index) => index >= 0 && index < cells.Count ? cells[index] : "";

        private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

        private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
    }

    private sealed class RowDraft(string code, int line)
    {
        private readonly List<string> titleParts = [];

        public string Code { get; } = code;

        public string? MaxText { get; set; }

        public string? ScoreText { get; set; }

        public ExplanationDraft Explanation { get; } = new();

        public void AddTitle(string part)
        {
            if (part.Length > 0)
            {
                titleParts.Add(part);
            }
        }

        public RawTableRow ToRaw() => new(Code, string.Join(" ", titleParts), MaxText, ScoreText, Explanation.Text, line);
    }

    /// <summary>
    /// Paragraphs of an explanation collected over several lines. A page break inside a paragraph
    /// continues it (the converter may still open the next piece with &lt;p&gt;: it is joined when
    /// the previous piece left its paragraph open and the new piece starts in lower case).
    /// </summary>
    private sealed class ExplanationDraft
    {
        // StringBuilders: a row continued over thousands of lines must not be copied on every line.
        private readonly List<StringBuilder> paragraphs = [];
        private bool open;

        public string Text => string.Join("\n", paragraphs);

        public void Append(string raw)
        {
            var pieces = TableCellText.Paragraphs(raw, out var startsWithBreak, out var endsWithBreak);
            if (pieces.Count == 0)
            {
                open &= !endsWithBreak;
                return;
            }

            var join = paragraphs.Count > 0 && open && (!startsWithBreak || char.IsLower(pieces[0][0]));
            if (join)
            {
                paragraphs[^1].Append(' ').Append(pieces[0]);
            }
            else
            {
                paragraphs.Add(new StringBuilder(pieces[0]));
            }

            paragraphs.AddRange(pieces.Skip(1).Select(p => new StringBuilder(p)));
            open = !endsWithBreak;
        }
    }
}
