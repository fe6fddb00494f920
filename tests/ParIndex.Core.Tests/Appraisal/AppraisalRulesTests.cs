using ParIndex.Core.Appraisal;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Workflow;

namespace ParIndex.Core.Tests.Appraisal;

public sealed class AppraisalRulesTests
{
    private static FrameworkNode Leaf(decimal max, ScoringRule? rule = null) => new() { Code = "1.1", Title = "t", Max = max, Rule = rule };

    [Theory]
    [InlineData(AssessmentStatus.UnderAppraisal, false)]
    [InlineData(AssessmentStatus.PreliminarySent, true)]
    [InlineData(AssessmentStatus.Responded, true)]
    [InlineData(AssessmentStatus.Final, true)]
    [InlineData(AssessmentStatus.Draft, true)]
    public void Only_the_appraisal_phase_sets_the_appraised_score_later_phases_the_final_one(AssessmentStatus status, bool final) =>
        Assert.Equal(final, AppraisalRules.SetsFinalScore(status));

    [Fact]
    public void A_survey_leaf_is_not_appraisable_a_manual_or_bonus_leaf_is()
    {
        Assert.False(AppraisalRules.Appraisable(Leaf(2m, SurveyRule.Instance)));
        Assert.True(AppraisalRules.Appraisable(Leaf(2m)));
        Assert.True(AppraisalRules.Appraisable(Leaf(0m, new BonusPenaltyRule(-1m, 1m))));
    }

    [Theory]
    [InlineData(false, 1.5, 1.0, 1.5)] // appraisal phase: the self score, whatever was appraised before
    [InlineData(false, null, 1.0, 0)] // no self score counts as 0
    [InlineData(true, 1.5, 1.0, 1.0)] // final phase: the appraised score
    [InlineData(true, 1.5, null, 1.5)] // final phase without an appraised score: the self score
    [InlineData(true, null, null, 0)]
    public void The_baseline_accept_keeps(bool finalPhase, double? self, double? appraised, double expected) =>
        Assert.Equal((decimal)expected, AppraisalRules.Baseline(finalPhase, (decimal?)self, (decimal?)appraised));

    [Theory]
    [InlineData(true, true, true, AppraisalMode.Accept)]
    [InlineData(true, false, false, AppraisalMode.Accept)]
    [InlineData(false, true, false, AppraisalMode.Recompute)]
    [InlineData(false, false, true, AppraisalMode.Recompute)]
    [InlineData(false, true, true, AppraisalMode.Recompute)]
    [InlineData(false, false, false, AppraisalMode.Score)]
    public void Accept_wins_then_figures_or_a_level_re_score_else_the_typed_score(bool accept, bool figures, bool level, AppraisalMode mode) =>
        Assert.Equal(mode, AppraisalRules.ModeOf(accept, figures, level));

    [Theory]
    [InlineData(-0.01, false)]
    [InlineData(0, true)]
    [InlineData(2.5, true)]
    [InlineData(2.51, false)]
    public void A_typed_score_is_within_0_and_the_leaf_maximum_inclusive(double score, bool ok)
    {
        Assert.Equal((0m, 2.5m), AppraisalRules.ScoreRange(Leaf(2.5m)));
        Assert.Equal(ok, AppraisalRules.InRange(Leaf(2.5m), (decimal)score));
    }

    [Theory]
    [InlineData(-1.01, false)]
    [InlineData(-1, true)]
    [InlineData(0.5, true)]
    [InlineData(0.51, false)]
    public void A_bonus_penalty_leaf_uses_its_own_bounds_not_its_maximum(double score, bool ok)
    {
        var leaf = Leaf(3m, new BonusPenaltyRule(-1m, 0.5m));
        Assert.Equal((-1m, 0.5m), AppraisalRules.ScoreRange(leaf));
        Assert.Equal(ok, AppraisalRules.InRange(leaf, (decimal)score));
    }

    [Theory]
    [InlineData(1.0, 1.0, null, false)] // unchanged: no reason needed
    [InlineData(1.0, 1.00, "", false)]
    [InlineData(1.0, 0.75, null, true)]
    [InlineData(1.0, 0.75, "", true)]
    [InlineData(1.0, 1.25, "Thiếu tài liệu", false)]
    [InlineData(0, 0.01, null, true)]
    public void Any_change_from_the_baseline_needs_a_reason(double baseline, double score, string? reason, bool needed) =>
        Assert.Equal(needed, AppraisalRules.NeedsReason((decimal)baseline, (decimal)score, reason));
}
