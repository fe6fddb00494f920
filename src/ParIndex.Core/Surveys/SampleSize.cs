namespace ParIndex.Core.Surveys;

/// <summary>
/// Sample size per unit by Yamane's formula n = N / (1 + N·e²), rounded up (SPEC 2.7), where N is
/// the number of transactions (hồ sơ TTHC giải quyết) of the unit and e the margin of error.
/// </summary>
public static class SampleSize
{
    /// <summary>N = 10 000, e = 0,05 → 385. Throws when N &lt; 0 or e is not within (0, 1).</summary>
    public static int Required(long population, decimal margin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        if (margin <= 0 || margin >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "Sai số phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0,05).");
        }

        if (population == 0)
        {
            return 0;
        }

        var n = population / (1m + (population * margin * margin));
        return (int)Math.Ceiling(n);
    }
}
