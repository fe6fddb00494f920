namespace ParIndex.Core.Results;

/// <summary>A unit's index with the region it belongs to.</summary>
public sealed record RegionalEntry(string UnitId, string Region, decimal Index);

/// <summary>The mean index of a region's units.</summary>
public sealed record RegionalAverage(string Region, int Units, decimal AverageIndex, decimal MinIndex, decimal MaxIndex);

/// <summary>Regional averages (SPEC 2.8), by region name in order.</summary>
public static class RegionalAverages
{
    public static IReadOnlyList<RegionalAverage> Compute(IEnumerable<RegionalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries
            .GroupBy(e => e.Region, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RegionalAverage(g.Key, g.Count(), g.Average(e => e.Index), g.Min(e => e.Index), g.Max(e => e.Index)))
            .ToList();
    }
}
