using ParIndex.Core.Frameworks;
using ParIndex.Core.Results;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Tests.Results;

public class NodeComparisonTests
{
    private static FrameworkNode Leaf(string code, decimal max) => new() { Code = code, Title = $"Tiêu chí {code}", Max = max, Rule = ManualRule.Instance };

    private static FrameworkNode Inner(string code, params FrameworkNode[] children) =>
        new() { Code = code, Title = $"Lĩnh vực {code}", Max = children.Sum(c => c.Max), Children = children };

    // 2023: 1 (1.1 max 2, 1.2 max 2, 1.3 max 4), 2 (2.1 max 2).
    private static readonly Framework Previous = new()
    {
        Id = "p",
        Version = "2023",
        Year = 2023,
        Title = "2023",
        Nodes = [Inner("1", Leaf("1.1", 2m), Leaf("1.2", 2m), Leaf("1.3", 4m)), Inner("2", Leaf("2.1", 2m))],
    };

    // 2024: 1.1 + 1.2 merged into 1.1; 1.3 split into 1.2 and 1.3; 2.1 kept; 2.2 new.
    private static readonly Framework Current = new()
    {
        Id = "c",
        Version = "2024",
        Year = 2024,
        Title = "2024",
        Nodes = [Inner("1", Leaf("1.1", 4m), Leaf("1.2", 2m), Leaf("1.3", 2m)), Inner("2", Leaf("2.1", 2m), Leaf("2.2", 1m))],
    };

    private static FrameworkCrosswalk Crosswalk(params CrosswalkEntry[] entries) => new()
    {
        FromFrameworkId = "p",
        FromVersion = "2023",
        ToFrameworkId = "c",
        ToVersion = "2024",
        Entries = entries,
    };

    private static readonly FrameworkCrosswalk Full = Crosswalk(
        new(CrosswalkKind.OneToOne, ["1"], ["1"], CrosswalkMatch.Code),
        new(CrosswalkKind.ManyToOne, ["1.1", "1.2"], ["1.1"], CrosswalkMatch.Manual),
        new(CrosswalkKind.OneToMany, ["1.3"], ["1.2", "1.3"], CrosswalkMatch.Manual),
        new(CrosswalkKind.OneToOne, ["2"], ["2"], CrosswalkMatch.Code),
        new(CrosswalkKind.OneToOne, ["2.1"], ["2.1"], CrosswalkMatch.Code),
        new(CrosswalkKind.New, [], ["2.2"], CrosswalkMatch.None));

    private static AssessmentResult Score(Framework framework, params (string Code, decimal Points)[] leaves) =>
        AssessmentCalculator.Calculate(framework, leaves.ToDictionary(l => l.Code, l => new LeafScore(l.Points)));

    private static readonly AssessmentResult Before = Score(Previous, ("1.1", 1m), ("1.2", 2m), ("1.3", 2m), ("2.1", 1m));
    private static readonly AssessmentResult After = Score(Current, ("1.1", 4m), ("1.2", 1m), ("1.3", 2m), ("2.1", 2m), ("2.2", 1m));

    private static Dictionary<string, NodeChange> Compare(FrameworkCrosswalk crosswalk, AssessmentResult? before = null) =>
        ResultComparison.CompareNodes(Previous, before ?? Before, Current, After, crosswalk).ToDictionary(c => c.Code);

    [Fact]
    public void Every_node_of_the_current_framework_in_order_after_the_total()
    {
        Assert.Equal(["", "1", "1.1", "1.2", "1.3", "2", "2.1", "2.2"], ResultComparison.CompareNodes(Previous, Before, Current, After, Full).Select(c => c.Code));
    }

    [Fact]
    public void One_to_one_compares_indices_directly()
    {
        var changes = Compare(Full);
        Assert.Equal((50m, 100m, NodeComparability.Direct), (changes["2.1"].Previous, changes["2.1"].Current, changes["2.1"].Comparability));
        Assert.Equal(50m, changes["2.1"].Change);
        Assert.Equal(["2.1"], changes["2.1"].PreviousCodes);
        Assert.Equal(NodeComparability.Direct, changes["1"].Comparability);
        Assert.Equal(5m / 8m * 100m, changes["1"].Previous);
        Assert.Equal(7m / 8m * 100m - 5m / 8m * 100m, changes["1"].Change);
    }

    [Fact]
    public void The_total_is_always_compared()
    {
        var total = Compare(Full)[""];
        Assert.Equal(NodeComparability.Direct, total.Comparability);
        Assert.Equal(6m / 10m * 100m, total.Previous);
        Assert.Equal(10m / 11m * 100m, total.Current);
    }

    [Fact]
    public void Many_to_one_combines_the_predecessors_points_over_their_maxima()
    {
        var merged = Compare(Full)["1.1"];
        Assert.Equal(NodeComparability.Combined, merged.Comparability);
        Assert.Equal(3m / 4m * 100m, merged.Previous);
        Assert.Equal(100m, merged.Current);
        Assert.Equal(25m, merged.Change);
        Assert.Equal(["1.1", "1.2"], merged.PreviousCodes);
    }

    [Fact]
    public void A_split_and_a_new_node_are_not_comparable_and_show_no_change()
    {
        var changes = Compare(Full);
        foreach (var code in new[] { "1.2", "1.3", "2.2" })
        {
            Assert.Equal(NodeComparability.NotComparable, changes[code].Comparability);
            Assert.Null(changes[code].Previous);
            Assert.Null(changes[code].Change);
            Assert.NotNull(changes[code].Current);
        }

        Assert.Equal(["1.3"], changes["1.2"].PreviousCodes);
        Assert.Empty(changes["2.2"].PreviousCodes);
        Assert.Equal("không so sánh được", NodeChange.NotComparableText);
    }

    [Fact]
    public void A_node_in_no_entry_is_not_comparable_even_when_the_code_exists_in_both()
    {
        var changes = Compare(Crosswalk(new CrosswalkEntry(CrosswalkKind.OneToOne, ["1"], ["1"], CrosswalkMatch.Code)));
        Assert.Equal(NodeComparability.NotComparable, changes["2.1"].Comparability);
        Assert.Null(changes["2.1"].Change);
        Assert.Empty(changes["2.1"].PreviousCodes);
        Assert.Equal(NodeComparability.Direct, changes["1"].Comparability);
    }

    [Fact]
    public void A_predecessor_without_a_result_makes_the_node_not_comparable()
    {
        var partial = new AssessmentResult(Before.Total, Before.Fields, Before.Nodes.Where(n => n.Key != "1.2").ToDictionary());
        var changes = Compare(Full, partial);
        Assert.Equal(NodeComparability.NotComparable, changes["1.1"].Comparability);
        Assert.Null(changes["1.1"].Previous);
        Assert.Equal(["1.1", "1.2"], changes["1.1"].PreviousCodes);
    }

    [Fact]
    public void A_node_with_nothing_applicable_has_no_change_even_when_comparable()
    {
        var zero = new NodeChange("x", null, 50m, NodeComparability.Direct, ["x"]);
        Assert.Null(zero.Change);
        Assert.Null((zero with { Previous = 50m, Current = null }).Change);
        Assert.Equal(0m, (zero with { Previous = 50m }).Change);
        Assert.Null((zero with { Previous = 50m, Comparability = NodeComparability.NotComparable }).Change);
        Assert.Equal(-10m, (zero with { Previous = 60m, Comparability = NodeComparability.Combined }).Change);
    }

    [Theory]
    [InlineData("x", "2023", "c", "2024")]
    [InlineData("p", "2022", "c", "2024")]
    [InlineData("p", "2023", "x", "2024")]
    [InlineData("p", "2023", "c", "2025")]
    public void A_crosswalk_of_other_versions_is_refused(string fromId, string fromVersion, string toId, string toVersion)
    {
        var other = new FrameworkCrosswalk { FromFrameworkId = fromId, FromVersion = fromVersion, ToFrameworkId = toId, ToVersion = toVersion, Entries = Full.Entries };
        var error = Assert.Throws<ArgumentException>(() => ResultComparison.CompareNodes(Previous, Before, Current, After, other));
        Assert.Equal("crosswalk", error.ParamName);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => ResultComparison.CompareNodes(null!, Before, Current, After, Full));
        Assert.Throws<ArgumentNullException>(() => ResultComparison.CompareNodes(Previous, null!, Current, After, Full));
        Assert.Throws<ArgumentNullException>(() => ResultComparison.CompareNodes(Previous, Before, null!, After, Full));
        Assert.Throws<ArgumentNullException>(() => ResultComparison.CompareNodes(Previous, Before, Current, null!, Full));
        Assert.Throws<ArgumentNullException>(() => ResultComparison.CompareNodes(Previous, Before, Current, After, null!));
    }

    [Fact]
    public void The_suggested_crosswalk_of_a_renumbering_compares_the_moved_node_with_itself()
    {
        var before = new Framework { Id = "p", Version = "2023", Year = 2023, Title = "p", Nodes = [Inner("1", Leaf("1.1", 2m), Leaf("1.2", 2m))] };
        var after = new Framework
        {
            Id = "c",
            Version = "2024",
            Year = 2024,
            Title = "c",
            Nodes = [Inner("1", Leaf("1.1", 2m), new FrameworkNode { Code = "1.2", Title = "Mới hoàn toàn", Max = 1m, Rule = ManualRule.Instance }, new FrameworkNode { Code = "1.3", Title = "Tiêu chí 1.2", Max = 2m, Rule = ManualRule.Instance })],
        };
        var crosswalk = CrosswalkSuggester.Suggest(before, after);
        var changes = ResultComparison.CompareNodes(before, Score(before, ("1.1", 2m), ("1.2", 1m)), after, Score(after, ("1.1", 2m), ("1.2", 1m), ("1.3", 2m)), crosswalk).ToDictionary(c => c.Code);
        Assert.Equal(NodeComparability.NotComparable, changes["1.2"].Comparability);
        Assert.Equal(50m, changes["1.3"].Change);
        Assert.Equal(["1.2"], changes["1.3"].PreviousCodes);
    }

    [Fact]
    public void The_code_map_comparison_refuses_a_merge_instead_of_taking_one_predecessor()
    {
        var map = Full.ToCodeMap();
        var fields = ResultComparison.Compare(Previous, Before, Current, After, map).ToDictionary(c => c.Code);
        Assert.Equal(5m / 8m * 100m, fields["1"].Previous);
        Assert.Equal(50m, fields["2"].Previous);

        // Two old fields mapped onto one new field: neither index alone may stand for it.
        var mergedFields = new Crosswalk("p", "c", new Dictionary<string, string?> { ["1"] = "1", ["2"] = "1" });
        var merged = ResultComparison.Compare(Previous, Before, Current, After, mergedFields).ToDictionary(c => c.Code);
        Assert.Null(merged["1"].Previous);
        Assert.Null(merged["1"].Change);
        Assert.Null(merged["2"].Previous);
    }
}
