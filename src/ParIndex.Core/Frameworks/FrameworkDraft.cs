using System.Globalization;
using System.Text.RegularExpressions;
using ParIndex.Core.OfficialTables;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// Turns an official table (codes, titles, maxima, survey marks) into a draft framework: the tree
/// and the maxima as the table states them, the survey rule on the rows the table marks as
/// scored by the sociological survey and the manual rule on every other leaf. Scores and
/// explanations are not carried over: a framework holds no unit's answers.
/// </summary>
public static partial class FrameworkDraft
{
    public const string DefaultVersion = "1";

    /// <param name="year">The year; null takes it from the table's title ("… NĂM 2023").</param>
    /// <param name="title">The framework's name; null makes one from the year and unit kind.</param>
    /// <exception cref="ArgumentException">No year given and none in the table's title.</exception>
    public static Framework FromTable(OfficialTable table, string unitKind, int? year = null, string? title = null, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(unitKind);
        var actualYear = year ?? YearOf(table)
            ?? throw new ArgumentException("Tiêu đề biểu không ghi năm (\"NĂM 2023\"); hãy cho biết năm.", nameof(year));
        var unit = unitKind.Trim();
        return new Framework
        {
            Id = string.IsNullOrWhiteSpace(id) ? $"{unit}-{actualYear.ToString(CultureInfo.InvariantCulture)}-draft" : id.Trim(),
            Version = DefaultVersion,
            Year = actualYear,
            Title = string.IsNullOrWhiteSpace(title) ? $"Bộ tiêu chí {unit} {actualYear.ToString(CultureInfo.InvariantCulture)} (bản nháp từ biểu)" : title.Trim(),
            UnitKind = unit,
            LegalBasis = null,
            Nodes = table.Rows.Select(ToNode).ToList(),
        };
    }

    /// <summary>The year in the table's title ("CHỈ SỐ … NĂM 2023"), or null.</summary>
    public static int? YearOf(OfficialTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var match = YearPattern().Match(table.Title);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static FrameworkNode ToNode(OfficialTableRow row) => new()
    {
        Code = row.Code,
        Title = TitleNormalizer.Tidy(row.Title),
        Max = row.Max,
        Rule = row.IsLeaf ? row.IsSurvey ? SurveyRule.Instance : ManualRule.Instance : null,
        Children = row.Children.Select(ToNode).ToList(),
    };

    [GeneratedRegex(@"\bNĂM\s+(\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex YearPattern();
}
