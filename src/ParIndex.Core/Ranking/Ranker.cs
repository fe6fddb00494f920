namespace ParIndex.Core.Ranking;

/// <summary>A unit's index entering a ranking.</summary>
/// <param name="PeerGroup">Units are ranked only against the same group (same campaign and unit type).</param>
/// <param name="Index">The index in percent, at full precision.</param>
public sealed record RankingEntry(string UnitId, string PeerGroup, decimal Index);

/// <summary>A unit's place: rank within its peer group, the published index and its band.</summary>
public sealed record RankedUnit(string UnitId, string PeerGroup, decimal Index, decimal PublishedIndex, int Rank, bool Tied, string? Band);

/// <summary>
/// Ranks units within their peer group. Ties are decided on the published precision (2 decimals):
/// 95,704% and 95,696% both publish as 95,70% and share a rank. Competition style: 1, 2, 2, 4.
/// </summary>
public static class Ranker
{
    public const int PublishedDecimals = 2;

    public static decimal Publish(decimal index) => Math.Round(index, PublishedDecimals, MidpointRounding.AwayFromZero);

    public static IReadOnlyList<RankedUnit> Rank(IEnumerable<RankingEntry> entries, BandScheme? bands = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ranked = new List<RankedUnit>();
        foreach (var group in entries.GroupBy(e => e.PeerGroup, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // Order by published value, then by id so that the output is stable.
            var ordered = group
                .Select(e => (Entry: e, Published: Publish(e.Index)))
                .OrderByDescending(x => x.Published)
                .ThenBy(x => x.Entry.UnitId, StringComparer.Ordinal)
                .ToList();
            // One pass over the sorted list: a run of equal published values shares the rank of its first member.
            var runStart = 0;
            for (var i = 0; i < ordered.Count; i++)
            {
                if (i > 0 && ordered[i].Published != ordered[i - 1].Published)
                {
                    runStart = i;
                }

                var tied = (i > 0 && ordered[i - 1].Published == ordered[i].Published) ||
                           (i + 1 < ordered.Count && ordered[i + 1].Published == ordered[i].Published);
                ranked.Add(new RankedUnit(
                    ordered[i].Entry.UnitId,
                    group.Key,
                    ordered[i].Entry.Index,
                    ordered[i].Published,
                    runStart + 1,
                    tied,
                    bands?.Classify(ordered[i].Published)));
            }
        }

        return ranked;
    }
}
