using System.Globalization;
using System.Text.RegularExpressions;
using ParIndex.Core.OfficialTables;

namespace ParIndex.Documents.OfficialTables;

/// <summary>Builds the document of the self-assessment table from a read <see cref="OfficialTable"/>.</summary>
public static partial class AssessmentTableDocumentFactory
{
    public const string SelfAssessmentHeading = "BIỂU TỰ ĐÁNH GIÁ";

    /// <summary>
    /// The table as the document states it: stated maxima and scores (not recomputed: the
    /// document is reproduced, and a mismatch is the verifier's business), the title block split
    /// into title lines and the line about the report (the lines from the one starting with "(").
    /// </summary>
    public static AssessmentTableDocument FromOfficialTable(OfficialTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var reportStart = IndexOfReportLine(table.TitleLines);
        var titleLines = table.TitleLines.Take(reportStart).ToList();
        var reportLines = table.TitleLines.Skip(reportStart).ToList();
        var (unit, year) = UnitAndYear(titleLines);

        return new AssessmentTableDocument
        {
            Layout = TableLayoutKind.SelfAssessment,
            TitleLines = titleLines.Count > 0 ? titleLines : StandardTitleLines(SelfAssessmentHeading, unit, year),
            UnitName = unit,
            Year = year,
            ReportLines = reportLines,
            Rows = table.AllRows().Select(ToRow).ToList(),
            Total = new AssessmentTableTotal
            {
                Max = table.StatedTotalMax ?? table.ComputedTotalMax,
                SelfScore = table.StatedTotalScore ?? table.ComputedTotalScore,
            },
        };
    }

    /// <summary>
    /// The standard title: the heading, then <c>CHỈ SỐ CẢI CÁCH HÀNH CHÍNH {UNIT} NĂM {year}</c>
    /// with the unit in capitals (<c>tỉnh Bắc Giang</c> → <c>TỈNH BẮC GIANG</c>).
    /// </summary>
    public static IReadOnlyList<string> StandardTitleLines(string heading, string unitName, int? year)
    {
        var second = "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH";
        if (!string.IsNullOrWhiteSpace(unitName))
        {
            second += " " + unitName.Trim().ToUpper(CultureInfo.InvariantCulture);
        }

        if (year is { } y)
        {
            second += " NĂM " + y.ToString(CultureInfo.InvariantCulture);
        }

        return [heading, second];
    }

    internal static AssessmentTableRow ToRow(OfficialTableRow row) => new()
    {
        Code = row.Code,
        Title = row.Title,
        Level = row.Level,
        HasChildren = !row.IsLeaf,
        Max = row.Max,
        SelfScore = row.Score,
        Explanation = row.Explanation,
        IsSurvey = row.IsSurvey,
    };

    internal static int IndexOfReportLine(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].TrimStart().StartsWith('('))
            {
                return i;
            }
        }

        return lines.Count;
    }

    /// <summary>Finds "… TỈNH BẮC GIANG NĂM 2023" in the title; the unit comes back in title case.</summary>
    internal static (string Unit, int? Year) UnitAndYear(IEnumerable<string> titleLines)
    {
        var match = TitlePattern().Match(string.Join(" ", titleLines));
        if (!match.Success)
        {
            return ("", null);
        }

        var unit = match.Groups["unit"].Value.Trim();
        int? year = int.TryParse(match.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        return (ToTitleCase(unit), year);
    }

    // "TỈNH BẮC GIANG" → "tỉnh Bắc Giang": the kind of unit stays lower case as in running text.
    private static string ToTitleCase(string upper)
    {
        var words = upper.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kinds = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "tỉnh", "thành", "phố", "huyện", "quận", "thị", "xã", "phường", "trấn", "sở", "bộ" };
        var result = new List<string>(words.Length);
        var inKind = true;
        foreach (var word in words)
        {
            var lower = word.ToLower(CultureInfo.InvariantCulture);
            if (inKind && kinds.Contains(lower))
            {
                result.Add(lower);
                continue;
            }

            inKind = false;
            result.Add(char.ToUpper(lower[0], CultureInfo.InvariantCulture) + lower[1..]);
        }

        return string.Join(" ", result);
    }

    [GeneratedRegex(@"CHỈ SỐ CẢI CÁCH HÀNH CHÍNH\s+(?<unit>.+?)\s+NĂM\s+(?<year>\d{4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitlePattern();
}
