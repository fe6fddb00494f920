using ParIndex.Core.OfficialTables;
using ParIndex.Documents.OfficialTables;

namespace ParIndex.Documents.Appraisal;

/// <summary>
/// Builds the appraisal table (biểu thẩm định): the self-assessment's rows with Điểm thẩm định,
/// Điểm điều tra XHH, Điểm đạt được and Chỉ số (%). A self-assessed leaf earns its appraised score
/// (its self score when the appraisal accepted it); a survey leaf earns its survey score. A row with
/// children adds up its children; the index is points earned over the maximum.
/// </summary>
public static class AppraisalTableFactory
{
    public const string AppraisalHeading = "BIỂU TỔNG HỢP KẾT QUẢ THẨM ĐỊNH";

    /// <param name="table">The self-assessment as read.</param>
    /// <param name="appraisals">By leaf code; a leaf missing here is accepted as self-assessed (and a survey leaf has no survey score yet).</param>
    /// <exception cref="ArgumentOutOfRangeException">A score below 0 or above the leaf's maximum, or a code that is not a leaf of the table.</exception>
    public static AssessmentTableDocument Create(OfficialTable table, IReadOnlyDictionary<string, LeafAppraisal> appraisals)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(appraisals);
        var leaves = table.AllRows().Where(r => r.IsLeaf).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var unknown = appraisals.Keys.FirstOrDefault(k => !leaves.Contains(k));
        if (unknown is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(appraisals), unknown, $"Mã {unknown} không phải tiêu chí lá của biểu (not a leaf of the table).");
        }

        var self = AssessmentTableDocumentFactory.FromOfficialTable(table);
        var figures = new Dictionary<string, Figures>(StringComparer.Ordinal);
        foreach (var field in table.Rows)
        {
            Compute(field, appraisals, figures);
        }

        var rows = table.AllRows().Select(r =>
        {
            var f = figures[r.Code];
            var reason = appraisals.TryGetValue(r.Code, out var a) ? a.Reason.Trim() : "";
            return new AssessmentTableRow
            {
                Code = r.Code,
                Title = r.Title,
                Level = r.Level,
                HasChildren = !r.IsLeaf,
                Max = r.Max,
                SelfScore = r.Score,
                Explanation = reason.Length == 0 ? r.Explanation : JoinLines(r.Explanation, "Lý do thẩm định: " + reason),
                IsSurvey = r.IsSurvey,
                AppraisedScore = f.Appraised,
                SurveyScore = f.Survey,
                FinalScore = f.Final,
                IndexPercent = Index(f.Final, r.Max),
            };
        }).ToList();

        var totalMax = table.Rows.Sum(r => r.Max);
        var totalFinal = table.Rows.Sum(r => figures[r.Code].Final);
        return new AssessmentTableDocument
        {
            Layout = TableLayoutKind.Appraisal,
            TitleLines = AssessmentTableDocumentFactory.StandardTitleLines(AppraisalHeading, self.UnitName, self.Year),
            UnitName = self.UnitName,
            Year = self.Year,
            Rows = rows,
            Total = new AssessmentTableTotal
            {
                Max = totalMax,
                SelfScore = self.Total.SelfScore,
                AppraisedScore = SumOrNull(table.Rows.Select(r => figures[r.Code].Appraised)),
                SurveyScore = SumOrNull(table.Rows.Select(r => figures[r.Code].Survey)),
                FinalScore = totalFinal,
                IndexPercent = Index(totalFinal, totalMax),
            },
        };
    }

    private static Figures Compute(OfficialTableRow row, IReadOnlyDictionary<string, LeafAppraisal> appraisals, Dictionary<string, Figures> figures)
    {
        Figures result;
        if (row.IsLeaf)
        {
            appraisals.TryGetValue(row.Code, out var appraisal);
            if (row.IsSurvey)
            {
                var survey = Checked(appraisal?.SurveyScore, row, "điểm điều tra XHH");
                result = new Figures(null, survey, survey ?? 0m);
            }
            else
            {
                var appraised = Checked(appraisal?.AppraisedScore, row, "điểm thẩm định") ?? row.Score ?? 0m;
                result = new Figures(appraised, null, appraised);
            }
        }
        else
        {
            var children = row.Children.Select(c => Compute(c, appraisals, figures)).ToList();
            result = new Figures(SumOrNull(children.Select(c => c.Appraised)), SumOrNull(children.Select(c => c.Survey)), children.Sum(c => c.Final));
        }

        figures[row.Code] = result;
        return result;
    }

    private static decimal? Checked(decimal? score, OfficialTableRow row, string what)
    {
        if (score is { } s && (s < 0 || s > row.Max))
        {
            throw new ArgumentOutOfRangeException(nameof(score), s, $"Tiêu chí {row.Code}: {what} {s} nằm ngoài khoảng 0 đến {row.Max} (score out of range).");
        }

        return score;
    }

    private static decimal? SumOrNull(IEnumerable<decimal?> values)
    {
        var present = values.Where(v => v is not null).ToList();
        return present.Count == 0 ? null : present.Sum();
    }

    internal static decimal? Index(decimal? points, decimal max) => points is { } p && max > 0 ? p / max * 100m : null;

    private static string JoinLines(string first, string second) => first.Length == 0 ? second : first + "\n" + second;

    private sealed record Figures(decimal? Appraised, decimal? Survey, decimal Final);
}
