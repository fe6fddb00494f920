using ParIndex.Documents.OfficialTables;

namespace ParIndex.Documents.Results;

/// <summary>Builds the results report from an official table document.</summary>
public static class ResultsReportFactory
{
    public const string Heading = "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH";

    /// <summary>
    /// Uses the final points (Điểm đạt được) of an appraisal table, or the self-assessed points of a
    /// self-assessment table; one entry per field (level-1 row).
    /// </summary>
    public static ResultsReportDocument FromTable(AssessmentTableDocument table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var appraised = table.Layout == TableLayoutKind.Appraisal;
        var fields = table.Rows
            .Where(r => r.Level == 1)
            .Select(r => new FieldResult(r.Code, r.Title, r.Max, (appraised ? r.FinalScore : r.SelfScore) ?? 0m))
            .ToList();
        var unit = table.UnitName.Trim();
        var second = unit.Length > 0 ? unit.ToUpperInvariant() : "";
        if (table.Year is { } year)
        {
            second = (second + " NĂM " + year).Trim();
        }

        return new ResultsReportDocument
        {
            TitleLines = second.Length > 0 ? [Heading, second] : [Heading],
            Subtitle = appraised ? "(Điểm đạt được sau thẩm định, gồm điểm điều tra xã hội học)" : "(Theo điểm tự đánh giá, chưa gồm điểm điều tra xã hội học)",
            Fields = fields,
            TotalMax = fields.Sum(f => f.Max),
            TotalPoints = fields.Sum(f => f.Points),
        };
    }
}
