using ParIndex.Core.Numbers;

namespace ParIndex.Core.Tests.Numbers;

public class VietnameseNumbersTests
{
    [Theory]
    [InlineData("65.249", "65,249")]
    [InlineData("1.49805", "1,4981")]
    [InlineData("9.50", "9,5")]
    [InlineData("100", "100")]
    [InlineData("0", "0")]
    [InlineData("1055", "1.055")]
    public void Points_are_formatted_the_Vietnamese_way(string value, string expected) =>
        Assert.Equal(expected, VietnameseNumbers.FormatPoints(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Percentages_have_two_decimals() =>
        Assert.Equal("91,16%", VietnameseNumbers.FormatPercent(91.1567m));

    [Theory]
    [InlineData("1,5", "1.5")]
    [InlineData("1.5", "1.5")]
    [InlineData("10.439,5", "10439.5")]
    [InlineData("2.029.996.767.557", "2029996767557")]
    [InlineData(" 12,9829 ", "12.9829")]
    [InlineData("-0,5", "-0.5")]
    public void Both_decimal_marks_are_accepted(string text, string expected)
    {
        Assert.True(VietnameseNumbers.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,5đ")]
    [InlineData("1,5,5")]
    [InlineData("1.22.3")]
    public void Garbage_is_refused(string text) => Assert.False(VietnameseNumbers.TryParse(text, out _));
}
