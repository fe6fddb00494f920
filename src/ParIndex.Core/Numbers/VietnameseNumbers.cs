using System.Globalization;

namespace ParIndex.Core.Numbers;

/// <summary>
/// Vietnamese number formatting and lenient parsing (SPEC 2.3): points show up to 4 decimals
/// without trailing zeros and with a decimal comma (<c>65,249</c>); percentages show 2 decimals
/// (<c>91,16%</c>). Input accepts both <c>1,5</c> and <c>1.5</c>.
/// </summary>
public static class VietnameseNumbers
{
    public static readonly CultureInfo Culture = CreateCulture();

    private static CultureInfo CreateCulture()
    {
        // Built by hand so that the output does not depend on ICU data of the machine.
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.PercentGroupSeparator = ".";
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>Points: up to 4 decimals, rounded half away from zero, no trailing zeros: <c>1,4981</c>, <c>9,5</c>, <c>100</c>.</summary>
    public static string FormatPoints(decimal value)
    {
        var rounded = Math.Round(value, 4, MidpointRounding.AwayFromZero);
        return rounded.ToString("#,##0.####", Culture);
    }

    /// <summary>A percentage given as a number of percent (91.1567 → <c>91,16%</c>).</summary>
    public static string FormatPercent(decimal percent)
    {
        var rounded = Math.Round(percent, 2, MidpointRounding.AwayFromZero);
        return rounded.ToString("0.00", Culture) + "%";
    }

    /// <summary>
    /// Parses a decimal written either way. Rules: with both separators the last one is the decimal
    /// mark (<c>10.439,5</c>, <c>10,439.5</c>); a single comma or a single dot is the decimal mark
    /// (<c>1,5</c>, <c>1.5</c>); several dots or several commas are thousands groups (<c>2.029.996</c>).
    /// </summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        string normalized;
        if (lastDot >= 0 && lastComma >= 0)
        {
            var decimalMark = lastDot > lastComma ? '.' : ',';
            var groupMark = decimalMark == '.' ? ',' : '.';
            normalized = s.Replace(groupMark.ToString(), "", StringComparison.Ordinal).Replace(decimalMark, '.');
        }
        else if (lastComma >= 0)
        {
            if (s.Count(c => c == ',') == 1)
            {
                normalized = s.Replace(',', '.');
            }
            else if (IsGrouped(s, ','))
            {
                normalized = s.Replace(",", "", StringComparison.Ordinal);
            }
            else
            {
                return false;
            }
        }
        else if (lastDot >= 0)
        {
            if (s.Count(c => c == '.') == 1)
            {
                normalized = s;
            }
            else if (IsGrouped(s, '.'))
            {
                normalized = s.Replace(".", "", StringComparison.Ordinal);
            }
            else
            {
                return false;
            }
        }
        else
        {
            normalized = s;
        }

        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    // Several equal marks are thousands groups only when every group after the first has 3 digits
    // ("2.029.996"); "1,5,5" is a typo, not 155.
    private static bool IsGrouped(string s, char mark)
    {
        var groups = s.TrimStart('-', '+').Split(mark);
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the offending text.</summary>
    public static decimal Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' không phải là số hợp lệ.");
}
