using ParIndex.Core.Surveys;

namespace ParIndex.Core.Tests.Surveys;

public sealed class QuotaInputTests
{
    [Theory]
    [InlineData("5000", 5000L)]
    [InlineData(" 5000 ", 5000L)]
    [InlineData("0", 0L)]
    [InlineData("5.000", 5000L)]
    [InlineData("5,000", 5000L)]
    [InlineData("5 000", 5000L)]
    [InlineData("5\u00A0000", 5000L)]
    [InlineData("1.234.567", 1234567L)]
    [InlineData("999999999999999999", 999999999999999999L)]
    public void Population_is_a_whole_number_with_optional_groups_of_three(string text, long expected)
    {
        Assert.True(QuotaInput.TryParsePopulation(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5.5")]
    [InlineData("5,00")]
    [InlineData("50.00")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("1234.567")]
    [InlineData("abc")]
    [InlineData("5000.")]
    [InlineData("9999999999999999999")] // 19 digits: over the plain form's limit
    public void Anything_else_is_not_a_population(string? text)
    {
        Assert.False(QuotaInput.TryParsePopulation(text, out var value));
        Assert.Equal(0L, value);
    }

    [Theory]
    [InlineData("0,05", 0.05)]
    [InlineData("0.05", 0.05)]
    [InlineData(" 0,05 ", 0.05)]
    [InlineData("5%", 0.05)]
    [InlineData("2,5%", 0.025)]
    [InlineData("1", 1)]
    public void Margin_is_a_fraction_or_a_percentage(string text, double expected)
    {
        Assert.True(QuotaInput.TryParseMargin(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("năm")]
    [InlineData("5%%")]
    public void Anything_else_is_not_a_margin(string? text) => Assert.False(QuotaInput.TryParseMargin(text, out _));

    [Theory]
    [InlineData(-1L, "N phải là số không âm.")]
    [InlineData(0L, null)]
    [InlineData(SampleSize.MaxPopulation, null)]
    [InlineData(SampleSize.MaxPopulation + 1, "N = 100.000.001 vượt giới hạn 100.000.000.")]
    public void Population_bounds(long population, string? problem) =>
        Assert.Equal(problem, QuotaInput.PopulationProblem(population));

    [Theory]
    [InlineData(null, "Chưa nhập sai số e (ví dụ 0,05).")]
    // Just under the minimum: refused, though shown rounded to three decimals.
    [InlineData(0.000999, "Sai số e = 0,001 phải lớn hơn 0 và nhỏ hơn 1, tối thiểu 0,001 (ví dụ 0,05).")]
    [InlineData(0.001, null)]
    [InlineData(0.999, null)]
    [InlineData(1.0, "Sai số e = 1 phải lớn hơn 0 và nhỏ hơn 1, tối thiểu 0,001 (ví dụ 0,05).")]
    public void Margin_bounds(double? margin, string? problem) =>
        Assert.Equal(problem, QuotaInput.MarginProblem((decimal?)margin));
}
