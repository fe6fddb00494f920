using ParIndex.Core.Surveys;

namespace ParIndex.Core.Tests.Surveys;

public class SampleSizeTests
{
    [Theory]
    // 10 000 / (1 + 10 000 × 0,0025) = 10 000 / 26 = 384,6… → 385.
    [InlineData(10_000, "0.05", 385)]
    // 100 / 1,25 = 80 exactly.
    [InlineData(100, "0.05", 80)]
    // 500 / 2,25 = 222,2… → 223.
    [InlineData(500, "0.05", 223)]
    // 1 000 000 / (1 + 10 000) = 99,99… → 100.
    [InlineData(1_000_000, "0.1", 100)]
    [InlineData(0, "0.05", 0)]
    public void Yamane_formula_rounds_up(long population, string margin, int expected) =>
        Assert.Equal(expected, SampleSize.Required(population, decimal.Parse(margin, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-0.05")]
    public void Margin_outside_zero_one_is_refused(string margin) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.Required(100, decimal.Parse(margin, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    // Issue #10: e² underflows to 0, n = N, and the old conversion to int threw OverflowException.
    [InlineData(long.MaxValue, "0.0000000000000000000000000001", int.MaxValue)]
    [InlineData(long.MaxValue, "0.9999999999", 2)]
    [InlineData(100_000_000, "0.001", 990_100)]
    public void Extreme_values_never_overflow(long population, string margin, int expected) =>
        Assert.Equal(expected, SampleSize.Required(population, decimal.Parse(margin, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(100_000_000, "0.001", true)]
    [InlineData(100_000_001, "0.05", false)]
    [InlineData(5_000, "0.0009", false)]
    [InlineData(5_000, "1", false)]
    [InlineData(-1, "0.05", false)]
    public void Inputs_are_bounded(long population, string margin, bool accepted) =>
        Assert.Equal(accepted, SampleSize.IsAccepted(population, decimal.Parse(margin, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_stored_margin_outside_the_domain_gives_no_quota_instead_of_throwing()
    {
        Assert.Null(SampleSize.TryRequired(5000, 0m));
        Assert.Null(SampleSize.TryRequired(-5, 0.05m));
        Assert.Equal(371, SampleSize.TryRequired(5000, 0.05m));
    }

    [Fact]
    public void Quota_progress_per_unit_and_group()
    {
        var targets = new[]
        {
            new QuotaTarget("U1", "nguoi-dan", 10_000, 0.05m),
            new QuotaTarget("U2", "nguoi-dan", 100, 0.05m),
        };
        var collected = new Dictionary<(string, string), int> { [("U1", "nguoi-dan")] = 200, [("U2", "nguoi-dan")] = 90 };
        var progress = QuotaProgress.For(targets, collected);
        Assert.Equal(385, progress[0].Required);
        Assert.Equal(185, progress[0].Remaining);
        Assert.Equal(51.95m, progress[0].Percent);
        Assert.False(progress[0].Met);
        Assert.True(progress[1].Met);
        Assert.Equal(0, progress[1].Remaining);
        Assert.Equal(112.5m, progress[1].Percent);
    }
}
