namespace ParIndex.Core.Scoring;

/// <summary>
/// The result of scoring one leaf: points with their memo, or a user-facing error (Vietnamese),
/// or neither when the unit has not entered enough yet.
/// </summary>
public sealed record LeafOutcome(decimal? Points, CalculationMemo? Memo, string? Error, bool NotApplicable = false)
{
    public static LeafOutcome Pending { get; } = new(null, null, null);

    /// <summary>The criterion does not apply: it leaves both the points and the maximum.</summary>
    public static LeafOutcome Excluded { get; } = new(null, null, null, NotApplicable: true);

    public static LeafOutcome Invalid(string error) => new(null, null, error);

    public bool IsScored => Points is not null;

    public bool IsError => Error is not null;
}
