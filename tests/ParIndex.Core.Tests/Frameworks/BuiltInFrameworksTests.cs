using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ParIndex.Core.Formulas;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Tests.Frameworks;

public partial class BuiltInFrameworksTests
{
    private static readonly Framework Province = BuiltInFrameworks.Province2023;

    [Fact]
    public void Province_2023_is_valid_with_the_official_totals()
    {
        Assert.Empty(FrameworkValidator.Validate(Province));
        Assert.Equal("par-index-province-2023", Province.Id);
        Assert.Equal("PAR INDEX cấp tỉnh 2023", Province.Title);
        Assert.Equal(2023, Province.Year);
        Assert.Equal("876/QĐ-BNV", Province.LegalBasis);
        Assert.Equal("province", Province.UnitKind);
        Assert.Equal(100m, Province.TotalMax);
        Assert.Equal(32m, Province.SurveyMax);
        Assert.Equal(68m, Province.Leaves().Where(l => !l.IsSurvey).Sum(l => l.Max));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], Province.Nodes.Select(n => n.Code));
        Assert.Equal([9.5m, 10m, 13m, 10.5m, 15m, 12m, 13.5m, 16.5m], Province.Nodes.Select(n => n.Max));
        Assert.Equal(133, Province.AllNodes().Count());
        Assert.Equal(101, Province.Leaves().Count());
    }

    [Fact]
    public void Every_row_of_the_seed_is_a_node_with_the_same_maximum()
    {
        var seedRows = SeedRows();
        Assert.Equal(seedRows.Select(r => r.Code), Province.AllNodes().Select(n => n.Code));
        foreach (var (code, max, _) in seedRows)
        {
            Assert.True(Province.Find(code)!.Max == max, $"{code}: {Province.Find(code)!.Max} ≠ {max}");
        }
    }

    [Fact]
    public void Survey_leaves_are_exactly_the_leaves_the_seed_marks_as_survey()
    {
        var seedSurvey = SeedRows().Where(r => r.IsSurvey).Select(r => r.Code).Where(c => Province.Find(c)!.IsLeaf);
        Assert.Equal(seedSurvey, Province.Leaves().Where(l => l.IsSurvey).Select(l => l.Code));
        Assert.Equal(
            ["2.4.1", "2.4.2", "2.4.3", "2.4.4", "4.1.4", "4.1.5", "4.1.6", "4.3.4", "5.2.3", "5.2.4", "5.3.2", "5.3.3", "5.5.2",
             "5.7.1", "5.7.2", "5.7.3", "5.7.4", "6.1.4", "6.2.4", "6.2.5", "6.3.5", "7.3.2",
             "8.1.1", "8.1.2", "8.1.3", "8.1.4", "8.1.5"],
            Province.Leaves().Where(l => l.IsSurvey).Select(l => l.Code));
    }

    [Theory]
    [InlineData("2.4", 4)]
    [InlineData("5.7", 4)]
    [InlineData("8.1", 5)]
    public void Survey_groups_are_inner_nodes_without_a_rule(string code, int children)
    {
        var node = Province.Find(code)!;
        Assert.Equal(children, node.Children.Count);
        Assert.Null(node.Rule);
        Assert.All(node.Children, c => Assert.IsType<SurveyRule>(c.Rule));
    }

    [Fact]
    public void Leaves_directly_under_fields_are_the_official_ones()
    {
        var leafCriteria = Province.Nodes.SelectMany(f => f.Children).Where(c => c.IsLeaf).Select(c => c.Code);
        Assert.Equal(["1.1", "1.2", "1.4", "1.5", "1.6", "1.7", "2.3", "3.1", "5.4", "5.6", "8.2", "8.4", "8.5"], leafCriteria);
    }

    [Theory]
    [InlineData("3.4.1")]
    [InlineData("3.4.2")]
    [InlineData("3.4.3")]
    [InlineData("6.1.3")]
    [InlineData("7.3.6")]
    [InlineData("8.5")]
    public void Ratio_leaves_have_a_target_of_one_and_meaningful_labels(string code)
    {
        var rule = Assert.IsType<RatioRule>(Province.Find(code)!.Rule);
        Assert.Equal(1m, rule.Target);
        Assert.NotEqual(new RatioRule().NumeratorLabel, rule.NumeratorLabel);
        Assert.NotEqual(new RatioRule().DenominatorLabel, rule.DenominatorLabel);
    }

    [Fact]
    public void Expression_of_4_1_3_reproduces_the_seed_score()
    {
        var node = Province.Find("4.1.3")!;
        var rule = Assert.IsType<ExpressionRule>(node.Rule);
        Assert.Equal(["base", "now"], rule.Inputs.Select(i => i.Name));
        var formula = FormulaParser.Parse(rule.Formula);
        // Seed: 1055 units in the base year, 857 in 2023 → K = 18,77% → 0,9384 of 1.
        var score = formula.Evaluate(new Dictionary<string, decimal> { ["base"] = 1055m, ["now"] = 857m, ["max"] = node.Max });
        Assert.Equal(0.9384m, Math.Round(score, 4));
        var capped = formula.Evaluate(new Dictionary<string, decimal> { ["base"] = 1000m, ["now"] = 700m, ["max"] = node.Max });
        Assert.Equal(1m, capped);
    }

    [Theory]
    [InlineData("4.1.3", "base", 1055, "now", 857, "0.9384")] // K = (1055 − 857)/1055 × 100 = 18,77
    [InlineData("6.1.3", "numerator", 2028585042557, "denominator", 2029996767557, "0.9993")] // đồng đã xử lý / đề nghị xử lý
    [InlineData("8.5", "numerator", 29, "denominator", 36, "1.6111")] // chỉ tiêu đạt / được giao
    [InlineData("7.3.6", "numerator", 9879, "denominator", 10000, "1.4819")] // 98,79% toàn trình
    public void Computed_leaves_reproduce_the_seed_scores(string code, string first, long a, string second, long b, string expected)
    {
        var figures = new Dictionary<string, decimal> { [first] = a, [second] = b };
        var outcome = LeafScorer.Score(Province.Find(code)!, new LeafEntryInput(Figures: figures));
        Assert.Null(outcome.Error);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), outcome.Points);
    }

    [Fact]
    public void Figures_have_the_kinds_staff_type()
    {
        // Hồ sơ and đơn vị are counted (14.000 is fourteen thousand); 6.1.3 is money in đồng.
        foreach (var code in new[] { "3.4.1", "3.4.2", "3.4.3", "7.3.6", "8.5" })
        {
            Assert.All(Province.Find(code)!.Rule!.Figures, f => Assert.Equal(FigureKind.Count, f.Kind));
        }

        Assert.All(Province.Find("6.1.3")!.Rule!.Figures, f => Assert.Equal(FigureKind.Amount, f.Kind));
        Assert.Equal(
            [("base", FigureKind.Count), ("now", FigureKind.Count)],
            Province.Find("4.1.3")!.Rule!.Figures.Select(f => (f.Name, f.Kind)));
    }

    [Fact]
    public void Every_other_leaf_is_manual()
    {
        var special = new HashSet<string> { "3.4.1", "3.4.2", "3.4.3", "6.1.3", "7.3.6", "8.5", "4.1.3" };
        foreach (var leaf in Province.Leaves().Where(l => !l.IsSurvey && !special.Contains(l.Code)))
        {
            Assert.True(leaf.Rule is ManualRule, $"{leaf.Code} is {leaf.Rule?.Method}");
        }

        Assert.All(Province.AllNodes().Where(n => !n.IsLeaf), n => Assert.Null(n.Rule));
    }

    [Theory]
    [InlineData("1.5", "Sáng kiến hoặc giải pháp mới trong cải cách hành chính")]
    [InlineData("4.1.5", "Tính hợp lý trong phân định chức năng, nhiệm vụ giữa các cơ quan, đơn vị tại địa phương")]
    [InlineData("4.3.4", "Tính hợp lý trong việc phân cấp, phân quyền thực hiện nhiệm vụ quản lý nhà nước giữa tỉnh và huyện")]
    [InlineData("5.5.2", "Chất lượng đào tạo, bồi dưỡng cán bộ, công chức, viên chức")]
    [InlineData("7.3", "Phát triển ứng dụng, dịch vụ phục vụ người dân, tổ chức")]
    [InlineData("7", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ")]
    public void Titles_split_by_page_breaks_are_joined(string code, string title) =>
        Assert.Equal(title, Province.Find(code)!.Title);

    [Fact]
    public void Titles_are_clean()
    {
        Assert.All(Province.AllNodes(), n =>
        {
            Assert.Equal(n.Title.Trim(), n.Title);
            Assert.DoesNotContain("  ", n.Title, StringComparison.Ordinal);
            Assert.DoesNotContain("<", n.Title, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Embedded_file_is_in_canonical_form()
    {
        using var stream = BuiltInFrameworks.OpenFile(BuiltInFrameworks.Province2023Id)!;
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        Assert.Equal(FrameworkFile.ToJson(Province), reader.ReadToEnd());
    }

    [Fact]
    public void All_lists_the_built_ins_and_unknown_ids_are_refused()
    {
        Assert.Contains(BuiltInFrameworks.All, f => f.Id == BuiltInFrameworks.Province2023Id);
        Assert.All(BuiltInFrameworks.All, f => Assert.Empty(FrameworkValidator.Validate(f)));
        Assert.Null(BuiltInFrameworks.Find("khong-co"));
        Assert.Null(BuiltInFrameworks.OpenFile("khong-co"));
        Assert.Throws<KeyNotFoundException>(() => BuiltInFrameworks.Get("khong-co"));
    }

    /// <summary>Code, maximum and survey mark of every row of the seed table.</summary>
    private static List<(string Code, decimal Max, bool IsSurvey)> SeedRows()
    {
        var rows = new List<(string, decimal, bool)>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2023-self-assessment.txt")))
        {
            var cells = line.Split('\t');
            if (cells.Length < 4)
            {
                continue;
            }

            var code = Tags().Replace(cells[0], "").Trim();
            if (!CodeRow().IsMatch(code))
            {
                continue;
            }

            var max = decimal.Parse(Tags().Replace(cells[2], "").Trim().Replace(',', '.'), CultureInfo.InvariantCulture);
            rows.Add((code, max, cells.Length > 4 && cells[4].Contains("Đánh giá qua điều tra xã hội học", StringComparison.Ordinal)));
        }

        return rows;
    }

    [GeneratedRegex("</?b>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"^\d+(\.\d+)*$")]
    private static partial Regex CodeRow();
}
