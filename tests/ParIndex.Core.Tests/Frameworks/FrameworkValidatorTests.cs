using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;
using static ParIndex.Core.Tests.Frameworks.SampleFrameworks;

namespace ParIndex.Core.Tests.Frameworks;

/// <summary>One crafted bad framework per rule; each must produce exactly the expected problem.</summary>
public class FrameworkValidatorTests
{
    [Fact]
    public void Valid_frameworks_have_no_problems()
    {
        Assert.Empty(FrameworkValidator.Validate(Valid()));
        Assert.Empty(FrameworkValidator.Validate(EveryRule()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Missing_id(string id) =>
        AssertSingle(With(Valid(), id: id), "id", "Thiếu mã định danh");

    [Fact]
    public void Id_with_spaces() =>
        AssertSingle(With(Valid(), id: "chỉ số 2023"), "id", "không có khoảng trắng");

    [Fact]
    public void Missing_version() =>
        AssertSingle(With(Valid(), version: ""), "version", "Thiếu phiên bản");

    [Fact]
    public void Missing_title() =>
        AssertSingle(With(Valid(), title: " "), "title", "Thiếu tên");

    [Fact]
    public void Missing_unit_kind() =>
        AssertSingle(With(Valid(), unitKind: ""), "unitKind", "unitKind");

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    [InlineData(0)]
    public void Implausible_year(int year) =>
        AssertSingle(With(Valid(), year: year), "year", $"Năm {year} không hợp lý");

    [Fact]
    public void No_nodes() =>
        AssertSingle(Minimal(), "nodes", "không có lĩnh vực nào");

    [Fact]
    public void Duplicate_code()
    {
        var framework = Minimal(Field("1", Leaf("1.1", 1m, null), Leaf("1.1", 1m, null)));
        var problems = FrameworkValidator.Validate(framework);
        Assert.Contains(problems, p => p.Code == "1.1" && p.Message.Contains("xuất hiện 2 lần", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.a")]
    [InlineData("1.01")]
    [InlineData("1.0")]
    [InlineData("1..1")]
    [InlineData("1.1 ")]
    public void Malformed_code(string code) =>
        AssertSingle(Minimal(Field("1", Leaf(code, 1m, null))), code, "không đúng dạng");

    [Fact]
    public void Blank_code_is_reported_under_a_placeholder() =>
        AssertSingle(Minimal(Field("1", Leaf("", 1m, null))), "(không mã)", "không đúng dạng");

    [Fact]
    public void Child_code_outside_its_parent()
    {
        var framework = Minimal(Field("1", Field("1.1", Leaf("1.2.1", 1m, null))));
        AssertSingle(framework, "1.2.1", "là con của 1.1 nên mã phải có dạng 1.1.n");
    }

    [Fact]
    public void Field_code_with_a_dot() =>
        AssertSingle(Minimal(Field("1.1", Leaf("1.1.1", 1m, null))), "1.1", "là lĩnh vực");

    [Fact]
    public void Codes_out_of_sequence()
    {
        var framework = Minimal(Field("1", Leaf("1.1", 1m, null)), Field("3", Leaf("3.1", 1m, null)));
        AssertSingle(framework, "3", "cần là 2");
    }

    [Fact]
    public void Blank_node_title()
    {
        var framework = Minimal(Field("1", new FrameworkNode { Code = "1.1", Title = "", Max = 1m }));
        AssertSingle(framework, "1.1", "Thiếu tên tiêu chí");
    }

    [Fact]
    public void Negative_maximum()
    {
        var framework = Minimal(Field("1", Leaf("1.1", 1m, null), Leaf("1.2", -0.5m, null)));
        AssertSingle(framework, "1.2", "âm");
    }

    [Fact]
    public void Parent_maximum_differs_from_the_sum_of_its_children()
    {
        var framework = Minimal(new FrameworkNode { Code = "1", Title = "A", Max = 2m, Children = [Leaf("1.1", 0.75m, null), Leaf("1.2", 1.5m, null)] });
        AssertSingle(framework, "1", "Điểm chuẩn 2 khác tổng điểm chuẩn của các tiêu chí con (2,25)");
    }

    [Fact]
    public void Parent_sum_is_exact_decimal()
    {
        var framework = Minimal(new FrameworkNode { Code = "1", Title = "A", Max = 0.3m, Children = [Leaf("1.1", 0.1m, null), Leaf("1.2", 0.2m, null)] });
        Assert.Empty(FrameworkValidator.Validate(framework));
    }

    [Fact]
    public void Rule_on_an_inner_node()
    {
        var framework = Minimal(new FrameworkNode { Code = "1", Title = "A", Max = 1m, Rule = new RatioRule(), Children = [Leaf("1.1", 1m, null)] });
        AssertSingle(framework, "1", "không có phương thức chấm điểm riêng (ratio)");
    }

    [Fact]
    public void Survey_only_on_leaves()
    {
        var framework = Minimal(new FrameworkNode { Code = "1", Title = "A", Max = 1m, Rule = SurveyRule.Instance, Children = [Leaf("1.1", 1m, SurveyRule.Instance)] });
        AssertSingle(framework, "1", "chỉ đặt ở tiêu chí lá");
    }

    [Fact]
    public void Levels_with_duplicate_keys() =>
        AssertLeafProblem(new LevelsRule([new("a", "Đạt", 1m), new("a", "Không đạt", 0m)]), "Khóa mức \"a\" bị lặp lại 2 lần");

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.25)]
    public void Levels_points_outside_zero_and_max(decimal points) =>
        AssertLeafProblem(new LevelsRule([new("a", "Đạt", points), new("b", "Không đạt", 0m)]), "nằm ngoài khoảng [0; 1]");

    [Fact]
    public void Levels_without_any_level() =>
        AssertLeafProblem(new LevelsRule([]), "cần ít nhất một mức");

    [Fact]
    public void Levels_with_a_blank_key() =>
        AssertLeafProblem(new LevelsRule([new(" ", "Đạt", 1m)]), "thiếu khóa");

    [Fact]
    public void Bands_points_outside_zero_and_max() =>
        AssertLeafProblem(new BandsRule([new(90m, null, 2m), new(null, 90m, 0m)]), "có 2 điểm, nằm ngoài khoảng [0; 1]");

    [Theory]
    [InlineData(90, 70)]
    [InlineData(70, 70)]
    public void Bands_from_not_below_to(decimal from, decimal to) =>
        AssertLeafProblem(new BandsRule([new(from, to, 1m)]), "cận dưới phải nhỏ hơn cận trên");

    [Fact]
    public void Bands_overlapping() =>
        AssertLeafProblem(new BandsRule([new(70m, 90m, 1m), new(80m, null, 1m)]), "chồng lên nhau");

    [Fact]
    public void Bands_sharing_an_inclusive_bound_overlap() =>
        AssertLeafProblem(new BandsRule([new(null, 70m, 0m, ToInclusive: true), new(70m, 90m, 0.5m)]), "chồng lên nhau");

    [Fact]
    public void Bands_open_on_the_same_side_overlap() =>
        AssertLeafProblem(new BandsRule([new(null, 50m, 0m), new(null, 70m, 0.5m)]), "chồng lên nhau");

    [Fact]
    public void Adjacent_bands_do_not_overlap()
    {
        var rule = new BandsRule([new(90m, null, 1m), new(70m, 90m, 0.5m, ToInclusive: false), new(null, 70m, 0m)]);
        Assert.Empty(FrameworkValidator.Validate(Minimal(Field("1", Leaf("1.1", 1m, rule)))));
    }

    [Fact]
    public void Seed_style_bands_above_90_up_to_90_and_below_70_do_not_overlap()
    {
        // "trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0"
        var rule = new BandsRule([new(90m, null, 1m, FromExclusive: true), new(70m, 90m, 0.5m, ToInclusive: true), new(null, 70m, 0m)]);
        Assert.Empty(FrameworkValidator.Validate(Minimal(Field("1", Leaf("1.1", 1m, rule)))));
    }

    [Fact]
    public void Bands_meeting_at_an_inclusive_bound_from_both_sides_overlap() =>
        AssertLeafProblem(new BandsRule([new(90m, null, 1m), new(70m, 90m, 0.5m, ToInclusive: true)]), "chồng lên nhau");

    [Fact]
    public void Bands_without_any_band() =>
        AssertLeafProblem(new BandsRule([]), "cần ít nhất một khoảng");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Ratio_target_not_positive(decimal target) =>
        AssertLeafProblem(new RatioRule(target), "phải lớn hơn 0");

    [Fact]
    public void Ratio_of_a_count_to_an_amount() =>
        AssertLeafProblem(new RatioRule(1m, "Số hồ sơ", "Số tiền (đồng)", FigureKind.Count, FigureKind.Amount), "phải cùng loại số liệu");

    [Fact]
    public void Ratio_of_amounts_is_valid() =>
        Assert.Empty(FrameworkValidator.Validate(Minimal(Leaf("1", 1m, new RatioRule(1m, "Đã xử lý (đồng)", "Đề nghị (đồng)", FigureKind.Amount, FigureKind.Amount)))));

    [Fact]
    public void Figure_kind_out_of_range() =>
        AssertLeafProblem(new ExpressionRule([new("a", "A", (FigureKind)9)], "a"), "loại không hợp lệ (9)");

    [Fact]
    public void Band_input_kind_out_of_range() =>
        AssertLeafProblem(new BandsRule([new(null, null, 1m)], "Tỷ lệ", (FigureKind)(-1)), "loại không hợp lệ (-1)");

    [Fact]
    public void Ratio_without_labels() =>
        AssertLeafProblem(new RatioRule(1m, "", "Tổng số"), "Thiếu nhãn");

    [Fact]
    public void Expression_that_does_not_parse() =>
        AssertLeafProblem(new ExpressionRule([new("a", "A")], "max * (a + "), "không hợp lệ");

    [Fact]
    public void Expression_calling_a_function_outside_the_allow_list() =>
        AssertLeafProblem(new ExpressionRule([new("a", "A")], "max * sqrt(a)"), "không hợp lệ");

    [Fact]
    public void Expression_naming_an_undeclared_variable() =>
        AssertLeafProblem(new ExpressionRule([new("a", "A")], "max * min(1, a / b)"), "biến \"b\" chưa được khai báo");

    [Fact]
    public void Expression_with_an_unused_input() =>
        AssertLeafProblem(new ExpressionRule([new("a", "A"), new("b", "B")], "max * min(1, a)"), "\"b\" được khai báo nhưng công thức không dùng đến");

    [Fact]
    public void Expression_input_named_max() =>
        AssertLeafProblem(new ExpressionRule([new("MAX", "Tối đa")], "max"), "dành cho điểm chuẩn");

    [Fact]
    public void Expression_inputs_declared_twice() =>
        AssertLeafProblem(new ExpressionRule([new("a", "A"), new("A", "A lần hai")], "max * min(1, a)"), "được khai báo 2 lần");

    [Fact]
    public void Expression_input_that_is_not_an_identifier()
    {
        var framework = Minimal(Field("1", Leaf("1.1", 1m, new ExpressionRule([new("số_cũ", "Số cũ")], "max"))));
        Assert.Contains(FrameworkValidator.Validate(framework), p => p.Code == "1.1" && p.Message.Contains("Tên biến \"số_cũ\" không hợp lệ", StringComparison.Ordinal));
    }

    [Fact]
    public void Expression_without_a_formula() =>
        AssertLeafProblem(new ExpressionRule([], " "), "Thiếu công thức");

    [Fact]
    public void Bonus_penalty_node_maximum_must_equal_the_bonus_ceiling() =>
        AssertLeafProblem(new BonusPenaltyRule(-1m, 0.5m), "phải bằng điểm thưởng tối đa");

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(-1, -0.5)]
    [InlineData(0, 0)]
    public void Bonus_penalty_range_must_contain_zero(decimal min, decimal max)
    {
        var framework = Minimal(Field("1", Leaf("1.1", Math.Max(max, 0), new BonusPenaltyRule(min, max))));
        Assert.Contains(FrameworkValidator.Validate(framework), p => p.Code == "1.1" && p.Message.Contains("min ≤ 0 ≤ max", StringComparison.Ordinal));
    }

    [Fact]
    public void Pure_penalty_leaf_has_a_zero_maximum_and_is_valid()
    {
        var framework = Minimal(Field("1", Leaf("1.1", 1m, null), Leaf("1.2", 0m, new BonusPenaltyRule(-2m, 0m))));
        Assert.Empty(FrameworkValidator.Validate(framework));
    }

    [Fact]
    public void Problems_print_as_code_and_message() =>
        Assert.Equal("1.2: Thiếu", new FrameworkProblem("1.2", "Thiếu").ToString());

    private static void AssertLeafProblem(ScoringRule rule, string expected) =>
        AssertSingle(Minimal(Field("1", Leaf("1.1", 1m, rule))), "1.1", expected);

    private static void AssertSingle(Framework framework, string code, string expected)
    {
        var problems = FrameworkValidator.Validate(framework);
        var problem = Assert.Single(problems);
        Assert.Equal(code, problem.Code);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    /// <summary>An inner node whose maximum is the sum of its children's.</summary>
    private static FrameworkNode Field(string code, params FrameworkNode[] children) =>
        new() { Code = code, Title = $"Nút {code}", Max = children.Sum(c => c.Max), Children = children };

    private static Framework With(Framework f, string? id = null, string? version = null, string? title = null, string? unitKind = null, int? year = null) => new()
    {
        Id = id ?? f.Id,
        Version = version ?? f.Version,
        Year = year ?? f.Year,
        Title = title ?? f.Title,
        UnitKind = unitKind ?? f.UnitKind,
        LegalBasis = f.LegalBasis,
        Nodes = f.Nodes,
    };
}
