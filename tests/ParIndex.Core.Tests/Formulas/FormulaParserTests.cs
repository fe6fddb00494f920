using ParIndex.Core.Formulas;

namespace ParIndex.Core.Tests.Formulas;

public class FormulaParserTests
{
    private static decimal Eval(string formula, params (string Name, decimal Value)[] values) =>
        FormulaParser.Parse(formula).Evaluate(values.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void Seed_4_1_3_reduction_of_public_service_units()
    {
        // K = (1055 − 857)/1055 × 100 = 18,77 → 1 × min(1, K/20) = 0,9384 (after rounding to 4 decimals)
        var formula = FormulaParser.Parse("max * min(1, ((base - now) / base * 100) / 20)");
        var value = formula.Evaluate(new Dictionary<string, decimal> { ["max"] = 1m, ["base"] = 1055m, ["now"] = 857m });
        Assert.Equal(0.9384m, Math.Round(value, 4, MidpointRounding.AwayFromZero));
        Assert.Equal("base,max,now", string.Join(",", formula.Variables.Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("-2 - -3", "1")]
    [InlineData("10 / 4", "2.5")]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("round(2.34567, 2)", "2.35")]
    [InlineData("if(3 > 2, 10, 20)", "10")]
    [InlineData("if(3 <= 2, 10, 20)", "20")]
    [InlineData("max(1, 5, 3) - min(4, 2)", "3")]
    [InlineData("abs(-1.5) + floor(2.7) + ceiling(0.2)", "4.5")]
    [InlineData("2 × 3 − 1", "5")]
    public void Arithmetic_is_decimal_and_follows_precedence(string formula, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Eval(formula));

    [Fact]
    public void Division_by_zero_is_defined_as_zero_and_reported()
    {
        var result = FormulaParser.Parse("a / b").EvaluateDetailed(new Dictionary<string, decimal> { ["a"] = 5, ["b"] = 0 });
        Assert.Equal(0m, result.Value);
        Assert.True(result.DividedByZero);
    }

    [Theory]
    [InlineData("1 +", "kết thúc")]
    [InlineData("(1 + 2", "ngoặc")]
    [InlineData("1 + 2)", "ngoặc")]
    [InlineData("system(1)", "không được phép")]
    [InlineData("1 $ 2", "Ký tự")]
    [InlineData("min()", "tham số")]
    [InlineData("", "trống")]
    public void Bad_formulas_get_a_clear_message(string formula, string expected)
    {
        var ex = Assert.Throws<FormulaException>(() => FormulaParser.Parse(formula));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_variable_is_an_error_not_zero()
    {
        var ex = Assert.Throws<FormulaException>(() => Eval("a + b", ("a", 1)));
        Assert.Contains("'b'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hundred_thousand_terms_are_refused_before_parsing()
    {
        var huge = string.Join("+", Enumerable.Repeat("1", 100_000));
        Assert.Throws<FormulaException>(() => FormulaParser.Parse(huge));
        // Even with the length limit lifted, the token limit stops it.
        var ex = Assert.Throws<FormulaException>(() => FormulaParser.Parse(huge, new FormulaLimits(MaxLength: int.MaxValue)));
        Assert.Contains("quá dài", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_nested_parentheses_are_refused_before_parsing()
    {
        var deep = new string('(', 10_000) + "1" + new string(')', 10_000);
        Assert.Throws<FormulaException>(() => FormulaParser.Parse(deep));
        var ex = Assert.Throws<FormulaException>(() =>
            FormulaParser.Parse(deep, new FormulaLimits(MaxLength: int.MaxValue, MaxTokens: int.MaxValue)));
        Assert.Contains("lồng quá sâu", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_chains_of_signs_are_refused()
    {
        var signs = new string('-', 10_000) + "1";
        var ex = Assert.Throws<FormulaException>(() =>
            FormulaParser.Parse(signs, new FormulaLimits(MaxLength: int.MaxValue, MaxTokens: int.MaxValue)));
        Assert.Contains("liên tiếp", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overflow_is_an_error()
    {
        var ex = Assert.Throws<FormulaException>(() => Eval("a * a * a", ("a", 79228162514264337593543950335m)));
        Assert.Contains("giới hạn", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_allowed_formula_still_evaluates()
    {
        var sum = string.Join("+", Enumerable.Repeat("1", 190));
        Assert.Equal(190m, Eval(sum));
        var nested = new string('(', 24) + "2" + new string(')', 24);
        Assert.Equal(2m, Eval(nested));
    }
}
