using ParIndex.Application.Appraisal;
using ParIndex.Application.Results;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Core.Workflow;
using ParIndex.Data.Assessments;

namespace ParIndex.Cli.Tests.Application;

/// <summary>
/// The results' streaming computation from database rows (ADR 0138) gives every unit the totals,
/// field figures and survey points of the rich path it replaces (<see cref="ResultScores"/> over
/// whole leaf entries), with the score precedence, not-applicable leaves and missing entries.
/// </summary>
public sealed class CampaignScoringTests
{
    private static readonly Framework Framework = BuiltInFrameworks.Province2023;
    private static readonly ScoringPlan Plan = ScoringPlan.Compile(Framework);

    [Theory]
    [InlineData(IndexBase.FullMaximum)]
    [InlineData(IndexBase.SelfAssessedMaximum)]
    public void Rows_score_as_the_rich_path_scores_whole_entries(IndexBase indexBase)
    {
        var random = new Random(15);
        var assessments = Enumerable.Range(0, 40).Select(i => Assessment(10 + (i * 3))).ToList();
        var entries = new List<LeafEntry>();
        foreach (var assessment in assessments.Where(a => a.AssessmentId != 22))
        {
            foreach (var leaf in Framework.Leaves().Where(_ => random.Next(15) != 0))
            {
                entries.Add(new LeafEntry
                {
                    AssessmentId = assessment.AssessmentId,
                    LeafCode = leaf.Code,
                    NotApplicable = random.Next(25) == 0,
                    Points = Maybe(random, leaf.Max),
                    AppraisedScore = Maybe(random, leaf.Max),
                    FinalScore = Maybe(random, leaf.Max),
                    SurveyScore = Maybe(random, leaf.Max),
                });
            }
        }

        // A row of a leaf the framework does not have counts nothing, as in the rich path.
        entries.Add(new LeafEntry { AssessmentId = 13, LeafCode = "9.9.9", Points = 50m });
        var rows = entries.Select(e => new ResultLeafRow(e.AssessmentId, e.LeafCode, e.NotApplicable, e.Points, e.AppraisedScore, e.FinalScore, e.SurveyScore))
            .OrderBy(r => r.AssessmentId);

        var scored = CampaignScoring.Score(Plan, indexBase, assessments, rows, a => a.AssessmentId % 2 == 0);

        Assert.Equal(assessments, scored.Select(s => s.Assessment));
        var byAssessment = entries.ToLookup(e => e.AssessmentId);
        foreach (var unit in scored)
        {
            var rich = ResultScores.Calculate(Framework, byAssessment[unit.Assessment.AssessmentId], indexBase);
            Assert.Equal(rich.Total.Points, unit.Points);
            Assert.Equal(rich.Total.Max, unit.Max);
            Assert.Equal(rich.Total.Index, unit.Index);
            Assert.Equal(Framework.Leaves().Where(l => l.IsSurvey).Sum(l => rich[l.Code].Points), unit.SurveyPoints);
            Assert.Equal(rich.Fields.Select(f => f.Points), unit.FieldPoints);
            Assert.Equal(rich.Fields.Select(f => f.Max), unit.FieldMax);
            if (unit.Assessment.AssessmentId % 2 == 0)
            {
                // A kept unit's rich result (for its score card) is the rich path's, node for node.
                var card = Plan.Result(unit.Leaves!, indexBase);
                Assert.Equal(rich.Nodes.OrderBy(n => n.Key, StringComparer.Ordinal), card.Nodes.OrderBy(n => n.Key, StringComparer.Ordinal));
            }
            else
            {
                Assert.Null(unit.Leaves);
            }
        }

        // The assessment without any entry: nothing scored, every leaf still to do.
        var empty = scored.Single(s => s.Assessment.AssessmentId == 22);
        Assert.Equal(0m, empty.Points);
        Assert.Equal(indexBase == IndexBase.FullMaximum ? 100m : 68m, empty.Max);
    }

    [Fact]
    public void Rows_out_of_assessment_order_are_refused_rather_than_lost()
    {
        var scoring = new CampaignScoring(Plan, IndexBase.FullMaximum, [Assessment(1), Assessment(2)], _ => false);
        scoring.Add(new ResultLeafRow(2, "1.1.1", false, 1m, null, null, null));
        var error = Assert.Throws<InvalidOperationException>(() => scoring.Add(new ResultLeafRow(1, "1.1.1", false, 1m, null, null, null)));
        Assert.Contains("ordered by assessment", error.Message);
    }

    [Fact]
    public void Assessments_must_be_ordered_by_id()
    {
        Assert.Throws<ArgumentException>(() => new CampaignScoring(Plan, IndexBase.FullMaximum, [Assessment(2), Assessment(1)], _ => false));
        Assert.Throws<ArgumentException>(() => new CampaignScoring(Plan, IndexBase.FullMaximum, [Assessment(2), Assessment(2)], _ => false));
    }

    [Fact]
    public void The_final_score_counts_before_the_appraised_and_the_self_score_and_a_survey_leaf_counts_its_survey_score()
    {
        var survey = Framework.Leaves().First(l => l.IsSurvey);
        var self = Framework.Leaves().First(l => !l.IsSurvey);
        ResultLeafRow[] rows =
        [
            new(1, self.Code, false, 0.25m, 0.5m, 0.75m, 9m),
            new(1, survey.Code, false, 1m, 1m, 1m, 0.125m),
            new(2, self.Code, false, 0.25m, 0.5m, null, null),
            new(3, self.Code, true, 0.25m, 0.5m, 0.75m, null),
        ];
        var scored = CampaignScoring.Score(Plan, IndexBase.FullMaximum, [Assessment(1), Assessment(2), Assessment(3)], rows, _ => false);
        Assert.Equal(0.875m, scored[0].Points);
        Assert.Equal(0.125m, scored[0].SurveyPoints);
        Assert.Equal(0.5m, scored[1].Points);
        Assert.Equal(0m, scored[2].Points);
        Assert.Equal(100m - self.Max, scored[2].Max);
    }

    private static ResultAssessmentRow Assessment(int id) =>
        new(id, 1000 + id, AssessmentStatus.Published, $"U{id}", $"Đơn vị {id}", id % 2 == 0 ? "province" : "ministry", null);

    private static decimal? Maybe(Random random, decimal max) =>
        random.Next(3) == 0 ? null : Math.Round(max * random.Next(0, 10_001) / 10_000m, 4, MidpointRounding.AwayFromZero);
}
