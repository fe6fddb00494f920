using System.Text.Json;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;
using ParIndex.Web.Assessments;
using ParIndex.Web.Problems;

namespace ParIndex.Web.Tests.Assessments;

/// <summary>The leaf save read where the rule is known (ADR 0007); no database needed.</summary>
public class LeafInputReaderTests
{
    private static readonly FrameworkNode DecimalLeaf = new()
    {
        Code = "9.1",
        Title = "Tiêu chí có số thập phân",
        Max = 1m,
        Rule = new ExpressionRule([new("rate", "Tỷ lệ bình quân"), new("count", "Số đơn vị", FigureKind.Count)], "max * rate / count"),
    };

    private static LeafSaveRequest Request(string json) => JsonSerializer.Deserialize<LeafSaveRequest>(json, JsonSerializerOptions.Web)!;

    [Fact]
    public void An_ambiguous_decimal_is_refused_with_both_readings_and_never_rescaled()
    {
        var ex = Assert.Throws<DomainException>(() => LeafInputReader.Read(DecimalLeaf, Request("""{"figures": {"rate": "14.000", "count": "14.000"}}""")));
        Assert.Equal(400, ex.Status);
        var error = Assert.Single(ex.Errors);
        Assert.Equal("figures.rate", error.Field);
        Assert.Equal(
            "Tỷ lệ bình quân: \"14.000\" không rõ nghĩa: có thể là 14 (dấu \".\" là dấu thập phân) hoặc 14000 (dấu \".\" tách hàng nghìn). Hãy viết 14000 nếu là số nguyên, hoặc 14,0 nếu là số thập phân.",
            error.Message);
        Assert.StartsWith("Tỷ lệ bình quân: \"14.000\" is ambiguous", error.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_figure_is_read_by_its_own_kind()
    {
        var values = LeafInputReader.Read(DecimalLeaf, Request("""{"score": "1.5", "figures": {"rate": "14,0", "count": "14.000"}}"""));
        Assert.Equal(14m, values.Figures!["rate"]);
        Assert.Equal(14000m, values.Figures["count"]);
        Assert.Equal(1.5m, values.Score);
    }

    [Theory]
    [InlineData("""{"figures": {"count": 1.5}}""", "figures.count")]
    [InlineData("""{"figures": {"count": -1}}""", "figures.count")]
    [InlineData("""{"figures": {"count": "1,5"}}""", "figures.count")]
    [InlineData("""{"figures": {"count": true}}""", "figures.count")]
    [InlineData("""{"figures": {"rate": "1,234"}}""", "figures.rate")]
    [InlineData("""{"figures": {"max": "1"}}""", "figures.max")]
    [InlineData("""{"score": "1,5,5"}""", "score")]
    [InlineData("""{"score": []}""", "score")]
    [InlineData("""{"level": "cao"}""", "level")]
    public void A_wrong_value_names_its_field(string json, string field)
    {
        var ex = Assert.Throws<DomainException>(() => LeafInputReader.Read(DecimalLeaf, Request(json)));
        Assert.Equal([field], ex.Errors.Select(e => e.Field));
        Assert.All(ex.Errors, e => Assert.NotEqual(e.Message, e.English));
    }

    [Theory]
    [InlineData("""{"figures": {"count": 14000, "rate": 0.5}}""")]
    [InlineData("""{"figures": {"count": 14000.0}}""")]
    [InlineData("""{"figures": {"rate": -0.5, "count": null}}""")]
    [InlineData("""{"figures": {"count": "", "rate": "  "}, "score": "", "level": " "}""")]
    [InlineData("""{"score": null, "figures": null}""")]
    [InlineData("""{}""")]
    public void Numbers_nulls_and_empty_texts_are_accepted(string json) =>
        LeafInputReader.Read(DecimalLeaf, Request(json));

    [Theory]
    [InlineData("$.figures.numerator", "figures.numerator")]
    [InlineData("$.score", "score")]
    [InlineData("$['a b']", "a b")]
    [InlineData("$.figures['x.y']", "figures.x.y")]
    [InlineData("$", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Json_paths_become_field_names(string? path, string? field) =>
        Assert.Equal(field, ProblemDetailsExceptionHandler.FieldOf(path));
}
