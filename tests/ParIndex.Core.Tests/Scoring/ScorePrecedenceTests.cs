using ParIndex.Core.Scoring;

namespace ParIndex.Core.Tests.Scoring;

public sealed class ScorePrecedenceTests
{
    [Theory]
    [InlineData(3.0, 2.0, 1.0, 3.0)]
    [InlineData(null, 2.0, 1.0, 2.0)]
    [InlineData(null, null, 1.0, 1.0)]
    [InlineData(null, null, null, null)]
    [InlineData(0.0, 2.0, 1.0, 0.0)] // a final 0 is a score, not a missing one
    [InlineData(3.0, null, null, 3.0)]
    public void Final_beats_appraised_beats_self(double? final, double? appraised, double? self, double? expected) =>
        Assert.Equal((decimal?)expected, ScorePrecedence.Counted((decimal?)final, (decimal?)appraised, (decimal?)self));

    [Fact]
    public void A_survey_leaf_counts_its_survey_score_only()
    {
        Assert.Equal(new LeafScore(0.8m), ScorePrecedence.ResultOf(isSurvey: true, notApplicable: false, survey: 0.8m, final: 3m, appraised: 2m, self: 1m));
        Assert.Equal(new LeafScore(null), ScorePrecedence.ResultOf(isSurvey: true, notApplicable: false, survey: null, final: 3m, appraised: 2m, self: 1m));
    }

    [Fact]
    public void A_self_assessed_leaf_counts_the_precedence_score()
    {
        Assert.Equal(new LeafScore(2m), ScorePrecedence.ResultOf(isSurvey: false, notApplicable: false, survey: 0.8m, final: null, appraised: 2m, self: 1m));
        Assert.Equal(new LeafScore(1m), ScorePrecedence.ResultOf(isSurvey: false, notApplicable: false, survey: null, final: null, appraised: null, self: 1m));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_leaf_not_applicable_counts_nothing(bool isSurvey)
    {
        var score = ScorePrecedence.ResultOf(isSurvey, notApplicable: true, survey: 0.8m, final: 3m, appraised: 2m, self: 1m);
        Assert.True(score.NotApplicable);
        Assert.Null(score.Points);
    }

    [Fact]
    public void The_appraisal_page_shows_a_result_only_once_an_appraiser_decided()
    {
        Assert.Null(ScorePrecedence.Shown(isSurvey: false, showAppraisal: true, survey: null, final: null, appraised: null, self: 1m));
        Assert.Equal(2m, ScorePrecedence.Shown(isSurvey: false, showAppraisal: true, survey: null, final: null, appraised: 2m, self: 1m));
        Assert.Equal(3m, ScorePrecedence.Shown(isSurvey: false, showAppraisal: true, survey: null, final: 3m, appraised: null, self: 1m));
        Assert.Equal(3m, ScorePrecedence.Shown(isSurvey: false, showAppraisal: true, survey: null, final: 3m, appraised: 2m, self: 1m));
        Assert.Null(ScorePrecedence.Shown(isSurvey: false, showAppraisal: false, survey: null, final: 3m, appraised: 2m, self: 1m));
        // A survey score is shown whatever the reader may see of the appraisal.
        Assert.Equal(0.8m, ScorePrecedence.Shown(isSurvey: true, showAppraisal: false, survey: 0.8m, final: 3m, appraised: 2m, self: 1m));
        Assert.Null(ScorePrecedence.Shown(isSurvey: true, showAppraisal: true, survey: null, final: 3m, appraised: 2m, self: 1m));
    }

    [Theory]
    [InlineData(null, 1.0, false)]
    [InlineData(1.0, 1.0, false)]
    [InlineData(0.75, 1.0, true)]
    [InlineData(0.0, null, false)] // a missing self score is 0
    [InlineData(0.5, null, true)]
    public void Adjusted_means_the_appraised_score_differs_from_the_self_score(double? appraised, double? self, bool adjusted) =>
        Assert.Equal(adjusted, ScorePrecedence.IsAdjusted((decimal?)appraised, (decimal?)self));
}
