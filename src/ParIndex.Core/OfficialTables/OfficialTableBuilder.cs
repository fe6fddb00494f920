using System.Text;
using System.Text.RegularExpressions;
using ParIndex.Core.Numbers;

namespace ParIndex.Core.OfficialTables;

/// <summary>
/// Builds an <see cref="OfficialTable"/> from rows found by any front end (the PDF-to-text reader,
/// an xlsx reader, …), independent of the document's format. It parses the number cells, builds
/// the tree from the hierarchical codes (<c>1</c> → <c>1.3</c> → <c>1.3.1</c> → <c>1.3.1.2</c>),
/// marks survey rows, and rejects what makes the table meaningless (duplicate code, missing
/// parent, unparsable number) with an <see cref="OfficialTableFormatException"/> naming the line.
/// It does not check the arithmetic: that is <see cref="OfficialTableVerifier"/>'s job, so a table
/// whose sums are wrong can still be read and shown.
/// </summary>
public static partial class OfficialTableBuilder
{
    /// <summary>Column names used in messages (the official headers).</summary>
    public const string CodeColumn = "STT";
    public const string TitleColumn = "Lĩnh vực/Tiêu chí/Tiêu chí thành phần";
    public const string MaxColumn = "Điểm chuẩn";
    public const string ScoreColumn = "Điểm tự đánh giá";

    /// <summary>The phrase that marks a row scored by the sociological survey.</summary>
    public const string SurveyPhrase = "Đánh giá qua điều tra xã hội học";

    /// <param name="titleLines">Title block lines, plain text; empty lines are dropped.</param>
    /// <param name="rows">Rows in document order.</param>
    /// <param name="total">The TỔNG ĐIỂM row, or null when the document has none.</param>
    /// <param name="tableLine">Where the table starts (its header), used when it has no row at all.</param>
    /// <exception cref="OfficialTableFormatException">No row, a bad code, a duplicate code, a code whose parent is missing, a missing or unparsable number.</exception>
    public static OfficialTable Build(IEnumerable<string> titleLines, IEnumerable<RawTableRow> rows, RawTableTotal? total = null, int tableLine = 1)
    {
        ArgumentNullException.ThrowIfNull(titleLines);
        ArgumentNullException.ThrowIfNull(rows);

        var parsed = new List<ParsedRow>();
        var byCode = new Dictionary<string, ParsedRow>(StringComparer.Ordinal);
        foreach (var raw in rows)
        {
            var row = Parse(raw);
            if (byCode.TryGetValue(row.Code, out var first))
            {
                throw new OfficialTableFormatException(raw.Line,
                    $"mã {row.Code} bị trùng, đã có ở dòng {first.Raw.Line} (duplicate code {row.Code}, first on line {first.Raw.Line}).", CodeColumn);
            }

            byCode.Add(row.Code, row);
            parsed.Add(row);
        }

        if (parsed.Count == 0)
        {
            throw new OfficialTableFormatException(tableLine, "bảng không có hàng tiêu chí nào (the table has no rows).");
        }

        var roots = new List<ParsedRow>();
        foreach (var row in parsed)
        {
            var parentCode = ParentCode(row.Code);
            if (parentCode is null)
            {
                roots.Add(row);
            }
            else if (byCode.TryGetValue(parentCode, out var parent))
            {
                parent.Children.Add(row);
            }
            else
            {
                throw new OfficialTableFormatException(row.Raw.Line,
                    $"mã {row.Code} không có hàng cha {parentCode} trong bảng (the parent {parentCode} of code {row.Code} is missing).", CodeColumn);
            }
        }

        decimal? totalMax = null, totalScore = null;
        if (total is not null)
        {
            totalMax = ParseOptional(total.MaxText, total.Line, MaxColumn);
            totalScore = ParseOptional(total.ScoreText, total.Line, ScoreColumn);
        }

        return new OfficialTable
        {
            TitleLines = titleLines.Select(t => t.Trim()).Where(t => t.Length > 0).ToList(),
            Rows = roots.Select(ToRow).ToList(),
            StatedTotalMax = totalMax,
            StatedTotalScore = totalScore,
            TotalSourceLine = total?.Line,
        };
    }

    /// <summary>True when the text says the row is scored by the sociological survey.</summary>
    public static bool IsSurveyText(string? explanation) =>
        explanation is not null
        && explanation.Normalize(NormalizationForm.FormC).Contains(SurveyPhrase, StringComparison.OrdinalIgnoreCase);

    /// <summary>The code one level up (<c>1.3.1</c> → <c>1.3</c>), or null for a top-level code.</summary>
    public static string? ParentCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var dot = code.LastIndexOf('.');
        return dot < 0 ? null : code[..dot];
    }

    /// <summary>
    /// Normalizes a code as written in the STT cell (<c> 1.3. </c> → <c>1.3</c>) or returns null
    /// when it is not a hierarchical code of numbers.
    /// </summary>
    public static string? NormalizeCode(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var s = text.Trim().TrimEnd('.');
        return CodePattern().IsMatch(s) ? s : null;
    }

    private static ParsedRow Parse(RawTableRow raw)
    {
        var code = NormalizeCode(raw.Code)
            ?? throw new OfficialTableFormatException(raw.Line,
                $"'{raw.Code}' không phải mã tiêu chí dạng 1, 1.2, 1.2.3 (not a criterion code).", CodeColumn);
        var max = ParseOptional(raw.MaxText, raw.Line, MaxColumn)
            ?? throw new OfficialTableFormatException(raw.Line,
                $"hàng {code} thiếu điểm chuẩn (row {code} has no maximum).", MaxColumn);
        var score = ParseOptional(raw.ScoreText, raw.Line, ScoreColumn);
        return new ParsedRow(raw, code, max, score);
    }

    private static decimal? ParseOptional(string? text, int line, string column)
    {
        var s = text?.Trim() ?? "";
        // A dash is how some tables leave a number cell empty.
        if (s.Length == 0 || s is "-" or "–" or "—")
        {
            return null;
        }

        if (!VietnameseNumbers.TryParse(s, out var value))
        {
            throw new OfficialTableFormatException(line, $"'{s}' không phải là số (not a number).", column);
        }

        return value;
    }

    private static OfficialTableRow ToRow(ParsedRow row) => new()
    {
        Code = row.Code,
        Title = row.Raw.Title.Trim(),
        Max = row.Max,
        Score = row.Score,
        Explanation = row.Raw.Explanation.Trim(),
        IsSurvey = IsSurveyText(row.Raw.Explanation),
        SourceLine = row.Raw.Line,
        Children = row.Children.Select(ToRow).ToList(),
    };

    [GeneratedRegex(@"^\d+(\.\d+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    private sealed record ParsedRow(RawTableRow Raw, string Code, decimal Max, decimal? Score)
    {
        public List<ParsedRow> Children { get; } = [];
    }
}
