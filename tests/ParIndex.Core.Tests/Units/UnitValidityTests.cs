using ParIndex.Core.Units;

namespace ParIndex.Core.Tests.Units;

public sealed class UnitValidityTests
{
    [Theory]
    [InlineData(null, null, "2025-07-01", true)]
    [InlineData("2025-07-01", null, "2025-06-30", false)]
    [InlineData("2025-07-01", null, "2025-07-01", true)]
    [InlineData(null, "2025-06-30", "2025-06-30", true)]
    [InlineData(null, "2025-06-30", "2025-07-01", false)]
    public void A_unit_exists_from_its_first_to_its_last_day_both_included(string? from, string? to, string day, bool active) =>
        Assert.Equal(active, UnitValidity.IsActiveOn(Parse(from), Parse(to), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_change_must_fall_inside_the_units_life()
    {
        var effective = new DateOnly(2025, 7, 1);
        Assert.Null(UnitValidity.CannotChange(null, null, effective));
        Assert.Equal(new DateOnly(2025, 6, 30), UnitValidity.LastDayBefore(effective));
        Assert.Contains("đã kết thúc ngày 30/06/2025", UnitValidity.CannotChange(null, new DateOnly(2025, 6, 30), effective)!.Value.Vietnamese, StringComparison.Ordinal);
        Assert.Contains("from 2025-07-01", UnitValidity.CannotChange(effective, null, effective)!.Value.English, StringComparison.Ordinal);
        Assert.NotNull(UnitValidity.CannotChange(null, null, new DateOnly(225, 7, 1)));
    }

    private static DateOnly? Parse(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
