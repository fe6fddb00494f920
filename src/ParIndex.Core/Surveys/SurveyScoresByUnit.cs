namespace ParIndex.Core.Surveys;

/// <summary>
/// The scores of a <see cref="SurveyScoreResult"/> grouped by unit in one pass, for reports that
/// walk unit by unit: each unit's leaves, SIPAS, total and overall SIPAS without scanning the whole
/// result again (a national campaign has 11,000 units × 27 survey leaves).
/// </summary>
public sealed class SurveyScoresByUnit
{
    private readonly Dictionary<string, List<SurveyLeafScore>> leaves = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SipasScore>> sipas = new(StringComparer.Ordinal);

    public SurveyScoresByUnit(SurveyScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var leaf in result.Leaves)
        {
            Add(leaves, leaf.UnitCode, leaf);
        }

        foreach (var component in result.Sipas)
        {
            Add(sipas, component.UnitCode, component);
        }
    }

    /// <summary>The unit's survey leaves in the result's order (framework order).</summary>
    public IReadOnlyList<SurveyLeafScore> Leaves(string unitCode) => leaves.GetValueOrDefault(unitCode) ?? [];

    /// <summary>The unit's SIPAS components in the result's order.</summary>
    public IReadOnlyList<SipasScore> Sipas(string unitCode) => sipas.GetValueOrDefault(unitCode) ?? [];

    /// <summary>The unit's total survey points, as <see cref="SurveyScoreResult.TotalPoints"/>.</summary>
    public decimal TotalPoints(string unitCode) => Leaves(unitCode).Sum(l => l.Points);

    /// <summary>The unit's overall SIPAS, as <see cref="SurveyScoreResult.OverallSipas"/>.</summary>
    public decimal? OverallSipas(string unitCode) => SurveyScoreResult.MeanShare(Sipas(unitCode));

    private static void Add<T>(Dictionary<string, List<T>> byUnit, string unitCode, T item)
    {
        if (!byUnit.TryGetValue(unitCode, out var list))
        {
            list = [];
            byUnit.Add(unitCode, list);
        }

        list.Add(item);
    }
}
