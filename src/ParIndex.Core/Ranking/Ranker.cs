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
        // One array sort instead of a LINQ group and order per peer group: a national campaign ranks
        // 11,000 units at each results read (ADR 0138). Order: group, published value descending, id,
        // then input position so that duplicates keep their order as a stable sort would.
        var items = entries.Select((e, position) => new Item(e, Publish(e.Index), position)).ToArray();
        items.AsSpan().Sort(default(ItemOrder));
        var classify = bands?.Classifier();
        var ranked = new List<RankedUnit>(items.Length);
        var groupStart = 0;
        var runStart = 0;
        for (var i = 0; i < items.Length; i++)
        {
            var first = i == 0 || !SameGroup(items[i], items[i - 1]);
            if (first)
            {
                groupStart = i;
            }

            // A run of equal published values shares the rank of its first member.
            var tiedBefore = !first && items[i - 1].Published == items[i].Published;
            if (!tiedBefore)
            {
                runStart = i;
            }

            var tiedAfter = i + 1 < items.Length && SameGroup(items[i], items[i + 1]) && items[i + 1].Published == items[i].Published;
            ranked.Add(new RankedUnit(
                items[i].Entry.UnitId,
                items[i].Entry.PeerGroup,
                items[i].Entry.Index,
                items[i].Published,
                runStart - groupStart + 1,
                tiedBefore || tiedAfter,
                classify?.Invoke(items[i].Published)));
        }

        return ranked;
    }

    private static bool SameGroup(Item a, Item b) => string.Equals(a.Entry.PeerGroup, b.Entry.PeerGroup, StringComparison.Ordinal);

    private readonly record struct Item(RankingEntry Entry, decimal Published, int Position);

    // A struct comparer: the sort is specialised for it and calls nothing through a delegate.
    private readonly struct ItemOrder : IComparer<Item>
    {
        public int Compare(Item a, Item b)
        {
            var byGroup = string.CompareOrdinal(a.Entry.PeerGroup, b.Entry.PeerGroup);
            if (byGroup != 0)
            {
                return byGroup;
            }

            var byValue = b.Published.CompareTo(a.Published);
            if (byValue != 0)
            {
                return byValue;
            }

            var byId = string.CompareOrdinal(a.Entry.UnitId, b.Entry.UnitId);
            return byId != 0 ? byId : a.Position.CompareTo(b.Position);
        }
    }
}
