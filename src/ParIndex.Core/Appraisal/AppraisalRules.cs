using ParIndex.Core.Frameworks;
using ParIndex.Core.Workflow;

namespace ParIndex.Core.Appraisal;

/// <summary>How an appraiser decides one leaf.</summary>
public enum AppraisalMode
{
    /// <summary>Keep the baseline score (the self score, or the appraised score in the final phase).</summary>
    Accept,

    /// <summary>Re-score a computed leaf from corrected figures or a level, by the scoring core.</summary>
    Recompute,

    /// <summary>Type a score, within the leaf's range.</summary>
    Score,
}

/// <summary>
/// What an appraiser may set on a leaf (SPEC 2.5): during the appraisal the appraised score, after
/// the preliminary result the final score; a survey leaf is never appraised; a typed score stays in
/// the leaf's range; any change from the baseline needs a reason.
/// </summary>
public static class AppraisalRules
{
    /// <summary>After the appraisal phase (preliminary result onwards) the decision is the final score.</summary>
    public static bool SetsFinalScore(AssessmentStatus status) => status != AssessmentStatus.UnderAppraisal;

    /// <summary>Survey leaves are scored by the sociological survey, not by an appraiser.</summary>
    public static bool Appraisable(FrameworkNode leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        return !leaf.IsSurvey;
    }

    /// <summary>The score "accept" keeps: in the final phase the appraised score (else self), before it the self score; none is 0.</summary>
    public static decimal Baseline(bool finalPhase, decimal? self, decimal? appraised) =>
        finalPhase ? appraised ?? self ?? 0m : self ?? 0m;

    /// <summary>Accept wins; corrected figures or a level re-score; otherwise the typed score counts.</summary>
    public static AppraisalMode ModeOf(bool accept, bool hasFigures, bool hasLevel) =>
        accept ? AppraisalMode.Accept
        : hasFigures || hasLevel ? AppraisalMode.Recompute
        : AppraisalMode.Score;

    /// <summary>The range of a typed score: a bonus/penalty leaf's own bounds, else 0 to the leaf's maximum.</summary>
    public static (decimal Min, decimal Max) ScoreRange(FrameworkNode leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        return leaf.EffectiveRule is BonusPenaltyRule bonus ? (bonus.Min, bonus.Max) : (0m, leaf.Max);
    }

    /// <summary>Both bounds are inclusive.</summary>
    public static bool InRange(FrameworkNode leaf, decimal score)
    {
        var (min, max) = ScoreRange(leaf);
        return score >= min && score <= max;
    }

    /// <summary>A score that differs from the baseline needs a reason; keeping it does not.</summary>
    public static bool NeedsReason(decimal baseline, decimal score, string? reason) =>
        score != baseline && string.IsNullOrEmpty(reason);
}
