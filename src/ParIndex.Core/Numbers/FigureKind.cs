namespace ParIndex.Core.Numbers;

/// <summary>
/// What a figure of a scoring rule counts, which decides how a typed text is read (ADR 0007).
/// Counts and amounts are whole numbers, so <c>14.000</c> is fourteen thousand; percents and
/// decimals take a decimal mark, so an ambiguous <c>14.000</c> is refused rather than guessed.
/// </summary>
public enum FigureKind
{
    /// <summary>A number of things (hồ sơ, đơn vị): a whole number ≥ 0.</summary>
    Count,

    /// <summary>Money in đồng: a whole number, may be negative.</summary>
    Amount,

    /// <summary>A number of percent (91,5 for 91,5%); a trailing <c>%</c> is allowed.</summary>
    Percent,

    /// <summary>Any other number with a decimal part.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The kind is named \"decimal\" in the file format and the API.")]
    Decimal,
}

/// <summary>The names of <see cref="FigureKind"/> in framework files, the API and the page (<c>data-kind</c>).</summary>
public static class FigureKinds
{
    /// <summary>Every kind, in documentation order.</summary>
    public static readonly IReadOnlyList<FigureKind> All = [FigureKind.Count, FigureKind.Amount, FigureKind.Percent, FigureKind.Decimal];

    public static string Name(FigureKind kind) => kind switch
    {
        FigureKind.Count => "count",
        FigureKind.Amount => "amount",
        FigureKind.Percent => "percent",
        FigureKind.Decimal => "decimal",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown figure kind"),
    };

    public static bool TryParse(string? name, out FigureKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>True for the kinds that only take whole numbers.</summary>
    public static bool IsWhole(FigureKind kind) => kind is FigureKind.Count or FigureKind.Amount;
}
