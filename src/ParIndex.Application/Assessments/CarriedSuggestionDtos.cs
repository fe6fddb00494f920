namespace ParIndex.Application.Assessments;

/// <summary>Last year's evidence file offered with a suggestion (null file name: the file no longer exists).</summary>
public sealed record SuggestedEvidenceView(Guid Id, string? FileName, string? DocumentNumber);

/// <summary>
/// A suggestion carried from last year for one leaf (ADR 0125): the explanation and evidence of the
/// leaf or leaves it continues. <see cref="State"/> is pending, accepted or ignored.
/// </summary>
public sealed record CarriedSuggestionView(
    int Id,
    string LeafCode,
    string LeafTitle,
    string SourceLeafCodes,
    string Explanation,
    IReadOnlyList<SuggestedEvidenceView> Evidence,
    string State,
    bool CanDecide,
    string? DecidedBy,
    DateTime? DecidedAt);
