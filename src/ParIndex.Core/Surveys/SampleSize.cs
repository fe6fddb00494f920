namespace ParIndex.Core.Surveys;

/// <summary>
/// Sample size per unit by Yamane's formula n = N / (1 + N·e²), rounded up (SPEC 2.7), where N is
/// the number of transactions (hồ sơ TTHC giải quyết) of the unit and e the margin of error.
/// </summary>
public static class SampleSize
{
    /// <summary>The largest N accepted on input: more transactions than any unit handles in a year. ADR 0109.</summary>
    public const long MaxPopulation = 100_000_000;

    /// <summary>The smallest margin accepted on input (0,1%): below it n ≈ N and no survey samples.</summary>
    public const decimal MinMargin = 0.001m;

    /// <summary>Whether N and e are what an input may set: 0 ≤ N ≤ <see cref="MaxPopulation"/>, <see cref="MinMargin"/> ≤ e &lt; 1.</summary>
    public static bool IsAccepted(long population, decimal margin) =>
        population is >= 0 and <= MaxPopulation && margin >= MinMargin && margin < 1;

    /// <summary>
    /// N = 10 000, e = 0,05 → 385. Throws when N &lt; 0 or e is not within (0, 1). Never overflows:
    /// a result beyond <see cref="int.MaxValue"/> (only for N and e outside what inputs accept, e.g.
    /// a row stored before the input bounds) is capped there.
    /// </summary>
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

        // N < 2^63 and e < 1, so N·e² and the quotient stay well inside decimal's range; e² may
        // underflow to 0 for a tiny e, which leaves n = N: only the conversion to int can overflow.
        var n = Math.Ceiling(population / (1m + (population * margin * margin)));
        return n >= int.MaxValue ? int.MaxValue : (int)n;
    }

    /// <summary>The required sample, or null when N or e is outside the formula's domain (a stored row that no input could set).</summary>
    public static int? TryRequired(long population, decimal margin) =>
        population >= 0 && margin > 0 && margin < 1 ? Required(population, margin) : null;
}
