namespace ParIndex.Core.Scoring;

/// <summary>
/// Which of a leaf's scores counts (SPEC 2.4): a survey leaf counts its survey score; any other
/// leaf its final score, else the appraised score, else the self score. A leaf marked not
/// applicable counts nothing.
/// </summary>
public static class ScorePrecedence
{
    /// <summary>The score that counts for a self-assessed leaf: final, else appraised, else self.</summary>
    public static decimal? Counted(decimal? final, decimal? appraised, decimal? self) => final ?? appraised ?? self;

    /// <summary>The leaf's contribution to the results.</summary>
    public static LeafScore ResultOf(bool isSurvey, bool notApplicable, decimal? survey, decimal? final, decimal? appraised, decimal? self) =>
        notApplicable ? new LeafScore(null, NotApplicable: true)
        : new LeafScore(isSurvey ? survey : Counted(final, appraised, self));

    /// <summary>
    /// The result an appraisal page shows for a leaf: the survey score, or the counted score once an
    /// appraiser decided (a self score alone is not a result); nothing when the appraisal is hidden.
    /// </summary>
    public static decimal? Shown(bool isSurvey, bool showAppraisal, decimal? survey, decimal? final, decimal? appraised, decimal? self) =>
        isSurvey ? survey
        : showAppraisal && (appraised is not null || final is not null) ? Counted(final, appraised, self)
        : null;

    /// <summary>The appraiser changed the self score (a missing self score is 0).</summary>
    public static bool IsAdjusted(decimal? appraised, decimal? self) => appraised is { } a && a != (self ?? 0m);
}
