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

    /// <summary>True when the cells (plain text) are a header row: STT first and a column about points.</summary>
    public static bool IsHeader(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return cells.Count >= 3
            && CodeHeaders.Contains(cells[0].Trim().ToLowerInvariant())
            && cells.Any(c => c.Contains("điểm", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Maps a header row (plain text cells, possibly joined from several lines) to columns; falls
    /// back to <see cref="Default"/> when the title or a point column cannot be recognised.
    /// </summary>
    public static OfficialTableColumns FromHeader(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var names = cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
        var max = names.FindIndex(n => n.Contains("chuẩn", StringComparison.Ordinal) || n.Contains("tối đa", StringComparison.Ordinal));
        var score = names.FindIndex(n => n.Contains("tự đánh giá", StringComparison.Ordinal) || n.Contains("tự chấm", StringComparison.Ordinal));
        if (score < 0)
        {
            score = FindIndex(names, (n, i) => i != max && n.Contains("điểm", StringComparison.Ordinal));
        }

        var title = FindIndex(names, (n, i) => i != 0 && !n.Contains("điểm", StringComparison.Ordinal)
            && (n.Contains("tiêu chí", StringComparison.Ordinal) || n.Contains("lĩnh vực", StringComparison.Ordinal) || n.Contains("nội dung", StringComparison.Ordinal)));
        var explanation = names.FindIndex(n => n.Contains("giải trình", StringComparison.Ordinal) || n.Contains("ghi chú", StringComparison.Ordinal)
            || n.Contains("thuyết minh", StringComparison.Ordinal) || n.Contains("diễn giải", StringComparison.Ordinal)
            || n.Contains("giải thích", StringComparison.Ordinal) || n.Contains("lý do", StringComparison.Ordinal));
        if (max < 0 || score < 0 || title < 0 || max == score)
        {
            return Default with { Width = Math.Max(Default.Width, cells.Count) };
        }

        return new OfficialTableColumns(0, title, max, score, explanation, cells.Count);
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
