using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Tests.Scoring;

/// <summary>A campaign that does not run the survey takes every index over the self-assessed maximum (ADR 0127).</summary>
public sealed class IndexBaseTests
{
    private static readonly Framework Framework = BuiltInFrameworks.Province2023;

    /// <summary>Every self-assessed leaf at a third of its maximum; every survey leaf at its full maximum.</summary>
    private static Dictionary<string, LeafScore> Scores() =>
        Framework.Leaves().ToDictionary(l => l.Code, l => new LeafScore(l.IsSurvey ? l.Max : l.Max / 3m), StringComparer.Ordinal);

    [Fact]
    public void Without_the_survey_the_total_is_over_68_points_and_survey_points_do_not_count()
    {
        var result = AssessmentCalculator.Calculate(Framework, Scores(), IndexBase.SelfAssessedMaximum);
        Assert.Equal(68m, result.Total.Max);
        Assert.Equal(100m, result.Total.FullMax);
        Assert.Equal(68m / 3m, result.Total.Points);
        // Decimal arithmetic: (68 / 3) / 68 × 100 is 33.33…, not a binary approximation.
        Assert.Equal(68m / 3m / 68m * 100m, result.Total.Index);
        Assert.Equal(Framework.Leaves().Count(l => !l.IsSurvey), result.Total.LeavesTotal);
    }

    [Fact]
    public void With_the_survey_the_same_scores_count_the_survey_points_over_100()
    {
        var result = AssessmentCalculator.Calculate(Framework, Scores(), IndexBase.FullMaximum);
        Assert.Equal(100m, result.Total.Max);
        Assert.Equal(68m / 3m + 32m, result.Total.Points);
        Assert.Equal(result.Total.Points, AssessmentCalculator.Calculate(Framework, Scores()).Total.Points);
    }

    [Fact]
    public void A_field_made_only_of_survey_leaves_has_no_index_without_the_survey()
    {
        var result = AssessmentCalculator.Calculate(Framework, Scores(), IndexBase.SelfAssessedMaximum);
        // 8.1 (SIPAS) is scored only by the survey: nothing applies, so no index rather than 0 %.
        Assert.Equal(0m, result["8.1"].Max);
        Assert.Null(result["8.1"].Index);
        Assert.NotNull(result["8"].Index);
    }
}
