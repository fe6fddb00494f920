namespace ParIndex.Core.OfficialTables;

/// <summary>
/// Where the cells of an official table are: 0-based column indexes of STT, title, Điểm chuẩn,
/// Điểm tự đánh giá and Giải trình (−1 when the table has no explanation column). Found from the
/// header's names so that a table with an extra column (e.g. Tài liệu kiểm chứng) or another
/// order still reads; <see cref="Default"/> is the official order.
/// </summary>
public sealed record OfficialTableColumns(int Code, int Title, int Max, int Score, int Explanation, int Width)
{
    /// <summary>STT · Lĩnh vực/Tiêu chí/Tiêu chí thành phần · Điểm chuẩn · Điểm tự đánh giá · Giải trình.</summary>
    public static readonly OfficialTableColumns Default = new(0, 1, 2, 3, 4, 5);

    private static readonly string[] CodeHeaders = ["stt", "tt", "số tt", "số thứ tự", "mã", "mã số"];

    /// <summary>
    /// True when the cells (plain text) are a header row: STT in the first filled cell (the table
    /// may start in column B or later) and a column about points.
    /// </summary>
    public static bool IsHeader(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var first = FirstFilled(cells);
        return first >= 0
            && cells.Count - first >= 3
            && CodeHeaders.Contains(cells[first].Trim().ToLowerInvariant())
            && cells.Any(c => c.Contains("điểm", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// How much a row looks like the header (0 = not at all): one point per header word found
    /// (STT, lĩnh vực, tiêu chí, điểm, chuẩn, tự đánh giá, giải trình). Used to name the row where the
    /// header was expected when none is found.
    /// </summary>
    public static int HeaderLikeness(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var text = " " + string.Join(" ", cells).ToLowerInvariant() + " ";
        string[] words = [" stt ", " tt ", "lĩnh vực", "tiêu chí", "điểm", "chuẩn", "tự đánh giá", "giải trình"];
        return words.Count(w => text.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>
    /// True for the row of column numbers some tables put under the header — <c>(1) (2) (3) (4) (5)</c>
    /// or <c>1 2 3 4 5</c>: at least three filled cells, each a number in brackets or alone, counting up.
    /// </summary>
    public static bool IsColumnNumberRow(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var filled = cells.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (filled.Count < 3)
        {
            return false;
        }

        var previous = 0;
        foreach (var cell in filled)
        {
            var digits = cell.StartsWith('(') && cell.EndsWith(')') ? cell[1..^1].Trim() : cell;
            if (digits.Length is 0 or > 2 || !digits.All(char.IsAsciiDigit) || int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) <= previous)
            {
                return false;
            }

            previous = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        }

        return true;
    }

    private static int FirstFilled(IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Trim().Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Maps a header row (plain text cells, possibly joined from several lines) to columns; falls
    /// back to <see cref="Default"/> when the title or a point column cannot be recognised.
    /// </summary>
    public static OfficialTableColumns FromHeader(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var names = cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
        var code = Math.Max(0, FirstFilled(cells));
        var max = names.FindIndex(n => n.Contains("chuẩn", StringComparison.Ordinal) || n.Contains("tối đa", StringComparison.Ordinal));
        var score = names.FindIndex(n => n.Contains("tự đánh giá", StringComparison.Ordinal) || n.Contains("tự chấm", StringComparison.Ordinal));
        if (score < 0)
        {
            score = FindIndex(names, (n, i) => i != max && i != code && n.Contains("điểm", StringComparison.Ordinal));
        }

        var title = FindIndex(names, (n, i) => i != code && !n.Contains("điểm", StringComparison.Ordinal)
            && (n.Contains("tiêu chí", StringComparison.Ordinal) || n.Contains("lĩnh vực", StringComparison.Ordinal) || n.Contains("nội dung", StringComparison.Ordinal)));
        var explanation = names.FindIndex(n => n.Contains("giải trình", StringComparison.Ordinal) || n.Contains("ghi chú", StringComparison.Ordinal)
            || n.Contains("thuyết minh", StringComparison.Ordinal) || n.Contains("diễn giải", StringComparison.Ordinal)
            || n.Contains("giải thích", StringComparison.Ordinal) || n.Contains("lý do", StringComparison.Ordinal));
        if (max < 0 || score < 0 || title < 0 || max == score)
        {
            // The official order, shifted to where the STT cell is.
            return new OfficialTableColumns(code, code + 1, code + 2, code + 3, code + 4, Math.Max(code + Default.Width, cells.Count));
        }

        return new OfficialTableColumns(code, title, max, score, explanation, cells.Count);
    }

    private static int FindIndex(List<string> names, Func<string, int, bool> predicate)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (predicate(names[i], i))
            {
                return i;
            }
        }

        return -1;
    }
}
