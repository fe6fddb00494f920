using ParIndex.Core.Scoring;
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

    // --- Appraisal and response round (SPEC 2.4, 2.6) ---

    /// <summary>The appraiser's score; equal to <see cref="Points"/> when the self score was accepted. Null: not appraised yet.</summary>
    public decimal? AppraisedScore { get; set; }

    /// <summary>Figures corrected by the appraiser (a computed leaf re-computed), JSON like <see cref="FiguresJson"/>.</summary>
    public string? AppraisedFiguresJson { get; set; }

    /// <summary>The calculation memo of the appraised score when it was re-computed from corrected figures.</summary>
    public string? AppraisedMemo { get; set; }

    /// <summary>Why the appraiser changed the self score (required for an adjustment).</summary>
    public string? AppraisalReason { get; set; }

    public string? AppraisedBy { get; set; }

    public DateTime? AppraisedAt { get; set; }

    /// <summary>The unit's answer to an adjustment (giải trình bổ sung).</summary>
    public string? ResponseText { get; set; }

    public string? RespondedBy { get; set; }

    public DateTime? RespondedAt { get; set; }

    /// <summary>The score after the response round; null means the appraised score stands.</summary>
    public decimal? FinalScore { get; set; }

    /// <summary>Why the appraiser set the final score after reading the response.</summary>
    public string? FinalReason { get; set; }

    /// <summary>Points from the sociological survey (survey leaves); filled by the survey import.</summary>
    public decimal? SurveyScore { get; set; }

    /// <summary>The calculation memo of <see cref="SurveyScore"/>: n valid answers, mean share, max × Σ share / n.</summary>
    public string? SurveyMemo { get; set; }

    /// <summary>The score that counts in the results: final, else appraised, else the self score.</summary>
    public decimal? EffectiveFinalScore => ScorePrecedence.Counted(FinalScore, AppraisedScore, Points);

    /// <summary>The appraiser changed the self score.</summary>
    public bool IsAdjusted => ScorePrecedence.IsAdjusted(AppraisedScore, Points);
}
