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

    /// <summary>An error with its English text and the input at fault (<c>score</c>, <c>level</c>, <c>figures.numerator</c>…).</summary>
    public static LeafOutcome Invalid(string error, string english, string? field) => new(null, null, error) { ErrorEnglish = english, ErrorField = field };

    /// <summary>The error in English, for a UI in English; null where none was given.</summary>
    public string? ErrorEnglish { get; init; }

    /// <summary>The request field the error is about, if it is about one.</summary>
    public string? ErrorField { get; init; }

    public bool IsScored => Points is not null;

    public bool IsError => Error is not null;
}
