using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ParIndex.Core.OfficialTables;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace ParIndex.Documents.OfficialTables;

/// <summary>
/// Reads an official table straight from a PDF (this app's export, a browser's print of an HTML
/// table, LibreOffice's PDF of a Word table) from the positions of its words (ADR 0117):
/// <list type="number">
/// <item>words are grouped into lines by their baseline, page after page;</item>
/// <item>the header is the line with STT and the lines of the same header row around it (a wrapped
/// header cell); the table runs from it to the TỔNG ĐIỂM line (or the end);</item>
/// <item>columns are separated where no line of the table has ink: the vertical gutters between
/// cells (a cell's text never crosses its border), each named by the header words above it; a
/// stretch without a header of its own belongs to the column on its left;</item>
/// <item>each line becomes a row of cells for <see cref="OfficialTableGridReader"/>: a line with a
/// code starts a criterion, one without continues it (a wrapped cell, a row continued on the next
/// page); the header repeated on later pages and page numbers are skipped.</item>
/// </list>
/// Lines are numbered over the whole document; problems name the page too (<c>[trang 2]</c>).
/// Limits: cells must be top-aligned (a row whose code is vertically centred beside a long cell
/// is split), and text must be real text, not a scanned image.
/// </summary>
public static partial class PdfTableReader
{
    /// <summary>Largest PDF read (an official table of 133 rows is under a megabyte).</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    /// <summary>Most pages read: the seed table is about 20 pages.</summary>
    public const int MaxPages = 1000;

    /// <summary>Most words read over all pages.</summary>
    public const int MaxWords = 1_000_000;

    /// <summary>Width of one step of the gutter scan, in points.</summary>
    private const double Step = 0.5;

    /// <summary>True when the bytes start like a PDF (<c>%PDF-</c>, perhaps after a few bytes of junk as readers allow).</summary>
    public static bool LooksLikePdf(ReadOnlySpan<byte> start) => start.IndexOf("%PDF-"u8) is >= 0 and < 1024 - 5;

    /// <exception cref="OfficialTableFormatException">The PDF is not a readable table.</exception>
    public static OfficialTable Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = TableFileBytes.ReadAll(stream, MaxBytes);
        return Read(copy.ToArray());
    }

    /// <exception cref="OfficialTableFormatException">The PDF is not a readable table.</exception>
    public static OfficialTable Read(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        return ReadPages(Words(pdf));
    }

    /// <summary>The table from the words of each page (the part of the reader the fuzz target drives).</summary>
    internal static OfficialTable ReadPages(IReadOnlyList<IReadOnlyList<PdfWordBox>> pages)
    {
        var lines = new List<PdfLine>();
        for (var p = 0; p < pages.Count; p++)
        {
            // A word off any page (a coordinate no page has) is not shown, and would make the gutter scan huge.
            var visible = pages[p].Select(w => w with { Text = ValidText(w.Text) }).Where(w => w.Text.Length > 0 && Math.Abs(w.Left) <= MaxCoordinate && Math.Abs(w.Right) <= MaxCoordinate
                && w.Right >= w.Left && Math.Abs(w.Baseline) <= MaxCoordinate && w.Height is > 0 and <= MaxCoordinate);
            foreach (var (baseline, height, words) in GroupIntoLines(visible))
            {
                lines.Add(new PdfLine(p + 1, lines.Count + 1, baseline, height, words));
            }
        }

        if (lines.Count == 0)
        {
            throw new OfficialTableFormatException(1, "tệp PDF không có chữ (có thể là ảnh quét); hãy dùng PDF xuất từ Word, Excel hoặc trình duyệt (no text in the PDF).");
        }

        return ReadLines(lines);
    }

    /// <summary>One line of text on a page: its words left to right.</summary>
    internal sealed record PdfLine(int Page, int Number, double Baseline, double Height, IReadOnlyList<PdfWordBox> Words)
    {
        public string Text => string.Join(" ", Words.Select(w => w.Text));
    }

    /// <summary>A word and its box, in points from the page's bottom-left corner.</summary>
    internal sealed record PdfWordBox(string Text, double Left, double Right, double Baseline, double Height);

    /// <summary>Largest coordinate kept, in points (a page is at most 14 400 pt wide).</summary>
    private const double MaxCoordinate = 15_000;

    /// <summary>The words of every page with their boxes.</summary>
    private static List<IReadOnlyList<PdfWordBox>> Words(byte[] pdf)
    {
        var pages = new List<IReadOnlyList<PdfWordBox>>();
        try
        {
            using var document = PdfDocument.Open(pdf);
            if (document.NumberOfPages > MaxPages)
            {
                throw new OfficialTableFormatException(1, $"tệp PDF có {document.NumberOfPages} trang, nhiều hơn {MaxPages} trang của một biểu (too many pages).");
            }

            var total = 0;
            foreach (var page in document.GetPages())
            {
                var words = new List<PdfWordBox>();
                foreach (var word in page.GetWords())
                {
                    if (string.IsNullOrWhiteSpace(word.Text) || word.Letters.Count == 0)
                    {
                        continue;
                    }

                    if (++total > MaxWords)
                    {
                        throw new OfficialTableFormatException(1, $"tệp PDF có hơn {MaxWords} từ, không phải một biểu tự đánh giá (too many words).");
                    }

                    words.Add(Box(word));
                }

                pages.Add(words);
            }
        }
        catch (Exception ex) when (IsPdfFailure(ex))
        {
            throw new OfficialTableFormatException($"Dòng 1: tệp không phải PDF đọc được hoặc đã hỏng, hoặc có mật khẩu (not a readable PDF: {Shorten(ex.Message)}).", ex);
        }

        return pages;
    }

    /// <summary>
    /// The word's text in composed form (NFC), with what a broken ToUnicode map can produce made
    /// harmless: a lone surrogate becomes U+FFFD, control characters are dropped.
    /// </summary>
    private static string ValidText(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                clean.Append('\uFFFD');
            }
            else if (!char.IsControl(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString().Trim().Normalize(NormalizationForm.FormC);
    }

    private static PdfWordBox Box(Word word)
    {
        var first = word.Letters[0];
        var size = word.Letters.Max(l => l.PointSize);
        var text = word.Text;
        return new PdfWordBox(text, word.BoundingBox.Left, word.BoundingBox.Right, first.StartBaseLine.Y, size > 0 ? size : word.BoundingBox.Height);
    }

    /// <summary>Words whose baselines lie within a third of the text size of each other are one line; lines top to bottom.</summary>
    internal static List<(double Baseline, double Height, List<PdfWordBox> Words)> GroupIntoLines(IEnumerable<PdfWordBox> words)
    {
        var result = new List<(double Baseline, double Height, List<PdfWordBox> Words)>();
        foreach (var word in words.OrderByDescending(w => w.Baseline).ThenBy(w => w.Left))
        {
            if (result.Count > 0 && Math.Abs(result[^1].Baseline - word.Baseline) <= Math.Max(result[^1].Height, word.Height) / 3)
            {
                result[^1].Words.Add(word);
                continue;
            }

            result.Add((word.Baseline, word.Height, [word]));
        }

        foreach (var line in result)
        {
            line.Words.Sort((a, b) => a.Left.CompareTo(b.Left));
        }

        return result;
    }

    private static OfficialTable ReadLines(List<PdfLine> lines)
    {
        var headerAt = lines.FindIndex(l => IsHeaderStart(lines, l));
        if (headerAt < 0)
        {
            // No header: the grid reader names the line most like one.
            return OfficialTableGridReader.Read(lines.Select(l => new TableGridRow(l.Number, [l.Text]) { Page = l.Page }), spreadsheet: false, "trong tệp PDF");
        }

        var (first, last) = HeaderBand(lines, headerAt);
        var end = lines.FindIndex(last + 1, IsTotal);
        var tableEnd = end < 0 ? lines.Count - 1 : end;
        var body = lines.Skip(first).Take(tableEnd - first + 1).Where(l => !IsPageNumber(lines, l.Number - 1)).ToList();
        var columns = Columns(body, lines.Skip(first).Take(last - first + 1).ToList());

        var headerCells = Enumerable.Repeat("", columns.Count).ToArray();
        var headerSignatures = new HashSet<string>(StringComparer.Ordinal);
        for (var i = first; i <= last; i++)
        {
            var cells = Cells(lines[i], columns);
            headerSignatures.Add(string.Join("\t", cells));
            for (var c = 0; c < cells.Length; c++)
            {
                headerCells[c] = (headerCells[c] + " " + cells[c]).Trim();
            }
        }

        var rows = new List<TableGridRow>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i < first)
            {
                rows.Add(new TableGridRow(line.Number, [line.Text]) { Page = line.Page });
            }
            else if (i == first)
            {
                rows.Add(new TableGridRow(line.Number, headerCells) { Page = line.Page });
            }
            else if (i > last && !IsPageNumber(lines, i))
            {
                var cells = Cells(line, columns);
                // The header repeated on a later page, line by line.
                if (!headerSignatures.Contains(string.Join("\t", cells)))
                {
                    rows.Add(new TableGridRow(line.Number, cells) { Page = line.Page });
                }
            }
        }

        return OfficialTableGridReader.Read(rows, spreadsheet: false, "trong tệp PDF");
    }

    /// <summary>
    /// A line with STT (or TT) as a word of its own and a word about points on it or on a line of
    /// the same header row (a cell centred vertically starts higher, a wrapped one ends lower).
    /// </summary>
    private static bool IsHeaderStart(List<PdfLine> lines, PdfLine line) =>
        line.Words.Any(w => w.Text is "STT" or "TT" or "Stt")
        && lines.Skip(Math.Max(0, line.Number - 4)).Take(7)
            .Where(l => l.Page == line.Page && Math.Abs(l.Baseline - line.Baseline) <= 3 * line.Height)
            .Any(l => l.Words.Any(w => w.Text.StartsWith("Điểm", StringComparison.Ordinal) || w.Text.StartsWith("điểm", StringComparison.Ordinal)));

    /// <summary>
    /// The lines of the header row: the STT line, the close lines just above it (a cell centred
    /// vertically, whose text starts higher) and below it up to the first row with a code (a cell
    /// wrapped), without a row of column numbers.
    /// </summary>
    private static (int First, int Last) HeaderBand(List<PdfLine> lines, int at)
    {
        var stt = lines[at].Words.First(w => w.Text is "STT" or "TT" or "Stt");
        var first = at;
        while (first > 0 && lines[first - 1].Page == lines[at].Page && Close(lines[first - 1], lines[first]) && !CentredTitle(lines[first - 1], stt))
        {
            first--;
        }

        var last = at;
        while (last + 1 < lines.Count && lines[last + 1].Page == lines[at].Page && Close(lines[last], lines[last + 1])
            && !StartsWithCode(lines[last + 1], stt) && !OfficialTableColumns.IsColumnNumberRow(lines[last + 1].Words.Select(w => w.Text).ToList()))
        {
            last++;
        }

        return (first, last);
    }

    /// <summary>Two lines of one cell: the gap between their baselines is at most 1.6 times the text size.</summary>
    private static bool Close(PdfLine upper, PdfLine lower) => upper.Baseline - lower.Baseline <= 1.6 * Math.Max(upper.Height, lower.Height);

    /// <summary>A title line above the table reaches left of the STT column's words: no header cell does.</summary>
    private static bool CentredTitle(PdfLine line, PdfWordBox stt) => line.Words[0].Left < stt.Left - (2 * stt.Height);

    private static bool StartsWithCode(PdfLine line, PdfWordBox stt) =>
        line.Words[0].Left < stt.Right + (2 * stt.Height) && OfficialTableBuilder.NormalizeCode(line.Words[0].Text) is not null;

    private static bool IsTotal(PdfLine line) =>
        line.Words.Count >= 2 && line.Words[0].Text.StartsWith("TỔNG", StringComparison.Ordinal)
        && line.Words.Any(w => OfficialTableBuilder.TryParseNumber(w.Text, out _));

    /// <summary>A page number: alone on the first or last line of its page (a lone "2021" inside the table ends a wrapped title).</summary>
    private static bool IsPageNumber(List<PdfLine> lines, int index)
    {
        var line = lines[index];
        var edge = index == 0 || index == lines.Count - 1 || lines[index - 1].Page != line.Page || lines[index + 1].Page != line.Page;
        return edge && (OfficialTableTextReader.IsPageNumber(line.Text) || PageOfPages().IsMatch(line.Text));
    }

    /// <summary>
    /// Column edges: scanning left to right, the gutters are runs of x where (almost) no line of the
    /// table has a word; the columns are what lies between them. A column without header words is
    /// joined to the one on its left (a gap inside a cell that happens to line up), so every column
    /// has a header.
    /// </summary>
    internal static List<(double Left, double Right)> Columns(IReadOnlyList<PdfLine> body, IReadOnlyList<PdfLine> header)
    {
        var minX = body.SelectMany(l => l.Words).Min(w => w.Left);
        var maxX = body.SelectMany(l => l.Words).Max(w => w.Right);
        var bins = Math.Max(1, (int)Math.Ceiling((maxX - minX) / Step) + 1);
        var coverage = new int[bins];
        foreach (var line in body)
        {
            foreach (var word in line.Words)
            {
                var from = (int)Math.Floor((word.Left - minX) / Step);
                var to = Math.Min(bins - 1, (int)Math.Ceiling((word.Right - minX) / Step));
                for (var b = Math.Max(0, from); b <= to; b++)
                {
                    coverage[b]++;
                }
            }
        }

        // A stray line across a gutter (a note) must not close it: allow ink from 1 line in 50.
        var allowed = body.Count / 50;
        var minGap = Math.Max(2.5, body.SelectMany(l => l.Words).Select(w => w.Height).DefaultIfEmpty(10).Average() * 0.3);
        var edges = new List<double>();
        var start = -1;
        for (var b = 0; b <= bins; b++)
        {
            var empty = b < bins && coverage[b] <= allowed;
            if (empty && start < 0)
            {
                start = b;
            }
            else if (!empty && start >= 0)
            {
                if ((b - start) * Step >= minGap)
                {
                    edges.Add(minX + ((start + b) / 2.0 * Step));
                }

                start = -1;
            }
        }

        var columns = new List<(double Left, double Right)>();
        var left = double.NegativeInfinity;
        foreach (var edge in edges.Append(double.PositiveInfinity))
        {
            columns.Add((left, edge));
            left = edge;
        }

        var headerWords = header.SelectMany(l => l.Words).ToList();
        var merged = new List<(double Left, double Right)>();
        foreach (var column in columns)
        {
            var named = headerWords.Any(w => Center(w) >= column.Left && Center(w) < column.Right);
            if (!named && merged.Count > 0)
            {
                merged[^1] = (merged[^1].Left, column.Right);
            }
            else
            {
                merged.Add(column);
            }
        }

        return merged;
    }

    /// <summary>The line's words placed in the columns (by the middle of each word), joined with spaces.</summary>
    internal static string[] Cells(PdfLine line, List<(double Left, double Right)> columns)
    {
        var cells = new List<string>[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            cells[c] = [];
        }

        foreach (var word in line.Words)
        {
            var x = Center(word);
            var c = columns.FindIndex(col => x >= col.Left && x < col.Right);
            cells[c < 0 ? columns.Count - 1 : c].Add(word.Text);
        }

        return cells.Select(words => string.Join(" ", words)).ToArray();
    }

    private static double Center(PdfWordBox word) => (word.Left + word.Right) / 2;

    // PdfPig throws its own types for what it cannot parse (fonts, streams, encryption) and system
    // ones from deep inside a broken file: each is "not a readable PDF", never a crash.
    private static bool IsPdfFailure(Exception ex) =>
        ex.GetType().Namespace?.StartsWith("UglyToad.PdfPig", StringComparison.Ordinal) == true
        || ex is PdfDocumentFormatException or InvalidOperationException or ArgumentException or FormatException or OverflowException
            or IndexOutOfRangeException or KeyNotFoundException or InvalidCastException or NotSupportedException or IOException
            or NullReferenceException or UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException;

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";

    [GeneratedRegex(@"^\s*(?:trang|page)\s*\d{1,4}\s*(?:/|trên|of)\s*\d{1,4}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageOfPages();
}
