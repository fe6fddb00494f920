using System.Text;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;

namespace ParIndex.Core.Tests.Frameworks;

public class FrameworkFileTests
{
    private static readonly string[] KindProperties = ["\"numeratorKind\"", "\"denominatorKind\"", "\"inputKind\"", "\"kind\""];
    private static readonly string[] RootOrder = ["format", "id", "version", "year", "title", "unitKind", "legalBasis", "nodes"];

    [Fact]
    public void Built_in_round_trips_to_identical_bytes()
    {
        var first = Write(BuiltInFrameworks.Province2023);
        var second = Write(FrameworkFile.Read(new MemoryStream(first)));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Every_rule_kind_round_trips_exactly()
    {
        var framework = SampleFrameworks.EveryRule();
        var json = FrameworkFile.ToJson(framework);
        var read = FrameworkFile.Read(json);
        Assert.Equal(json, FrameworkFile.ToJson(read));

        Assert.Null(read.LegalBasis);
        Assert.Equal("district", read.UnitKind);
        var leaves = read.Leaves().ToDictionary(l => l.Code);
        Assert.Equal(framework.Leaves().Select(l => l.Rule), read.Leaves().Select(l => l.Rule), new RuleComparer());
        Assert.Equal("Kèm văn bản ban hành kế hoạch.", leaves["1.1"].Guidance);
        var bands = Assert.IsType<BandsRule>(leaves["1.2"].Rule);
        Assert.Equal(new ScoreBand(90m, null, 2m, false, "trên 90%", FromExclusive: true), bands.Bands[0]);
        Assert.Equal(new ScoreBand(70m, 90m, 1m, true), bands.Bands[1]);
        Assert.Equal(new ScoreBand(null, 70m, 0m), bands.Bands[2]);
        Assert.Null(leaves["2.2"].Rule);
        Assert.Contains("\"from\": 90,\n                \"fromExclusive\": true,\n                \"points\": 2,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimals_are_written_without_noise()
    {
        var framework = SampleFrameworks.Minimal(new FrameworkNode
        {
            Code = "1",
            Title = "A",
            Max = 1.50m,
            Children = [
            new FrameworkNode { Code = "1.1", Title = "B", Max = 0.750m },
            new FrameworkNode { Code = "1.2", Title = "C", Max = 0.75m, Rule = new RatioRule(1.00m) },
        ]
        });
        var json = FrameworkFile.ToJson(framework);
        Assert.Contains("\"max\": 1.5,", json, StringComparison.Ordinal);
        Assert.Contains("\"max\": 0.75\n", json, StringComparison.Ordinal);
        Assert.Contains("\"target\": 1,", json, StringComparison.Ordinal);
        Assert.DoesNotContain("0.750", json, StringComparison.Ordinal);
    }

    [Fact]
    public void File_is_readable_Vietnamese_with_two_space_indent_and_stable_order()
    {
        var json = FrameworkFile.ToJson(BuiltInFrameworks.Province2023);
        Assert.StartsWith("{\n  \"format\": \"parindex-framework/1\",\n  \"id\": \"par-index-province-2023\",\n  \"version\": ", json, StringComparison.Ordinal);
        Assert.Contains("\"title\": \"CẢI CÁCH THỂ CHẾ\"", json, StringComparison.Ordinal);
        Assert.Contains("\"legalBasis\": \"876/QĐ-BNV\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        var order = RootOrder.Select(p => json.IndexOf($"\"{p}\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(order.Order(), order);
        // The rule object appears on leaves only, and its method comes first.
        Assert.Contains("\"code\": \"3.4.1\",\n              \"title\": \"Tỷ lệ hồ sơ TTHC do CQCM cấp tỉnh tiếp nhận trong năm được giải quyết đúng hạn\",\n              \"max\": 1.5,\n              \"rule\": {\n                \"method\": \"ratio\",\n                \"target\": 1,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Write(SampleFrameworks.Valid())).ToArray();
        Assert.Equal("test", FrameworkFile.Read(new MemoryStream(bytes)).Id);
    }

    [Fact]
    public void Broken_json_reports_line_and_column()
    {
        const string Json = "{\n  \"format\": \"parindex-framework/1\",\n  \"id\": \"x\"\n  \"version\": \"1\"\n}";
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read(Json));
        Assert.Equal(4, ex.Line);
        Assert.Equal(3, ex.Column);
        Assert.StartsWith("Dòng 4, cột 3: JSON không hợp lệ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_counts_characters_not_bytes()
    {
        // "Cải cách" takes more bytes than characters; the error is the missing comma after it.
        const string Json = "{\"title\": \"Cải cách\" \"id\": 1}";
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read(Json));
        Assert.Equal(1, ex.Line);
        Assert.Equal(Json.IndexOf("\"id\"", StringComparison.Ordinal) + 1, ex.Column);
    }

    [Fact]
    public void Truncated_file_is_reported()
    {
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read("{\n  \"format\": \"parindex-framework/1\",\n  \"nodes\": ["));
        Assert.Equal(3, ex.Line);
        Assert.Contains("kết thúc giữa chừng", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_reported()
    {
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read("  \n"));
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Missing_maximum_names_the_node_and_its_line()
    {
        var json = FrameworkFile.ToJson(SampleFrameworks.Valid()).Replace("\"max\": 0.5,\n", "", StringComparison.Ordinal);
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read(json));
        Assert.Contains("thiếu thuộc tính \"max\" của nút 1.1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(json, "\"code\": \"1.1\"") - 1, ex.Line);
    }

    [Fact]
    public void Maximum_written_as_text_is_refused_where_it_stands()
    {
        var json = FrameworkFile.ToJson(SampleFrameworks.Valid()).Replace("\"max\": 0.5,", "\"max\": \"0,5\",", StringComparison.Ordinal);
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read(json));
        Assert.Equal(LineOf(json, "\"max\": \"0,5\""), ex.Line);
        Assert.Contains("phải là số", ex.Message, StringComparison.Ordinal);
        Assert.Equal(json.Split('\n')[ex.Line - 1].IndexOf("\"0,5\"", StringComparison.Ordinal) + 1, ex.Column);
    }

    [Fact]
    public void Unknown_property_is_refused()
    {
        var json = FrameworkFile.ToJson(SampleFrameworks.Valid()).Replace("\"max\": 0.5,", "\"maxx\": 0.5,", StringComparison.Ordinal);
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read(json));
        Assert.Equal(LineOf(json, "\"maxx\""), ex.Line);
        Assert.Contains("\"maxx\" không được hỗ trợ ở nút 1.1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Figure_kinds_round_trip_and_defaults_are_left_out()
    {
        var framework = SampleFrameworks.Minimal(new FrameworkNode
        {
            Code = "1",
            Title = "A",
            Max = 3m,
            Children = [
                SampleFrameworks.Leaf("1.1", 1m, new RatioRule(1m, "Đã xử lý (đồng)", "Đề nghị (đồng)", FigureKind.Amount, FigureKind.Amount)),
                SampleFrameworks.Leaf("1.2", 1m, new BandsRule([new(null, null, 1m)], "Điểm trung bình", FigureKind.Decimal)),
                SampleFrameworks.Leaf("1.3", 1m, new ExpressionRule([new("base", "Năm cơ sở", FigureKind.Count), new("rate", "Tỷ lệ")], "max * rate / base")),
            ],
        });
        var json = FrameworkFile.ToJson(framework);
        Assert.Contains("\"denominatorLabel\": \"Đề nghị (đồng)\",\n            \"numeratorKind\": \"amount\",\n            \"denominatorKind\": \"amount\"\n", json, StringComparison.Ordinal);
        Assert.Contains("\"inputLabel\": \"Điểm trung bình\",\n            \"inputKind\": \"decimal\",", json, StringComparison.Ordinal);
        Assert.Contains("\"label\": \"Năm cơ sở\",\n                \"kind\": \"count\"\n", json, StringComparison.Ordinal);
        Assert.Contains("\"label\": \"Tỷ lệ\"\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"decimal\"\n", json.Replace("\"inputKind\": \"decimal\"", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var read = FrameworkFile.Read(json);
        Assert.Equal(json, FrameworkFile.ToJson(read));
        var ratio = Assert.IsType<RatioRule>(read.Find("1.1")!.Rule);
        Assert.Equal((FigureKind.Amount, FigureKind.Amount), (ratio.NumeratorKind, ratio.DenominatorKind));
        Assert.Equal(FigureKind.Decimal, Assert.IsType<BandsRule>(read.Find("1.2")!.Rule).InputKind);
        var expression = Assert.IsType<ExpressionRule>(read.Find("1.3")!.Rule);
        Assert.Equal([FigureKind.Count, FigureKind.Decimal], expression.Inputs.Select(i => i.Kind));
    }

    [Fact]
    public void Files_without_kinds_get_the_documented_defaults()
    {
        var json = FrameworkFile.ToJson(SampleFrameworks.EveryRule());
        Assert.All(KindProperties, name => Assert.DoesNotContain(name, json, StringComparison.Ordinal));
        var read = FrameworkFile.Read(json);
        var ratio = Assert.IsType<RatioRule>(read.Find("1.3")!.Rule);
        Assert.Equal((FigureKind.Count, FigureKind.Count), (ratio.NumeratorKind, ratio.DenominatorKind));
        Assert.Equal(FigureKind.Percent, Assert.IsType<BandsRule>(read.Find("1.2")!.Rule).InputKind);
        Assert.All(Assert.IsType<ExpressionRule>(read.Find("1.4")!.Rule).Inputs, i => Assert.Equal(FigureKind.Decimal, i.Kind));
        Assert.Equal(
            [("numerator", FigureKind.Count), ("denominator", FigureKind.Count)],
            ratio.Figures.Select(f => (f.Name, f.Kind)));
    }

    [Theory]
    [InlineData("\"denominatorLabel\": \"Tổng số hồ sơ\"", "\"denominatorLabel\": \"Tổng số hồ sơ\", \"numeratorKind\": \"integer\"", "\"integer\"")]
    [InlineData("\"label\": \"Năm cơ sở\"", "\"label\": \"Năm cơ sở\", \"kind\": \"Count\"", "\"Count\"")]
    [InlineData("\"inputLabel\": \"Tỷ lệ hoàn thành (%)\"", "\"inputLabel\": \"Tỷ lệ hoàn thành (%)\", \"inputKind\": 1", "\"inputKind\": 1")]
    public void Unknown_figure_kind_is_refused_where_it_stands(string find, string replace, string at)
    {
        var json = FrameworkFile.ToJson(SampleFrameworks.EveryRule()).Replace(find, replace, StringComparison.Ordinal);
        Assert.Contains(at, json, StringComparison.Ordinal);
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read(json));
        Assert.Equal(LineOf(json, at), ex.Line);
        Assert.Contains("kind", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Unknown_method_is_refused()
    {
        var json = FrameworkFile.ToJson(SampleFrameworks.Valid()).Replace("\"method\": \"manual\"", "\"method\": \"magic\"", StringComparison.Ordinal);
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read(json));
        Assert.Equal(LineOf(json, "\"magic\""), ex.Line);
        Assert.Contains("\"magic\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_property_is_refused()
    {
        var json = FrameworkFile.ToJson(SampleFrameworks.Valid()).Replace("\"max\": 0.5,", "\"max\": 0.5,\n\"max\": 1,", StringComparison.Ordinal);
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read(json));
        Assert.Equal(LineOf(json, "\"max\": 1,"), ex.Line);
        Assert.Contains("lặp lại", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_format_is_refused()
    {
        var json = FrameworkFile.ToJson(SampleFrameworks.Valid()).Replace("parindex-framework/1", "parindex-framework/9", StringComparison.Ordinal);
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read(json));
        Assert.Equal(2, ex.Line);
        Assert.Contains("parindex-framework/9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Year_must_be_an_integer()
    {
        var json = FrameworkFile.ToJson(SampleFrameworks.Valid()).Replace("\"year\": 2023", "\"year\": 2023.5", StringComparison.Ordinal);
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read(json));
        Assert.Equal(LineOf(json, "\"year\""), ex.Line);
    }

    [Fact]
    public void Deep_nesting_is_refused_with_a_clear_message()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read(json));
        Assert.Equal(1, ex.Line);
        Assert.Equal(PositionedJsonMaxDepth + 1, ex.Column);
        Assert.Contains("lồng nhau quá sâu", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_file_is_refused_before_parsing()
    {
        var ex = Assert.Throws<FrameworkFormatException>(() => FrameworkFile.Read(new MemoryStream(new byte[FrameworkFile.MaxBytes + 1])));
        Assert.Contains("quá lớn", ex.Message, StringComparison.Ordinal);
    }

    private const int PositionedJsonMaxDepth = 48;

    private static byte[] Write(Framework framework)
    {
        using var stream = new MemoryStream();
        FrameworkFile.Write(framework, stream);
        return stream.ToArray();
    }

    private static int LineOf(string json, string text) =>
        json[..json.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    /// <summary>Records holding lists compare by reference; compare them through the file instead.</summary>
    private sealed class RuleComparer : IEqualityComparer<ScoringRule?>
    {
        public bool Equals(ScoringRule? x, ScoringRule? y) => Json(x) == Json(y);

        public int GetHashCode(ScoringRule? obj) => Json(obj).GetHashCode(StringComparison.Ordinal);

        private static string Json(ScoringRule? rule) => FrameworkFile.ToJson(SampleFrameworks.Minimal(
            new FrameworkNode { Code = "1", Title = "x", Max = 1, Rule = rule }));
    }
}
