using ParIndex.Data.Evidence;

namespace ParIndex.Data.Assessments;

/// <summary>What a unit entered for one leaf criterion, and the points computed from it.</summary>
public sealed class LeafEntry
{
    public int Id { get; set; }

    public int AssessmentId { get; set; }

    public Assessment? Assessment { get; set; }

    public required string LeafCode { get; set; }

    /// <summary>Entered score (manual and bonus/penalty leaves).</summary>
    public decimal? Score { get; set; }

    /// <summary>Chosen level key (levels leaves).</summary>
    public string? Level { get; set; }

    /// <summary>Entered figures as a JSON object of decimals, e.g. <c>{"numerator":999,"denominator":1000}</c>.</summary>
    public string? FiguresJson { get; set; }

    /// <summary>The criterion does not apply to this unit: it leaves both the points and the maximum.</summary>
    public bool NotApplicable { get; set; }

    public string Explanation { get; set; } = "";

    /// <summary>Self-assessed points as computed by the scoring core; null while not enough is entered.</summary>
    public decimal? Points { get; set; }

    /// <summary>The calculation memo in Vietnamese (inputs → rule → points).</summary>
    public string Memo { get; set; } = "";

    /// <summary>Optimistic concurrency token: the client sends the version it edited.</summary>
    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public List<EvidenceFile> Evidence { get; set; } = [];
}
