using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Tests.Frameworks;

public class CrosswalkSuggesterTests
{
    private static FrameworkNode Leaf(string code, string title, decimal max = 1m) =>
        new() { Code = code, Title = title, Max = max, Rule = ManualRule.Instance };

    private static FrameworkNode Inner(string code, string title, params FrameworkNode[] children) =>
        new() { Code = code, Title = title, Max = children.Sum(c => c.Max), Children = children };

    private static Framework Of(string id, params FrameworkNode[] nodes) =>
        new() { Id = id, Version = id == "old" ? "1" : "2", Year = 2024, Title = id, Nodes = nodes };

    private static IReadOnlyList<CrosswalkEntry> Suggest(Framework a, Framework b) => CrosswalkSuggester.Suggest(a, b).Entries;

    private static CrosswalkEntry E(CrosswalkKind kind, string[] from, string[] to, CrosswalkMatch match) => new(kind, from, to, match);

    private static void Same(IReadOnlyList<CrosswalkEntry> expected, IReadOnlyList<CrosswalkEntry> actual)
    {
        Assert.Equal(
            expected.Select(e => $"{e.Kind} [{string.Join(",", e.From)}]→[{string.Join(",", e.To)}] {e.Match}"),
            actual.Select(e => $"{e.Kind} [{string.Join(",", e.From)}]→[{string.Join(",", e.To)}] {e.Match}"));
    }

    [Fact]
    public void Identical_frameworks_map_every_node_by_code()
    {
        var builtIn = BuiltInFrameworks.Province2023;
        var crosswalk = CrosswalkSuggester.Suggest(builtIn, builtIn);
        Assert.Equal(builtIn.AllNodes().Select(n => n.Code), crosswalk.Entries.Select(e => Assert.Single(e.To)));
        Assert.All(crosswalk.Entries, e => Assert.Equal((CrosswalkKind.OneToOne, CrosswalkMatch.Code), (e.Kind, e.Match)));
        Assert.All(crosswalk.Entries, e => Assert.Equal(e.From, e.To));
        Assert.Empty(crosswalk.Validate(builtIn, builtIn));
        Assert.Equal((builtIn.Id, builtIn.Version, builtIn.Id, builtIn.Version), (crosswalk.FromFrameworkId, crosswalk.FromVersion, crosswalk.ToFrameworkId, crosswalk.ToVersion));
    }

    [Fact]
    public void Renumbered_nodes_match_by_title_and_a_reused_code_is_not_its_namesake()
    {
        // 1.2 became 1.3; the new 1.2 is a new criterion.
        var before = Of("old", Inner("1", "Chỉ đạo", Leaf("1.1", "Kế hoạch"), Leaf("1.2", "Báo cáo")));
        var after = Of("new", Inner("1", "Chỉ đạo", Leaf("1.1", "Kế hoạch"), Leaf("1.2", "Tuyên truyền"), Leaf("1.3", "1.3. BÁO CÁO")));
        Same(
            [
                E(CrosswalkKind.OneToOne, ["1"], ["1"], CrosswalkMatch.Code),
                E(CrosswalkKind.OneToOne, ["1.1"], ["1.1"], CrosswalkMatch.Code),
                E(CrosswalkKind.New, [], ["1.2"], CrosswalkMatch.None),
                E(CrosswalkKind.OneToOne, ["1.2"], ["1.3"], CrosswalkMatch.Title),
            ],
            Suggest(before, after));
    }

    [Fact]
    public void Same_code_different_title_is_a_weaker_code_only_match()
    {
        var entries = Suggest(Of("old", Leaf("1", "Cải cách thể chế")), Of("new", Leaf("1", "Xây dựng thể chế")));
        Same([E(CrosswalkKind.OneToOne, ["1"], ["1"], CrosswalkMatch.CodeOnly)], entries);
    }

    [Fact]
    public void Titles_that_differ_only_in_diacritics_are_a_weak_match_after_the_strong_ones()
    {
        var before = Of("old", Leaf("1", "Cải cách"), Leaf("2", "Thể chế"));
        var after = Of("new", Leaf("3", "Thể chế"), Leaf("4", "Cài cách"));
        Same(
            [
                E(CrosswalkKind.OneToOne, ["2"], ["3"], CrosswalkMatch.Title),
                E(CrosswalkKind.OneToOne, ["1"], ["4"], CrosswalkMatch.TitleWithoutDiacritics),
            ],
            Suggest(before, after));
    }

    [Fact]
    public void A_strong_title_match_wins_over_a_code_only_match()
    {
        // Old 2 "B" moved to 1; old 1 "A" is gone: the code-only pass must not pair old 1 with new 1.
        var entries = Suggest(Of("old", Leaf("1", "A"), Leaf("2", "B")), Of("new", Leaf("1", "B")));
        Same([E(CrosswalkKind.OneToOne, ["2"], ["1"], CrosswalkMatch.Title), E(CrosswalkKind.Removed, ["1"], [], CrosswalkMatch.None)], entries);
    }

    [Fact]
    public void Same_titles_pair_in_framework_order()
    {
        var entries = Suggest(Of("old", Leaf("1", "X"), Leaf("2", "X")), Of("new", Leaf("3", "X"), Leaf("4", "X"), Leaf("5", "X")));
        Same(
            [
                E(CrosswalkKind.OneToOne, ["1"], ["3"], CrosswalkMatch.Title),
                E(CrosswalkKind.OneToOne, ["2"], ["4"], CrosswalkMatch.Title),
                E(CrosswalkKind.New, [], ["5"], CrosswalkMatch.None),
            ],
            entries);
    }

    [Fact]
    public void Empty_titles_never_match_by_title()
    {
        var entries = Suggest(Of("old", Leaf("1", "1.")), Of("new", Leaf("2", "2.")));
        Same([E(CrosswalkKind.New, [], ["2"], CrosswalkMatch.None), E(CrosswalkKind.Removed, ["1"], [], CrosswalkMatch.None)], entries);
    }

    [Fact]
    public void A_leaf_split_into_an_inner_node_is_one_to_many_onto_its_leaves()
    {
        var before = Of("old", Inner("1", "Chỉ đạo", Leaf("1.1", "Kế hoạch", 2m)));
        var after = Of("new", Inner("1", "Chỉ đạo", Inner("1.1", "Kế hoạch năm", Leaf("1.1.1", "Ban hành"), Leaf("1.1.2", "Thực hiện"))));
        var crosswalk = CrosswalkSuggester.Suggest(before, after);
        Same(
            [
                E(CrosswalkKind.OneToOne, ["1"], ["1"], CrosswalkMatch.Code),
                E(CrosswalkKind.OneToMany, ["1.1"], ["1.1.1", "1.1.2"], CrosswalkMatch.Structure),
            ],
            crosswalk.Entries);
        Assert.Empty(crosswalk.Validate(before, after));
    }

    [Fact]
    public void An_inner_node_merged_into_a_leaf_is_many_to_one_from_its_leaves()
    {
        var before = Of("old", Inner("1", "Chỉ đạo", Inner("1.1", "Kế hoạch năm", Leaf("1.1.1", "Ban hành"), Inner("1.1.2", "Thực hiện", Leaf("1.1.2.1", "Quý"), Leaf("1.1.2.2", "Năm")))));
        var after = Of("new", Inner("1", "Chỉ đạo", Leaf("1.1", "Kế hoạch", 3m)));
        Same(
            [
                E(CrosswalkKind.OneToOne, ["1"], ["1"], CrosswalkMatch.Code),
                E(CrosswalkKind.ManyToOne, ["1.1.1", "1.1.2.1", "1.1.2.2"], ["1.1"], CrosswalkMatch.Structure),
            ],
            Suggest(before, after));
    }

    [Fact]
    public void An_inner_node_with_one_leaf_merged_is_one_to_one()
    {
        var before = Of("old", Inner("1", "A", Leaf("1.1", "B")));
        var after = Of("new", Leaf("1", "C"));
        Same([E(CrosswalkKind.OneToOne, ["1.1"], ["1"], CrosswalkMatch.Structure)], Suggest(before, after));
        Same([E(CrosswalkKind.OneToOne, ["1"], ["1.1"], CrosswalkMatch.Structure)], Suggest(Of("old", Leaf("1", "C")), Of("new", Inner("1", "A", Leaf("1.1", "B")))));
    }

    [Fact]
    public void No_split_when_a_part_is_already_matched()
    {
        // New 1.1.1 keeps its old title, so old leaf 1.1 cannot be split over it.
        var before = Of("old", Inner("1", "A", Leaf("1.1", "Kế hoạch"), Leaf("1.2", "Ban hành")));
        var after = Of("new", Inner("1", "A", Inner("1.1", "Kế hoạch mới", Leaf("1.1.1", "Ban hành"), Leaf("1.1.2", "Thực hiện"))));
        Same(
            [
                E(CrosswalkKind.OneToOne, ["1"], ["1"], CrosswalkMatch.Code),
                E(CrosswalkKind.New, [], ["1.1"], CrosswalkMatch.None),
                E(CrosswalkKind.OneToOne, ["1.2"], ["1.1.1"], CrosswalkMatch.Title),
                E(CrosswalkKind.New, [], ["1.1.2"], CrosswalkMatch.None),
                E(CrosswalkKind.Removed, ["1.1"], [], CrosswalkMatch.None),
            ],
            Suggest(before, after));
    }

    [Fact]
    public void No_merge_when_a_part_is_already_matched()
    {
        var before = Of("old", Inner("1", "A", Inner("1.1", "B", Leaf("1.1.1", "C"), Leaf("1.1.2", "D"))), Leaf("2", "E"));
        var after = Of("new", Inner("1", "A", Leaf("1.1", "F")), Leaf("2", "C"));
        var entries = Suggest(before, after);
        Assert.DoesNotContain(entries, e => e.Kind == CrosswalkKind.ManyToOne);
        Assert.Contains(entries, e => e.Kind == CrosswalkKind.New && e.To.SequenceEqual(["1.1"]));
    }

    [Fact]
    public void Leaf_to_leaf_and_inner_to_inner_with_the_same_code_are_not_structure()
    {
        var entries = Suggest(Of("old", Leaf("1", "A"), Leaf("2", "B")), Of("new", Leaf("2", "B"), Leaf("1", "Z")));
        Assert.DoesNotContain(entries, e => e.Match == CrosswalkMatch.Structure);
    }

    [Fact]
    public void Entries_follow_the_new_order_and_removed_ones_come_last_in_old_order()
    {
        var before = Of("old", Leaf("1", "A"), Leaf("2", "B"), Leaf("3", "C"), Leaf("4", "D"));
        var after = Of("new", Leaf("5", "N"), Leaf("6", "C"), Leaf("7", "A"));
        Same(
            [
                E(CrosswalkKind.New, [], ["5"], CrosswalkMatch.None),
                E(CrosswalkKind.OneToOne, ["3"], ["6"], CrosswalkMatch.Title),
                E(CrosswalkKind.OneToOne, ["1"], ["7"], CrosswalkMatch.Title),
                E(CrosswalkKind.Removed, ["2"], [], CrosswalkMatch.None),
                E(CrosswalkKind.Removed, ["4"], [], CrosswalkMatch.None),
            ],
            Suggest(before, after));
    }

    [Fact]
    public void Repeated_codes_keep_their_first_place()
    {
        var entries = Suggest(Of("old", Leaf("1", "A"), Leaf("1", "B")), Of("new", Leaf("1", "A")));
        Same([E(CrosswalkKind.OneToOne, ["1"], ["1"], CrosswalkMatch.Code)], entries);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => CrosswalkSuggester.Suggest(null!, Of("new")));
        Assert.Throws<ArgumentNullException>(() => CrosswalkSuggester.Suggest(Of("old"), null!));
    }
}
