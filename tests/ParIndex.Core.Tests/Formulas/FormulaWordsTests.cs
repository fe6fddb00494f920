using ParIndex.Core.Formulas;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Tests.Formulas;

public class FormulaWordsTests
{
    private static string Words(string formula, params (string Name, string Label, decimal Value)[] inputs) =>
        FormulaWords.Describe(FormulaParser.Parse(formula), inputs.ToDictionary(i => i.Name, i => new FormulaWordsInput(i.Label, i.Value)));

    [Fact]
    public void The_seed_reduction_formula_reads_with_labels_values_and_words()
    {
        var text = Words("max * min(1, ((base - now) / base * 100) / 20)",
            ("max", "Điểm chuẩn", 1m), ("base", "Số đơn vị năm 2015", 1055m), ("now", "Số đơn vị hiện nay", 857m));
        Assert.Equal("Điểm chuẩn (1) × nhỏ nhất của (1; (Số đơn vị năm 2015 (1.055) − Số đơn vị hiện nay (857)) ÷ Số đơn vị năm 2015 (1.055) × 100 ÷ 20)", text);
    }

    [Theory]
    [InlineData("a - (b - c)", "A (1) − (B (2) − C (3))")]
    [InlineData("(a - b) - c", "A (1) − B (2) − C (3)")]
    [InlineData("a / (b * c)", "A (1) ÷ (B (2) × C (3))")]
    [InlineData("-(a + b)", "−(A (1) + B (2))")]
    [InlineData("if(a >= 0.5, b, c)", "nếu (A (1) ≥ 0,5) thì (B (2)), ngược lại (C (3))")]
    [InlineData("round(a / 3, 2) + abs(b)", "làm tròn (A (1) ÷ 3) đến 2 chữ số thập phân + giá trị tuyệt đối của (B (2))")]
    [InlineData("max(a, b, c)", "lớn nhất của (A (1); B (2); C (3))")]
    public void Parentheses_appear_only_where_the_order_needs_them(string formula, string expected) =>
        Assert.Equal(expected, Words(formula, ("a", "A", 1m), ("b", "B", 2m), ("c", "C", 3m)));

    [Fact]
    public void A_variable_without_a_label_keeps_its_name() =>
        Assert.Equal("x × 2", Words("x * 2"));

    [Fact]
    public void The_expression_memo_names_the_inputs_instead_of_the_variables()
    {
        var leaf = new FrameworkNode
        {
            Code = "4.1.3",
            Title = "Giảm đơn vị sự nghiệp",
            Max = 1m,
            Rule = new ExpressionRule([new FormulaInput("base", "Năm cơ sở"), new FormulaInput("now", "Năm đánh giá")], "max * min(1, ((base - now) / base * 100) / 20)"),
        };
        var outcome = LeafScorer.Score(leaf, new LeafEntryInput(Figures: new Dictionary<string, decimal> { ["base"] = 1055m, ["now"] = 857m }));
        Assert.Equal(0.9384m, outcome.Points);
        var memo = outcome.Memo!.Text;
        Assert.Contains("Điểm chuẩn (1) × nhỏ nhất của (1; (Năm cơ sở (1.055) − Năm đánh giá (857))", memo, StringComparison.Ordinal);
        Assert.DoesNotContain("base", memo, StringComparison.Ordinal);
        Assert.Contains("= 0,9384 điểm", memo, StringComparison.Ordinal);
    }
}
