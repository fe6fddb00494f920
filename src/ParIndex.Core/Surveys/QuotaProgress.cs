namespace ParIndex.Core.Surveys;

/// <summary>The population and margin of one unit and respondent group, from which the quota follows.</summary>
public sealed record QuotaTarget(string UnitCode, string RespondentGroup, long Population, decimal Margin)
{
    public int Required => SampleSize.Required(Population, Margin);
}

/// <summary>Respondents collected against the quota of one unit and respondent group.</summary>
public sealed record QuotaProgress(string UnitCode, string RespondentGroup, int Required, int Collected)
{
    public int Remaining => Math.Max(0, Required - Collected);

    public bool Met => Collected >= Required;

    /// <summary>Collected / required in percent, 2 decimals; 100 when nothing is required.</summary>
    public decimal Percent => Required == 0 ? 100m : Math.Round(Collected * 100m / Required, 2, MidpointRounding.AwayFromZero);

    /// <summary>Progress of every target, given the respondents collected per (unit, group); a missing count is 0.</summary>
    public static IReadOnlyList<QuotaProgress> For(IEnumerable<QuotaTarget> targets, IReadOnlyDictionary<(string UnitCode, string RespondentGroup), int> collected)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(collected);
        return targets
            .Select(t => new QuotaProgress(t.UnitCode, t.RespondentGroup, t.Required, collected.GetValueOrDefault((t.UnitCode, t.RespondentGroup))))
            .ToList();
    }
}
