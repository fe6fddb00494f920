using System.Globalization;

namespace ParIndex.Core.OfficialTables;

/// <summary>
/// One row of an official table as a front end (text reader, xlsx reader, …) found it, before
/// the tree is built: cells as text, markup already removed. <see cref="OfficialTableBuilder"/>
/// parses the numbers, so a bad cell is reported with its line and column.
/// </summary>
/// <param name="Code">The STT cell, e.g. <c>1</c>, <c>1.3</c>, <c>1.3.1</c> (a trailing dot is tolerated).</param>
/// <param name="Title">The title cell (lĩnh vực / tiêu chí / tiêu chí thành phần).</param>
/// <param name="MaxText">The Điểm chuẩn cell as written (<c>1,5</c> or <c>1.5</c>); required.</param>
/// <param name="ScoreText">The Điểm tự đánh giá cell as written; null or empty when not filled in.</param>
/// <param name="Explanation">The Giải trình cell, plain text, paragraphs separated by <c>\n</c>.</param>
/// <param name="Line">1-based line of the text, or row of the sheet, where the row starts.</param>
public sealed record RawTableRow(string Code, string Title, string? MaxText, string? ScoreText, string Explanation, int Line)
{
    /// <summary>Where the STT cell is when the front end knows more than the line (<c>B12</c>, <c>trang 2</c>).</summary>
    public string? Cell { get; init; }

    /// <summary>Where the Điểm chuẩn cell is (<c>D12</c>), when known.</summary>
    public string? MaxCell { get; init; }

    /// <summary>Where the Điểm tự đánh giá cell is (<c>E12</c>), when known.</summary>
    public string? ScoreCell { get; init; }

    /// <summary>For front ends that already hold numbers (e.g. a numeric xlsx cell read as decimal).</summary>
    public static RawTableRow FromNumbers(string code, string title, decimal max, decimal? score, string explanation, int line) =>
        new(code, title, max.ToString(CultureInfo.InvariantCulture), score?.ToString(CultureInfo.InvariantCulture), explanation, line);
}

/// <summary>The TỔNG ĐIỂM row as found: stated maximum and points as text, and where it is.</summary>
public sealed record RawTableTotal(string? MaxText, string? ScoreText, int Line)
{
    public string? MaxCell { get; init; }

    public string? ScoreCell { get; init; }

    public static RawTableTotal FromNumbers(decimal? max, decimal? score, int line) =>
        new(max?.ToString(CultureInfo.InvariantCulture), score?.ToString(CultureInfo.InvariantCulture), line);
}
