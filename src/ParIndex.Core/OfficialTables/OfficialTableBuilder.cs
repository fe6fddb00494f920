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

        var problems = new List<OfficialTableProblem>();
        var parsed = new List<ParsedRow>();
        var byCode = new Dictionary<string, ParsedRow>(StringComparer.Ordinal);
        var rowList = rows.ToList();
        var numbers = rowList.SelectMany(r => new[] { r.MaxText, r.ScoreText }).Concat([total?.MaxText, total?.ScoreText]);
        var reading = new NumberReading(problems, DotsGroupThousands(numbers));
        foreach (var raw in rowList)
        {
            // A bad row is noted and left out, so one reading reports every problem of the file.
            var row = Parse(raw, reading);
            if (row is null)
            {
                continue;
            }

            if (byCode.TryGetValue(row.Code, out var first))
            {
                problems.Add(new OfficialTableProblem(raw.Line, CodeColumn,
                    $"mã {row.Code} bị trùng, đã có ở dòng {first.Raw.Line} (duplicate code {row.Code}, first on line {first.Raw.Line}).", raw.Cell));
                continue;
            }

            byCode.Add(row.Code, row);
            parsed.Add(row);
        }

        if (parsed.Count == 0 && problems.Count == 0)
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
                problems.Add(new OfficialTableProblem(row.Raw.Line, CodeColumn,
                    $"mã {row.Code} không có hàng cha {parentCode} trong bảng (the parent {parentCode} of code {row.Code} is missing).", row.Raw.Cell));
            }
        }

        decimal? totalMax = null, totalScore = null;
        if (total is not null)
        {
            totalMax = reading.Optional(total.MaxText, total.Line, MaxColumn, total.MaxCell);
            totalScore = reading.Optional(total.ScoreText, total.Line, ScoreColumn, total.ScoreCell);
        }

        if (problems.Count > 0)
        {
            throw new OfficialTableFormatException(problems.OrderBy(p => p.Line).ToList());
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

    private static ParsedRow? Parse(RawTableRow raw, NumberReading reading)
    {
        var problems = reading.Problems;
        var code = NormalizeCode(raw.Code);
        if (code is null)
        {
            problems.Add(new OfficialTableProblem(raw.Line, CodeColumn,
                $"'{raw.Code}' không phải mã tiêu chí dạng 1, 1.2, 1.2.3 (not a criterion code).", raw.Cell));
            return null;
        }

        var count = problems.Count;
        var max = reading.Optional(raw.MaxText, raw.Line, MaxColumn, raw.MaxCell);
        var score = reading.Optional(raw.ScoreText, raw.Line, ScoreColumn, raw.ScoreCell);
        if (max is null && problems.Count == count)
        {
            problems.Add(new OfficialTableProblem(raw.Line, MaxColumn, $"hàng {code} thiếu điểm chuẩn (row {code} has no maximum).", raw.MaxCell));
        }

        // A row with a bad number keeps its place in the tree (the table is refused anyway), so that
        // its children are not also reported as orphans.
        return new ParsedRow(raw, code, max ?? 0m, score);
    }

    /// <summary>
    /// True when the table writes decimals with a comma (<c>1,25</c>) and never with a dot: then a
    /// dot between groups of three digits groups thousands, as the figure rules read a whole number
    /// (<c>14.000</c> → 14 000, which the verifier then reports above its maximum). A table that writes
    /// its decimals with dots (<c>65.249</c>) keeps them as decimals.
    /// </summary>
    private static bool DotsGroupThousands(IEnumerable<string?> numbers)
    {
        var comma = false;
        foreach (var text in numbers)
        {
            var s = text?.Trim() ?? "";
            if (CommaDecimal().IsMatch(s))
            {
                comma = true;
            }
            else if (DotDecimal().IsMatch(s) && !ThousandsWithDots().IsMatch(s))
            {
                return false; // 1.5, 0.125: this table's decimal mark is the dot
            }
        }

        return comma;
    }

    /// <summary>
    /// A number cell as typed in a table: <c>1,5</c> or <c>1.5</c>; with <paramref name="dotsGroupThousands"/>
    /// (see <see cref="DotsGroupThousands"/>) <c>14.000</c> is 14 000, otherwise as
    /// <see cref="VietnameseNumbers.TryParse"/> reads it.
    /// </summary>
    public static bool TryParseNumber(string? text, out decimal value, bool dotsGroupThousands = false)
    {
        var s = (text ?? "").Trim();
        if (dotsGroupThousands && ThousandsWithDots().IsMatch(s))
        {
            return decimal.TryParse(s.Replace(".", "", StringComparison.Ordinal), System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out value);
        }

        return VietnameseNumbers.TryParse(s, out value);
    }

    /// <summary>Parses the number cells of one table, noting each bad one.</summary>
    private sealed class NumberReading(List<OfficialTableProblem> problems, bool dotsGroupThousands)
    {
        public List<OfficialTableProblem> Problems => problems;

        public decimal? Optional(string? text, int line, string column, string? cell)
        {
            var s = text?.Trim() ?? "";
            // A dash is how some tables leave a number cell empty.
            if (s.Length == 0 || s is "-" or "–" or "—")
            {
                return null;
            }

            if (!TryParseNumber(s, out var value, dotsGroupThousands))
            {
                problems.Add(new OfficialTableProblem(line, column, $"'{Shorten(s)}' không phải là số (not a number).", cell));
                return null;
            }

            return value;
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

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

    [GeneratedRegex(@"^[+-]?[1-9]\d{0,2}(\.\d{3})+$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsWithDots();

    [GeneratedRegex(@"^[+-]?\d+,\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex CommaDecimal();

    [GeneratedRegex(@"^[+-]?\d+\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex DotDecimal();

    private sealed record ParsedRow(RawTableRow Raw, string Code, decimal Max, decimal? Score)
    {
        public List<ParsedRow> Children { get; } = [];
    }
}
