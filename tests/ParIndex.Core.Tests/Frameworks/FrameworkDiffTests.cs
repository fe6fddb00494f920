using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;

namespace ParIndex.Core.Tests.Frameworks;

public class FrameworkDiffTests
{
    private static FrameworkNode Leaf(string code, decimal max, ScoringRule? rule = null, string? title = null, string? guidance = null) =>
        new() { Code = code, Title = title ?? $"Tiêu chí {code}", Max = max, Rule = rule ?? ManualRule.Instance, Guidance = guidance };

    private static FrameworkNode Inner(string code, params FrameworkNode[] children) =>
        new() { Code = code, Title = $"Lĩnh vực {code}", Max = children.Sum(c => c.Max), Children = children };

    private static Framework Of(params FrameworkNode[] nodes) =>
        new() { Id = "t", Version = "1", Year = 2024, Title = "Thử", Nodes = nodes };

    /// <summary>1 (1.1, 1.2, 1.3), 2 (2.1).</summary>
    private static Framework Base() => Of(
        Inner("1", Leaf("1.1", 1m), Leaf("1.2", 2m), Leaf("1.3", 0.5m)),
        Inner("2", Leaf("2.1", 3m)));

    private static FrameworkDiffResult Diff(Framework a, Framework b) => FrameworkDiff.Compare(a, b);

    private static FrameworkChange Single(FrameworkDiffResult diff) => Assert.Single(diff.Changed);

    [Fact]
    public void Equal_frameworks_give_an_empty_diff()
    {
        var diff = Diff(Base(), Base());
        Assert.True(diff.IsEmpty);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Changed);
        Assert.Empty(diff.Renumbered);
    }

    [Fact]
    public void The_built_in_framework_equals_itself_and_its_file_round_trip()
    {
        var builtIn = BuiltInFrameworks.Province2023;
        Assert.True(Diff(builtIn, FrameworkFile.Read(FrameworkFile.ToJson(builtIn))).IsEmpty);
        Assert.True(Diff(builtIn, builtIn).IsEmpty);
    }

    [Fact]
    public void Header_properties_are_not_nodes()
    {
        var other = new Framework { Id = "khac", Version = "9", Year = 2030, Title = "Khác", UnitKind = "commune", LegalBasis = "x", Nodes = Base().Nodes };
        Assert.True(Diff(Base(), other).IsEmpty);
    }

    [Fact]
    public void Decimal_scale_is_not_a_change()
    {
        var scaled = Of(
            Inner("1", Leaf("1.1", 1.00m), Leaf("1.2", 2.0m), Leaf("1.3", 0.50m)),
            Inner("2", Leaf("2.1", 3.000m)));
        Assert.True(Diff(Base(), scaled).IsEmpty);
        Assert.True(Diff(
            Of(Leaf("1", 1m, new RatioRule(1m))),
            Of(Leaf("1", 1.0m, new RatioRule(1.00m)))).IsEmpty);
        Assert.True(Diff(
            Of(Leaf("1", 1m, new BandsRule([new(90m, null, 1m)])), Leaf("2", 1m, new LevelsRule([new("a", "A", 0.5m)])), Leaf("3", 0m, new BonusPenaltyRule(-1m, 0m))),
            Of(Leaf("1", 1m, new BandsRule([new(90.0m, null, 1.00m)])), Leaf("2", 1m, new LevelsRule([new("a", "A", 0.50m)])), Leaf("3", 0m, new BonusPenaltyRule(-1.0m, 0.0m)))).IsEmpty);
    }

    [Fact]
    public void Added_and_removed_codes_come_in_framework_order()
    {
        var newer = Of(
            Inner("1", Leaf("1.1", 1m), Leaf("1.3", 0.5m), Leaf("1.4", 1m), Leaf("1.5", 1m)),
            Inner("3", Leaf("3.1", 3m)));
        var diff = Diff(Base(), newer);
        Assert.Equal(["1.4", "1.5", "3", "3.1"], diff.Added);
        Assert.Equal(["1.2", "2", "2.1"], diff.Removed);
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public void Only_added_or_only_removed_is_not_empty()
    {
        var more = Of(Inner("1", Leaf("1.1", 1m), Leaf("1.2", 2m), Leaf("1.3", 0.5m)), Inner("2", Leaf("2.1", 3m)), Inner("3", Leaf("3.1", 1m)));
        Assert.False(Diff(Base(), more).IsEmpty);
        Assert.False(Diff(more, Base()).IsEmpty);
        Assert.Empty(Diff(Base(), more).Changed);
    }

    [Fact]
    public void A_title_change_is_reported_with_old_and_new_text()
    {
        var renamed = Of(Inner("1", Leaf("1.1", 1m, title: "Cài cách"), Leaf("1.2", 2m), Leaf("1.3", 0.5m)), Inner("2", Leaf("2.1", 3m)));
        var before = Of(Inner("1", Leaf("1.1", 1m, title: "Cải cách"), Leaf("1.2", 2m), Leaf("1.3", 0.5m)), Inner("2", Leaf("2.1", 3m)));
        Assert.Equal(new FrameworkChange("1.1", "title", "Cải cách", "Cài cách"), Single(Diff(before, renamed)));
    }

    [Theory]
    [InlineData("Cải  cách\nhành chính", "Cải cách hành chính")]
    [InlineData(" Cải cách hành chính. ", "Cải cách hành chính")]
    [InlineData("Cải cách hành chính", "Cải cách hành chính.")]
    public void Layout_normalisation_and_a_final_full_stop_are_not_a_rename(string a, string b)
    {
        var nfd = b.Normalize(System.Text.NormalizationForm.FormD);
        Assert.True(Diff(Of(Leaf("1", 1m, title: a)), Of(Leaf("1", 1m, title: nfd))).IsEmpty);
    }

    [Theory]
    [InlineData("Cải cách hành chính", "cải cách hành chính")]
    [InlineData("Cải cách hành chính", "Cải cách hành chính:")]
    [InlineData("Cải cách hành chính", "Cải cách, hành chính")]
    public void Case_and_other_punctuation_are_wording(string a, string b)
    {
        Assert.Equal("title", Single(Diff(Of(Leaf("1", 1m, title: a)), Of(Leaf("1", 1m, title: b)))).What);
    }

    [Fact]
    public void A_max_change_uses_numbers_without_scale()
    {
        var change = Single(Diff(Of(Leaf("1", 1.50m)), Of(Leaf("1", 1.25m))));
        Assert.Equal(new FrameworkChange("1", "max", "1.5", "1.25"), change);
    }

    [Fact]
    public void Boundary_max_that_differs_by_the_smallest_step_is_a_change()
    {
        Assert.Equal("max", Single(Diff(Of(Leaf("1", 1m)), Of(Leaf("1", 1.0001m)))).What);
    }

    [Fact]
    public void A_method_change_describes_both_rules_whole()
    {
        var change = Single(Diff(Of(Leaf("1", 1m, new RatioRule(0.9m, "Đúng hạn", "Tổng"))), Of(Leaf("1", 1m, SurveyRule.Instance))));
        Assert.Equal(new FrameworkChange("1", "rule", "ratio (mục tiêu: 0.9; tử số: Đúng hạn (count); mẫu số: Tổng (count))", "survey"), change);
    }

    [Fact]
    public void A_leaf_without_an_explicit_rule_is_manual()
    {
        var implicitManual = new FrameworkNode { Code = "1", Title = "Tiêu chí 1", Max = 1m };
        Assert.True(Diff(Of(implicitManual), Of(Leaf("1", 1m, ManualRule.Instance))).IsEmpty);
        Assert.Equal(new FrameworkChange("1", "rule", "manual", "survey"), Single(Diff(Of(implicitManual), Of(Leaf("1", 1m, SurveyRule.Instance)))));
    }

    [Fact]
    public void Ratio_parameters_are_compared_one_by_one()
    {
        var before = Of(Leaf("1", 1m, new RatioRule(1m, "Tử", "Mẫu")));
        Assert.Equal(new FrameworkChange("1", "rule", "mục tiêu: 1", "mục tiêu: 0.95"), Single(Diff(before, Of(Leaf("1", 1m, new RatioRule(0.95m, "Tử", "Mẫu"))))));
        Assert.Equal(new FrameworkChange("1", "rule", "tử số: Tử (count)", "tử số: Tử mới (count)"), Single(Diff(before, Of(Leaf("1", 1m, new RatioRule(1m, "Tử mới", "Mẫu"))))));
        Assert.Equal(new FrameworkChange("1", "rule", "mẫu số: Mẫu (count)", "mẫu số: Mẫu (amount)"), Single(Diff(before, Of(Leaf("1", 1m, new RatioRule(1m, "Tử", "Mẫu", DenominatorKind: FigureKind.Amount))))));
        Assert.Equal(new FrameworkChange("1", "rule", "tử số: Tử (count)", "tử số: Tử (amount)"), Single(Diff(before, Of(Leaf("1", 1m, new RatioRule(1m, "Tử", "Mẫu", NumeratorKind: FigureKind.Amount))))));
    }

    [Fact]
    public void Levels_are_keyed_by_their_key()
    {
        var before = Of(Leaf("1", 1m, new LevelsRule([new("a", "Đạt", 1m), new("b", "Không đạt", 0m)])));
        Assert.True(Diff(before, Of(Leaf("1", 1m, new LevelsRule([new("b", "Không đạt", 0m), new("a", "Đạt", 1m)])))).IsEmpty);
        Assert.Equal(
            [new("1", "rule", "mức a: Đạt = 1", "mức a: Đạt = 0.75"), new("1", "rule", "mức b: Không đạt = 0", null), new("1", "rule", null, "mức c: Một phần = 0.5")],
            Diff(before, Of(Leaf("1", 1m, new LevelsRule([new("a", "Đạt", 0.75m), new("c", "Một phần", 0.5m)])))).Changed);
        Assert.Equal(new FrameworkChange("1", "rule", "mức a: Đạt = 1", "mức a: Hoàn thành = 1"), Single(Diff(before, Of(Leaf("1", 1m, new LevelsRule([new("a", "Hoàn thành", 1m), new("b", "Không đạt", 0m)]))))));
    }

    [Fact]
    public void Bands_are_compared_by_position_with_every_bound()
    {
        var band = new ScoreBand(70m, 90m, 1m);
        var before = Of(Leaf("1", 2m, new BandsRule([band, new(90m, null, 2m)])));
        FrameworkChange Band1(BandsRule rule) => Single(Diff(before, Of(Leaf("1", 2m, rule))));

        Assert.Equal(new FrameworkChange("1", "rule", "khoảng 1: [70; 90) → 1", "khoảng 1: (70; 90) → 1"), Band1(new BandsRule([band with { FromExclusive = true }, new(90m, null, 2m)])));
        Assert.Equal(new FrameworkChange("1", "rule", "khoảng 1: [70; 90) → 1", "khoảng 1: [70; 90] → 1"), Band1(new BandsRule([band with { ToInclusive = true }, new(90m, null, 2m)])));
        Assert.Equal(new FrameworkChange("1", "rule", "khoảng 1: [70; 90) → 1", "khoảng 1: [−∞; 90) → 1"), Band1(new BandsRule([band with { From = null }, new(90m, null, 2m)])));
        Assert.Equal(new FrameworkChange("1", "rule", "khoảng 1: [70; 90) → 1", "khoảng 1: [70; +∞) → 1"), Band1(new BandsRule([band with { To = null }, new(90m, null, 2m)])));
        Assert.Equal(new FrameworkChange("1", "rule", "khoảng 1: [70; 90) → 1", "khoảng 1: [70; 90) → 1.5"), Band1(new BandsRule([band with { Points = 1.5m }, new(90m, null, 2m)])));
        Assert.Equal(new FrameworkChange("1", "rule", "khoảng 1: [70; 90) → 1", "khoảng 1: [70; 90) → 1 \"khá\""), Band1(new BandsRule([band with { Label = "khá" }, new(90m, null, 2m)])));
        Assert.Equal(new FrameworkChange("1", "rule", "nhãn: Tỷ lệ (%)", "nhãn: Tỷ lệ đúng hạn (%)"), Band1(new BandsRule([band, new(90m, null, 2m)], "Tỷ lệ đúng hạn (%)")));
        Assert.Equal(new FrameworkChange("1", "rule", "loại số liệu: percent", "loại số liệu: decimal"), Band1(new BandsRule([band, new(90m, null, 2m)], InputKind: FigureKind.Decimal)));
        Assert.Equal(new FrameworkChange("1", "rule", "khoảng 2: [90; +∞) → 2", null), Band1(new BandsRule([band])));
    }

    [Fact]
    public void Expression_formula_and_inputs_are_compared_inputs_by_name()
    {
        var before = Of(Leaf("1", 1m, new ExpressionRule([new("a", "Số A"), new("b", "Số B", FigureKind.Count)], "max * a / b")));
        FrameworkChange One(ExpressionRule rule) => Single(Diff(before, Of(Leaf("1", 1m, rule))));

        Assert.True(Diff(before, Of(Leaf("1", 1m, new ExpressionRule([new("b", "Số B", FigureKind.Count), new("a", "Số A")], "max * a / b")))).IsEmpty);
        Assert.Equal(new FrameworkChange("1", "rule", "công thức: max * a / b", "công thức: max * b / a"), One(new ExpressionRule([new("a", "Số A"), new("b", "Số B", FigureKind.Count)], "max * b / a")));
        Assert.Equal(new FrameworkChange("1", "rule", "biến a: Số A (decimal)", "biến a: Số A mới (decimal)"), One(new ExpressionRule([new("a", "Số A mới"), new("b", "Số B", FigureKind.Count)], "max * a / b")));
        Assert.Equal(new FrameworkChange("1", "rule", "biến a: Số A (decimal)", "biến a: Số A (percent)"), One(new ExpressionRule([new("a", "Số A", FigureKind.Percent), new("b", "Số B", FigureKind.Count)], "max * a / b")));
        Assert.Equal(
            [new("1", "rule", "biến a: Số A (decimal)", null), new("1", "rule", null, "biến c: Số A (decimal)")],
            Diff(before, Of(Leaf("1", 1m, new ExpressionRule([new("c", "Số A"), new("b", "Số B", FigureKind.Count)], "max * a / b")))).Changed);
    }

    [Fact]
    public void Bonus_penalty_bounds_are_compared()
    {
        var before = Of(Leaf("1", 0m, new BonusPenaltyRule(-1m, 0m)));
        Assert.Equal(new FrameworkChange("1", "rule", "tối thiểu: -1", "tối thiểu: -2"), Single(Diff(before, Of(Leaf("1", 0m, new BonusPenaltyRule(-2m, 0m))))));
        Assert.Equal(
            [new("1", "max", "0", "1"), new("1", "rule", "tối đa: 0", "tối đa: 1")],
            Diff(before, Of(Leaf("1", 1m, new BonusPenaltyRule(-1m, 1m)))).Changed);
    }

    [Fact]
    public void A_leaf_that_became_inner_loses_its_rule_and_the_reverse()
    {
        var asLeaf = Of(Leaf("1", 1m, SurveyRule.Instance, title: "Lĩnh vực 1"));
        var asInner = Of(Inner("1", Leaf("1.1", 1m)));
        var diff = Diff(asLeaf, asInner);
        Assert.Equal(["1.1"], diff.Added);
        Assert.Equal(new FrameworkChange("1", "rule", "survey", null), Single(diff));
        Assert.Equal(new FrameworkChange("1", "rule", null, "survey"), Single(Diff(asInner, asLeaf)));
    }

    [Fact]
    public void Inner_nodes_have_no_rule_to_compare()
    {
        Assert.True(Diff(Of(Inner("1", Leaf("1.1", 1m))), Of(Inner("1", Leaf("1.1", 1m)))).IsEmpty);
    }

    [Fact]
    public void Guidance_changes_added_and_removed_but_blank_equals_none()
    {
        Assert.Equal(new FrameworkChange("1", "guidance", null, "Kèm văn bản."), Single(Diff(Of(Leaf("1", 1m)), Of(Leaf("1", 1m, guidance: "Kèm văn bản.")))));
        Assert.Equal(new FrameworkChange("1", "guidance", "Kèm văn bản.", null), Single(Diff(Of(Leaf("1", 1m, guidance: "Kèm văn bản.")), Of(Leaf("1", 1m, guidance: "  ")))));
        Assert.Equal(new FrameworkChange("1", "guidance", "Cũ", "Mới"), Single(Diff(Of(Leaf("1", 1m, guidance: "Cũ")), Of(Leaf("1", 1m, guidance: "Mới")))));
        Assert.True(Diff(Of(Leaf("1", 1m, guidance: "")), Of(Leaf("1", 1m))).IsEmpty);
        Assert.True(Diff(Of(Leaf("1", 1m, guidance: "Kèm\n văn bản")), Of(Leaf("1", 1m, guidance: "Kèm văn bản"))).IsEmpty);
    }

    [Fact]
    public void A_node_moved_to_another_parent_is_reported_as_parent()
    {
        var moved = Of(Inner("1", Leaf("1.1", 1m), Leaf("1.2", 2m)), Inner("2", Leaf("2.1", 3m), Leaf("1.3", 0.5m)));
        var diff = Diff(Base(), moved);
        Assert.Equal(
            [new("1", "max", "3.5", "3"), new("2", "max", "3", "3.5"), new("1.3", "parent", "1", "2")],
            diff.Changed);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void A_field_moved_under_another_has_a_null_parent_side()
    {
        var before = Of(Inner("1", Leaf("1.1", 1m)), Leaf("2", 1m));
        var after = Of(Inner("1", Leaf("1.1", 1m), Leaf("2", 1m)));
        Assert.Contains(new FrameworkChange("2", "parent", null, "1"), Diff(before, after).Changed);
        Assert.Contains(new FrameworkChange("2", "parent", "1", null), Diff(after, before).Changed);
    }

    [Fact]
    public void Order_is_the_rank_among_kept_siblings()
    {
        var swapped = Of(Inner("1", Leaf("1.1", 1m), Leaf("1.3", 0.5m), Leaf("1.2", 2m)), Inner("2", Leaf("2.1", 3m)));
        Assert.Equal(
            [new("1.3", "order", "3", "2"), new("1.2", "order", "2", "3")],
            Diff(Base(), swapped).Changed);
        var fields = Of(Inner("2", Leaf("2.1", 3m)), Inner("1", Leaf("1.1", 1m), Leaf("1.2", 2m), Leaf("1.3", 0.5m)));
        Assert.Equal([new("2", "order", "2", "1"), new("1", "order", "1", "2")], Diff(Base(), fields).Changed);
    }

    [Fact]
    public void Inserting_or_removing_a_sibling_does_not_reorder_the_others()
    {
        var inserted = Of(Inner("1", Leaf("1.0", 0m), Leaf("1.1", 1m), Leaf("1.2", 2m), Leaf("1.3", 0.5m)), Inner("2", Leaf("2.1", 3m)));
        var diff = Diff(Base(), inserted);
        Assert.Equal(["1.0"], diff.Added);
        Assert.Empty(diff.Changed);
        var removed = Diff(Base(), Of(Inner("1", Leaf("1.2", 2m), Leaf("1.3", 0.5m)), Inner("2", Leaf("2.1", 3m))));
        Assert.Equal(["1.1"], removed.Removed);
        Assert.Equal([new("1", "max", "3.5", "2.5")], removed.Changed);
    }

    [Fact]
    public void Changes_of_one_node_come_in_the_fixed_kind_order_and_nodes_in_new_framework_order()
    {
        var before = Of(Inner("1", Leaf("1.1", 1m, title: "A", guidance: "g"), Leaf("1.2", 2m)), Inner("2", Leaf("2.1", 3m)));
        var after = Of(Inner("2", Leaf("2.1", 3m), Leaf("1.1", 2m, SurveyRule.Instance, title: "B", guidance: "h")), Inner("1", Leaf("1.2", 2m)));
        var changed = Diff(before, after).Changed;
        Assert.Equal(
            [
                new("2", "order", "2", "1"), new("2", "max", "3", "5"),
                new("1.1", "parent", "1", "2"), new("1.1", "title", "A", "B"), new("1.1", "max", "1", "2"), new("1.1", "rule", "manual", "survey"), new("1.1", "guidance", "g", "h"),
                new("1", "order", "1", "2"), new("1", "max", "3", "2"),
            ],
            changed);
        Assert.Equal(["parent", "order", "title", "max", "rule", "guidance"], FrameworkDiff.Kinds);
    }

    [Fact]
    public void A_renumbering_is_a_hint_beside_the_added_and_removed_codes()
    {
        var before = Of(Inner("1", Leaf("1.1", 1m, title: "Kế hoạch"), Leaf("1.2", 2m, title: "1.2. Báo cáo định kỳ")));
        var after = Of(Inner("1", Leaf("1.1", 1m, title: "Kế hoạch"), Leaf("1.3", 2m, title: "1.3 báo cáo  định kỳ")));
        var diff = Diff(before, after);
        Assert.Equal(["1.3"], diff.Added);
        Assert.Equal(["1.2"], diff.Removed);
        Assert.Equal([new FrameworkRenumbering("1.2", "1.3")], diff.Renumbered);
    }

    [Fact]
    public void No_renumbering_hint_when_the_max_or_the_diacritics_differ()
    {
        var before = Of(Leaf("1", 1m, title: "Cải cách"), Leaf("2", 1m, title: "Thể chế"));
        Assert.Empty(Diff(before, Of(Leaf("1", 1m, title: "Cải cách"), Leaf("3", 1.5m, title: "Thể chế"))).Renumbered);
        Assert.Empty(Diff(before, Of(Leaf("1", 1m, title: "Cải cách"), Leaf("3", 1m, title: "Thẻ chế"))).Renumbered);
        Assert.Empty(Diff(Of(Leaf("1", 1m, title: "1.")), Of(Leaf("2", 1m, title: "2."))).Renumbered);
    }

    [Fact]
    public void Each_removed_node_pairs_with_one_added_node_first_come_first_served()
    {
        var before = Of(Leaf("1", 1m, title: "X"), Leaf("2", 1m, title: "X"));
        var after = Of(Leaf("3", 1m, title: "X"), Leaf("4", 1m, title: "X"), Leaf("5", 1m, title: "X"));
        Assert.Equal([new FrameworkRenumbering("1", "3"), new FrameworkRenumbering("2", "4")], Diff(before, after).Renumbered);
    }

    [Fact]
    public void A_repeated_code_keeps_its_first_place()
    {
        var repeated = Of(Leaf("1", 1m, title: "Đầu"), Leaf("1", 2m, title: "Sau"));
        Assert.True(Diff(repeated, Of(Leaf("1", 1m, title: "Đầu"))).IsEmpty);
    }

    [Fact]
    public void Describe_of_every_method()
    {
        Assert.Null(FrameworkDiff.Describe(null));
        Assert.Equal("manual", FrameworkDiff.Describe(ManualRule.Instance));
        Assert.Equal("bonus-penalty (tối thiểu: -1; tối đa: 0.5)", FrameworkDiff.Describe(new BonusPenaltyRule(-1m, 0.5m)));
        Assert.Equal("levels (mức a: Đạt = 1)", FrameworkDiff.Describe(new LevelsRule([new("a", "Đạt", 1m), new("a", "Trùng", 0m)])));
        Assert.Equal("expression (công thức: x; biến x: X (count))", FrameworkDiff.Describe(new ExpressionRule([new("x", "X", FigureKind.Count), new("x", "Y")], "x")));
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => FrameworkDiff.Compare(null!, Base()));
        Assert.Throws<ArgumentNullException>(() => FrameworkDiff.Compare(Base(), null!));
    }
}
