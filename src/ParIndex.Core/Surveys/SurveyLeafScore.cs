using ParIndex.Core.Scoring;

namespace ParIndex.Core.Surveys;

/// <summary>
/// The survey points of one unit on one survey leaf: points = max × mean share over valid answers,
/// rounded to 4 decimals. <see cref="ValidAnswers"/> excludes "không biết"; <see cref="MeanShare"/>
/// is weighted when respondents carry weights and null when there is no valid answer.
/// </summary>
public sealed record SurveyLeafScore(
    string UnitCode,
    string LeafCode,
    decimal Max,
    long ValidAnswers,
    long InvalidAnswers,
    decimal? MeanShare,
    decimal Points,
    CalculationMemo Memo);

/// <summary>
/// The satisfaction index (SIPAS) of one unit on one component: the share of valid answers that
/// are satisfied (Likert 4–5, or options marked <c>satisfied</c>), weighted when respondents carry
/// weights. <see cref="Share"/> is 0..1 and null without valid answers.
/// </summary>
public sealed record SipasScore(string UnitCode, string Component, long ValidAnswers, long SatisfiedAnswers, decimal? Share)
{
    /// <summary>The share as a number of percent, rounded to 2 decimals (91,16).</summary>
    public decimal? Percent => Share is { } s ? Math.Round(s * 100m, 2, MidpointRounding.AwayFromZero) : null;
}

/// <summary>What <see cref="SurveyScorer.Result"/> returns, sorted by unit then framework order.</summary>
public sealed record SurveyScoreResult(IReadOnlyList<SurveyLeafScore> Leaves, IReadOnlyList<SipasScore> Sipas)
{
    /// <summary>
    /// The overall SIPAS of a unit: the plain mean of its component shares, so that a component
    /// with many questions does not outweigh the others.
    /// </summary>
    /// <remarks>Scans every component: for many units use <see cref="SurveyScoresByUnit"/>.</remarks>
    public decimal? OverallSipas(string unitCode) => MeanShare(Sipas.Where(s => s.UnitCode == unitCode));

    /// <summary>The plain mean of the components' shares that are known; null when none is.</summary>
    public static decimal? MeanShare(IEnumerable<SipasScore> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var shares = components.Where(s => s.Share is not null).Select(s => s.Share!.Value).ToList();
        return shares.Count == 0 ? null : shares.Sum() / shares.Count;
    }

    /// <summary>The overall SIPAS as a number of percent, rounded to 2 decimals like <see cref="SipasScore.Percent"/>.</summary>
    public decimal? OverallSipasPercent(string unitCode) =>
        OverallSipas(unitCode) is { } share ? Math.Round(share * 100m, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>The unit's total survey points (sum of its leaf points); scans every leaf, see <see cref="SurveyScoresByUnit"/>.</summary>
    public decimal TotalPoints(string unitCode) => Leaves.Where(l => l.UnitCode == unitCode).Sum(l => l.Points);
}
