namespace ParIndex.Data.Assessments;

/// <summary>What the unit decided about a <see cref="CarriedSuggestion"/>.</summary>
public enum SuggestionState
{
    Pending,
    Accepted,
    Ignored,
}

/// <summary>
/// Last year's explanation and evidence of the leaf (or leaves) a new leaf continues, offered to the
/// unit after a campaign rollover (ADR 0125). Never a score: accepting copies the explanation and
/// the evidence files into this year's assessment; ignoring leaves it untouched.
/// </summary>
public sealed class CarriedSuggestion
{
    public int Id { get; set; }

    /// <summary>This year's assessment.</summary>
    public int AssessmentId { get; set; }

    public Assessment? Assessment { get; set; }

    /// <summary>This year's leaf.</summary>
    public required string LeafCode { get; set; }

    /// <summary>Last year's assessment (no key: a campaign bundle of this year does not carry last year's rows).</summary>
    public int SourceAssessmentId { get; set; }

    /// <summary>Last year's leaf codes, comma-separated (several for a merge).</summary>
    public required string SourceLeafCodes { get; set; }

    /// <summary>Last year's explanation (for a merge, each predecessor's under its code).</summary>
    public string Explanation { get; set; } = "";

    /// <summary>Last year's evidence file ids, comma-separated.</summary>
    public string EvidenceIds { get; set; } = "";

    public SuggestionState State { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>Optimistic concurrency token: a suggestion is decided once.</summary>
    public int Version { get; set; }
}
