using System.Globalization;

namespace ParIndex.Core.Numbers;

/// <summary>
/// Numbers of a table column written with one number of decimals, so they line up when
/// right-aligned: as many as the most precise value needs, at most 4 (the precision of points).
/// </summary>
public static class ColumnDecimals
{
    public const int MaxDecimals = 4;

    /// <summary>The decimals a value needs once rounded to <see cref="MaxDecimals"/> (1,50 → 1; 65,249 → 3).</summary>
    public static int Needed(decimal value)
    {
        var text = Math.Round(value, MaxDecimals, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.TrimEnd('0').Length - dot - 1;
    }

    /// <summary>The decimals of a column: the most any of its values needs.</summary>
    public static int Of(IEnumerable<decimal> values) => values.Select(Needed).DefaultIfEmpty(0).Max();

    /// <summary>Vietnamese notation with exactly <paramref name="decimals"/> decimals: <c>1.234,50</c>.</summary>
    public static string Format(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero)
            .ToString(decimals <= 0 ? "#,##0" : "#,##0." + new string('0', decimals), VietnameseNumbers.Culture);
}
