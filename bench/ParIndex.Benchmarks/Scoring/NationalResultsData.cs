using ParIndex.Application.Results;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Core.Workflow;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;

namespace ParIndex.Benchmarks.Scoring;

/// <summary>
/// A national campaign's rows as the results read them from the database: 11,000 assessments on the
/// official framework (101 leaves), one entry per leaf with self, appraised, final and survey
/// scores as a campaign has them after appraisal and survey import, and not-applicable marks.
/// The same rows twice: as the old path read them (tracked-shape <see cref="LeafEntry"/> objects)
/// and as the new one does (<see cref="ResultLeafRow"/>), so that both paths start from what their
/// query returns.
/// </summary>
internal sealed class NationalResultsData
{
    public const int DefaultUnits = 11_000;

    public NationalResultsData(int units = DefaultUnits, int seed = 2026)
    {
        Framework = BuiltInFrameworks.Province2023;
        Plan = ScoringPlan.Compile(Framework);
        Campaign = new Campaign { Id = 1, Name = "Kỳ đánh giá toàn quốc", Year = 2026, FrameworkRecordId = 1, PublishedAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) };
        var random = new Random(seed);
        string[] kinds = ["province", "ministry", "department", "district", "commune"];
        string[] regions = ["Đồng bằng sông Hồng", "Bắc Trung Bộ", "Tây Nguyên", "Đông Nam Bộ", "Đồng bằng sông Cửu Long"];
        // As the query returns them: by leaf code within an assessment, each code a string of its own.
        var leaves = Framework.Leaves().OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
        Assessments = new List<ResultAssessmentRow>(units);
        Rows = new ResultLeafRow[units * leaves.Count];
        Entries = new LeafEntry[units * leaves.Count];
        Points = new decimal[units * leaves.Count];
        var r = 0;
        for (var u = 0; u < units; u++)
        {
            var id = u + 1;
            Assessments.Add(new ResultAssessmentRow(id, 100_000 + u, AssessmentStatus.Published, $"DV{u:D5}", $"Đơn vị {u:D5}", kinds[u % kinds.Length], regions[u % regions.Length]));
            foreach (var leaf in leaves)
            {
                var self = Score(random, leaf.Max);
                // About a third of the leaves appraised, a tenth with a final score after the response round.
                decimal? appraised = random.Next(3) == 0 ? Score(random, leaf.Max) : null;
                decimal? final = random.Next(10) == 0 ? Score(random, leaf.Max) : null;
                decimal? survey = leaf.IsSurvey ? Score(random, leaf.Max) : null;
                var notApplicable = !leaf.IsSurvey && random.Next(200) == 0;
                var code = new string(leaf.Code.AsSpan());
                Rows[r] = new ResultLeafRow(id, code, notApplicable, self, appraised, final, survey);
                Entries[r] = new LeafEntry { AssessmentId = id, LeafCode = code, NotApplicable = notApplicable, Points = self, AppraisedScore = appraised, FinalScore = final, SurveyScore = survey };
                Points[r] = self;
                r++;
            }
        }
    }

    public Framework Framework { get; }

    public ScoringPlan Plan { get; }

    public Campaign Campaign { get; }

    public List<ResultAssessmentRow> Assessments { get; }

    /// <summary>What the new query returns, ordered by assessment.</summary>
    public ResultLeafRow[] Rows { get; }

    /// <summary>What the old query returned: entity objects with the scoring columns filled.</summary>
    public LeafEntry[] Entries { get; }

    /// <summary>The self scores, for the plain-sum baseline.</summary>
    public decimal[] Points { get; }

    private static decimal Score(Random random, decimal max) => Math.Round(max * random.Next(0, 10_001) / 10_000m, 4, MidpointRounding.AwayFromZero);
}
