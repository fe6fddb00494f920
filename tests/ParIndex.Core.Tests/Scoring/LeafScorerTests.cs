using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using static ParIndex.Core.Tests.Scoring.TestFrameworks;

namespace ParIndex.Core.Tests.Scoring;

public class LeafScorerTests
{
    private static readonly ExpressionRule ReductionOfPublicServiceUnits = new(
        [new FormulaInput("base", "Số ĐVSNCL năm cơ sở"), new FormulaInput("now", "Số ĐVSNCL năm đánh giá")],
        "max * min(1, ((base - now) / base * 100) / 20)");

    private static LeafEntryInput Figures(params (string Name, decimal Value)[] figures) =>
        new(Figures: figures.ToDictionary(f => f.Name, f => f.Value));

    [Fact]
    public void Seed_4_1_3_from_1055_and_857_gives_0_9384()
    {
        var outcome = LeafScorer.Score(Leaf("4.1.3", 1m, ReductionOfPublicServiceUnits), Figures(("base", 1055), ("now", 857)));
        Assert.Equal(0.9384m, outcome.Points);
        Assert.NotNull(outcome.Memo);
        Assert.Contains("1.055", outcome.Memo!.Text, StringComparison.Ordinal);
        Assert.Contains("0,9384 điểm", outcome.Memo.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_6_1_3_from_the_two_amounts_gives_0_9993()
    {
        var leaf = Leaf("6.1.3", 1m, new RatioRule(1m, "Số kiến nghị đã xử lý", "Số kiến nghị đề nghị xử lý"));
        var outcome = LeafScorer.Score(leaf, Figures(("numerator", 2_028_585_042_557m), ("denominator", 2_029_996_767_557m)));
        Assert.Equal(0.9993m, outcome.Points);
        Assert.Equal("ratio", outcome.Memo!.Method);
        Assert.Contains("99,93%", outcome.Memo.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_7_3_6_rate_98_79_percent_of_1_5_gives_1_4819()
    {
        var leaf = Leaf("7.3.6", 1.5m, new RatioRule());
        Assert.Equal(1.4819m, LeafScorer.Score(leaf, Figures(("numerator", 98.79m), ("denominator", 100m))).Points);
    }

    [Fact]
    public void Ratio_with_a_target_reaches_the_maximum_at_the_target()
    {
        var leaf = Leaf("x", 2m, new RatioRule(Target: 0.9m));
        Assert.Equal(2m, LeafScorer.Score(leaf, Figures(("numerator", 95), ("denominator", 100))).Points);
        Assert.Equal(1m, LeafScorer.Score(leaf, Figures(("numerator", 45), ("denominator", 100))).Points);
    }

    [Fact]
    public void Ratio_refuses_a_numerator_above_the_denominator_and_handles_zero()
    {
        var leaf = Leaf("x", 1m, new RatioRule());
        Assert.True(LeafScorer.Score(leaf, Figures(("numerator", 5), ("denominator", 4))).IsError);
        var zero = LeafScorer.Score(leaf, Figures(("numerator", 0), ("denominator", 0)));
        Assert.Equal(0m, zero.Points);
        Assert.Contains("Mẫu số bằng 0", zero.Memo!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_figures_leave_the_leaf_pending()
    {
        var outcome = LeafScorer.Score(Leaf("x", 1m, new RatioRule()), Figures(("numerator", 5)));
        Assert.False(outcome.IsScored);
        Assert.False(outcome.IsError);
    }

    [Theory]
    [InlineData("0.5", true)]
    [InlineData("1", true)]
    [InlineData("0", true)]
    [InlineData("1.01", false)]
    [InlineData("-0.1", false)]
    public void Manual_scores_stay_within_zero_and_max(string score, bool valid)
    {
        var outcome = LeafScorer.Score(Leaf("1.4", 1m), new LeafEntryInput(Score: decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(valid, outcome.IsScored);
        Assert.Equal(!valid, outcome.IsError);
    }

    [Fact]
    public void Levels_pick_named_points()
    {
        var rule = new LevelsRule([new ScoreLevel("kip-thoi", "Ban hành kịp thời", 1m), new ScoreLevel("khong-kip-thoi", "Không kịp thời", 0.5m), new ScoreLevel("khong", "Không ban hành", 0m)]);
        var leaf = Leaf("x", 1m, rule);
        Assert.Equal(0.5m, LeafScorer.Score(leaf, new LeafEntryInput(Level: "khong-kip-thoi")).Points);
        Assert.True(LeafScorer.Score(leaf, new LeafEntryInput(Level: "nope")).IsError);
    }

    [Theory]
    [InlineData("95", "2")]
    [InlineData("90", "1")]   // "trên 90%" means strictly above 90
    [InlineData("70", "1")]
    [InlineData("69.99", "0")]
    public void Bands_place_a_percentage(string value, string points)
    {
        // trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0
        var rule = new BandsRule([new ScoreBand(90m, null, 2m, FromExclusive: true), new ScoreBand(70m, 90m, 1m, ToInclusive: true), new ScoreBand(null, 70m, 0m)]);
        var outcome = LeafScorer.Score(Leaf("x", 2m, rule), Figures(("value", decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), outcome.Points);
    }

    [Fact]
    public void Survey_leaves_score_zero_at_self_assessment()
    {
        var outcome = LeafScorer.Score(Leaf("2.4.1", 1m, SurveyRule.Instance), new LeafEntryInput(Score: 1m));
        Assert.Equal(0m, outcome.Points);
        Assert.Contains("điều tra xã hội học", outcome.Memo!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bonus_and_penalty_are_bounded()
    {
        var leaf = Leaf("9.1", 0m, new BonusPenaltyRule(-2m, 0m));
        Assert.Equal(-1.5m, LeafScorer.Score(leaf, new LeafEntryInput(Score: -1.5m)).Points);
        Assert.True(LeafScorer.Score(leaf, new LeafEntryInput(Score: -3m)).IsError);
        Assert.True(LeafScorer.Score(leaf, new LeafEntryInput(Score: 0.5m)).IsError);
    }

    [Fact]
    public void Expression_results_are_clamped_to_the_maximum_with_a_note()
    {
        var outcome = LeafScorer.Score(Leaf("x", 1m, new ExpressionRule([new FormulaInput("a", "A")], "a * 2")), Figures(("a", 3)));
        Assert.Equal(1m, outcome.Points);
        Assert.Contains("giới hạn", outcome.Memo!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_applicable_leaves_are_excluded()
    {
        var outcome = LeafScorer.Score(Leaf("x", 1m), new LeafEntryInput(Score: 1m, NotApplicable: true));
        Assert.True(outcome.NotApplicable);
        Assert.Null(outcome.Points);
    }
}
