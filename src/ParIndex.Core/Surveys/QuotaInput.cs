using System.Globalization;
using System.Text.RegularExpressions;
using ParIndex.Core.Numbers;

namespace ParIndex.Core.Surveys;

/// <summary>
/// The population N and margin e of a sampling quota as users type them (form or CSV), and the
/// bounds they must keep so that <see cref="SampleSize"/> can compute the sample.
/// </summary>
public static partial class QuotaInput
{
    /// <summary>
    /// N is a whole number; <c>5.000</c>, <c>5,000</c> and <c>5 000</c> are five thousand (groups of
    /// three), since a single dot would otherwise be read as a decimal mark and make it 5.
    /// </summary>
    public static bool TryParsePopulation(string? text, out long value)
    {
        value = 0;
        var s = (text ?? "").Trim().Replace("\u00A0", " ", StringComparison.Ordinal);
        if (PlainInteger().IsMatch(s))
        {
            return long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        return GroupedInteger().IsMatch(s)
            && long.TryParse(s.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal),
                NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The margin e as a fraction: <c>0,05</c>, <c>0.05</c> or <c>5%</c>.</summary>
    public static bool TryParseMargin(string? text, out decimal value)
    {
        value = 0;
        var s = (text ?? "").Trim();
        var percent = s.EndsWith('%');
        if (percent)
        {
            s = s[..^1];
        }

        if (!VietnameseNumbers.TryParse(s, out value))
        {
            return false;
        }

        if (percent)
        {
            value /= 100m;
        }

        return true;
    }

    /// <summary>What is wrong with N (negative, over <see cref="SampleSize.MaxPopulation"/>), or null.</summary>
    public static string? PopulationProblem(long population) =>
        population < 0 ? "N phải là số không âm."
        : population > SampleSize.MaxPopulation
            ? $"N = {VietnameseNumbers.FormatPoints(population)} vượt giới hạn {VietnameseNumbers.FormatPoints(SampleSize.MaxPopulation)}."
        : null;

    /// <summary>What is wrong with e (missing, under <see cref="SampleSize.MinMargin"/>, 1 or more), or null.</summary>
    public static string? MarginProblem(decimal? margin) =>
        margin is null ? "Chưa nhập sai số e (ví dụ 0,05)."
        : margin < SampleSize.MinMargin || margin >= 1
            ? $"Sai số e = {VietnameseNumbers.FormatPoints(margin.Value)} phải lớn hơn 0 và nhỏ hơn 1, tối thiểu {VietnameseNumbers.FormatPoints(SampleSize.MinMargin)} (ví dụ 0,05)."
        : null;

    [GeneratedRegex(@"^\d{1,18}$")]
    private static partial Regex PlainInteger();

    [GeneratedRegex(@"^\d{1,3}([., ]\d{3})+$")]
    private static partial Regex GroupedInteger();
}
