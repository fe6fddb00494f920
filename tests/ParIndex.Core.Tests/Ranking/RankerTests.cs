using ParIndex.Core.Ranking;

namespace ParIndex.Core.Tests.Ranking;

public class RankerTests
{
    [Fact]
    public void Two_units_at_95_70_percent_share_rank_1_and_the_next_is_rank_3()
    {
        var ranked = Ranker.Rank(
        [
            new RankingEntry("c", "province", 91.2m),
            new RankingEntry("a", "province", 95.704m),
            new RankingEntry("b", "province", 95.696m),
        ]).ToDictionary(r => r.UnitId);
        Assert.Equal(1, ranked["a"].Rank);
        Assert.Equal(1, ranked["b"].Rank);
        Assert.True(ranked["a"].Tied);
        Assert.Equal(95.70m, ranked["b"].PublishedIndex);
        Assert.Equal(3, ranked["c"].Rank);
        Assert.False(ranked["c"].Tied);
    }

    [Fact]
    public void Competition_ranking_1_2_2_4()
    {
        var ranks = Ranker.Rank(
        [
            new RankingEntry("a", "g", 99m), new RankingEntry("b", "g", 90m),
            new RankingEntry("c", "g", 90m), new RankingEntry("d", "g", 80m),
        ]).Select(r => r.Rank);
        Assert.Equal([1, 2, 2, 4], ranks);
    }

    [Fact]
    public void Units_are_ranked_only_within_their_peer_group()
    {
        var ranked = Ranker.Rank(
        [
            new RankingEntry("so-a", "department", 80m), new RankingEntry("huyen-a", "district", 70m),
            new RankingEntry("so-b", "department", 85m),
        ]).ToDictionary(r => r.UnitId);
        Assert.Equal(1, ranked["huyen-a"].Rank);
        Assert.Equal(2, ranked["so-a"].Rank);
    }

    [Theory]
    [InlineData("95", "A")]
    [InlineData("90", "A")]
    [InlineData("89.999", "A")] // published 90,00% reaches A
    [InlineData("89.99", "B")]
    [InlineData("70", "C")]
    [InlineData("12", "D")]
    public void Bands_assign_the_published_groups(string index, string band)
    {
        var ranked = Ranker.Rank([new RankingEntry("u", "g", decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture))], BandScheme.Default);
        Assert.Equal(band, ranked[0].Band);
    }

    [Fact]
    public void Bands_are_configurable()
    {
        var scheme = new BandScheme([new ResultBand("Tốt", 75m), new ResultBand("Đạt", 50m)]);
        Assert.Equal("Tốt", scheme.Classify(80m));
        Assert.Equal("Đạt", scheme.Classify(50m));
        Assert.Null(scheme.Classify(49.99m));
        Assert.Empty(scheme.Validate());
        Assert.NotEmpty(new BandScheme([new ResultBand("A", 1m), new ResultBand("A", 2m)]).Validate());
    }

    [Fact]
    public void Random_rankings_are_those_of_a_group_then_order_by_reference()
    {
        // The ranker sorts one array (for national campaigns); the reference is the obvious definition:
        // group, order by published value then id (stable), rank = 1 + number of units published higher.
        var random = new Random(15);
        var scheme = new BandScheme([new ResultBand("B", 50m), new ResultBand("A", 90m), new ResultBand("A2", 90m)], Below: "D");
        for (var round = 0; round < 200; round++)
        {
            var entries = Enumerable.Range(0, random.Next(0, 40))
                .Select(_ => new RankingEntry(
                    $"u{random.Next(0, 25)}",
                    $"g{random.Next(0, 3)}",
                    random.Next(0, 6) * 20m + random.Next(0, 3) * 0.004m))
                .ToList();
            var expected = entries
                .GroupBy(e => e.PeerGroup, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => g
                    .OrderByDescending(e => Ranker.Publish(e.Index))
                    .ThenBy(e => e.UnitId, StringComparer.Ordinal)
                    .Select(e => new RankedUnit(
                        e.UnitId,
                        e.PeerGroup,
                        e.Index,
                        Ranker.Publish(e.Index),
                        1 + g.Count(o => Ranker.Publish(o.Index) > Ranker.Publish(e.Index)),
                        g.Count(o => Ranker.Publish(o.Index) == Ranker.Publish(e.Index)) > 1,
                        Ranker.Publish(e.Index) >= 90m ? "A" : Ranker.Publish(e.Index) >= 50m ? "B" : "D")))
                .ToList();
            Assert.Equal(expected, Ranker.Rank(entries, scheme));
            Assert.All(Ranker.Rank(entries), r => Assert.Null(r.Band));
        }
    }

    [Fact]
    public void The_default_bands_are_the_official_names_and_a_missing_list_is_refused_by_name()
    {
        Assert.Equal(
            [("A", 90m, "Xuất sắc"), ("B", 80m, "Tốt"), ("C", 70m, "Khá")],
            BandScheme.Default.Bands.Select(b => (b.Name, b.MinIndex, b.Label)));
        Assert.Equal("D", BandScheme.Default.Below);
        Assert.Equal("entries", Assert.Throws<ArgumentNullException>(() => Ranker.Rank(null!)).ParamName);
    }
}
