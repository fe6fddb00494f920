using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParIndex.Cli.Tests.CheckTable;

/// <summary><c>parindex check-table</c> run in-process on the seed and on broken copies of it.</summary>
public sealed class CheckTableCommandTests : IDisposable
{
    private static readonly string SeedPath = Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2023-self-assessment.txt");
    private readonly string dir = Directory.CreateTempSubdirectory("parindex-check-table-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string WriteSeedWith(string name, Func<List<string>, List<string>> change)
    {
        var lines = File.ReadAllText(SeedPath, Encoding.UTF8).Split('\n').ToList();
        return Write(name, Encoding.UTF8.GetBytes(string.Join("\n", change(lines))));
    }

    private static decimal[] Numbers(IEnumerable<JsonElement> nodes, string property) =>
        nodes.Select(n => n.GetProperty(property).GetDecimal()).ToArray();

    [Fact]
    public void A_zip_bomb_posing_as_an_xlsx_table_exits_2_with_the_message()
    {
        var path = Write("bom.xlsx", ParIndex.Tests.Shared.ZipBombs.XlsxWithHugeSheet(1L << 30));
        var (code, output, error) = Run("check-table", path);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("Tệp nén giải nén ra hơn 32 MB", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_of_the_seed_is_one_object_with_the_table_and_exit_0()
    {
        var (code, output, error) = Run("check-table", SeedPath, "--json");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["title", "nodes", "total", "mismatches"], root.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("BIỂU TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH TỈNH BẮC GIANG NĂM 2023", root.GetProperty("title").GetString(), StringComparison.Ordinal);

        var nodes = root.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(133, nodes.Count);
        Assert.Equal(["code", "title", "level", "max", "stated", "computed", "survey", "explanation"], nodes[0].EnumerateObject().Select(p => p.Name));
        var fields = nodes.Where(n => n.GetProperty("level").GetInt32() == 1).ToList();
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], fields.Select(n => n.GetProperty("code").GetString()));
        Assert.Equal([9.5m, 6m, 12.9829m, 6.4384m, 5m, 7.7493m, 11.9673m, 5.6111m], Numbers(fields, "stated"));
        Assert.Equal([9.5m, 6m, 12.9829m, 6.4384m, 5m, 7.7493m, 11.9673m, 5.6111m], Numbers(fields, "computed"));
        Assert.Equal([9.5m, 10m, 13m, 10.5m, 15m, 12m, 13.5m, 16.5m], Numbers(fields, "max"));
        Assert.All(nodes, n => Assert.Equal(JsonValueKind.Number, n.GetProperty("max").ValueKind));

        var total = root.GetProperty("total");
        Assert.Equal(100m, total.GetProperty("max").GetDecimal());
        Assert.Equal(65.249m, total.GetProperty("stated").GetDecimal());
        Assert.Equal(65.249m, total.GetProperty("computed").GetDecimal());
        Assert.Empty(root.GetProperty("mismatches").EnumerateArray());

        JsonElement Node(string c) => nodes.Single(n => n.GetProperty("code").GetString() == c);
        Assert.Equal("Sáng kiến hoặc giải pháp mới trong cải cách hành chính", Node("1.5").GetProperty("title").GetString());
        Assert.Equal(8, Node("1.5").GetProperty("explanation").GetString()!.Split('\n').Length);
        Assert.Contains("K = (1055 - 857)/1055 · 100 = 18,77", Node("4.1.3").GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, Node("4.3.4").GetProperty("level").GetInt32());
        Assert.True(Node("4.3.4").GetProperty("survey").GetBoolean());
        Assert.Equal(32m, nodes.Where(n => n.GetProperty("survey").GetBoolean()
                && !nodes.Any(c => c.GetProperty("code").GetString()!.StartsWith(n.GetProperty("code").GetString() + ".", StringComparison.Ordinal)))
            .Sum(n => n.GetProperty("max").GetDecimal()));

        // Vietnamese stays readable in the file, not \u escapes.
        Assert.Contains("\"CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_summary_of_the_seed_and_exit_0()
    {
        var (code, output, error) = Run("check-table", SeedPath);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var lines = output.Split('\n');
        var field3 = Assert.Single(lines, l => l.StartsWith("3 ", StringComparison.Ordinal));
        Assert.Contains("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", field3, StringComparison.Ordinal);
        Assert.Contains("12,9829", field3, StringComparison.Ordinal);
        Assert.Contains("99,87%", field3, StringComparison.Ordinal);
        Assert.Contains("Tổng điểm (cộng từ các tiêu chí): 65,249 / 100 — Chỉ số: 65,25%", output, StringComparison.Ordinal);
        Assert.Contains("Không có sai lệch", output, StringComparison.Ordinal);
        Assert.Contains("27 tiêu chí đánh giá qua điều tra xã hội học (tối đa 32 điểm)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_exported_by_the_app_checks_like_the_seed()
    {
        var pdf = Path.Combine(dir, "seed.pdf");
        Assert.Equal(0, Run("export-table", SeedPath, "--format", "pdf", "-o", pdf).Code);

        var (code, output, error) = Run("check-table", pdf, "--json");
        var (_, seedOutput, _) = Run("check-table", SeedPath, "--json");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        using var seed = JsonDocument.Parse(seedOutput);
        var nodes = json.RootElement.GetProperty("nodes").EnumerateArray().ToList();
        var seedNodes = seed.RootElement.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(133, nodes.Count);
        Assert.Equal(seedNodes.Select(n => n.GetProperty("code").GetString()), nodes.Select(n => n.GetProperty("code").GetString()));
        Assert.Equal(Numbers(seedNodes, "max"), Numbers(nodes, "max"));
        Assert.Equal(Numbers(seedNodes, "computed"), Numbers(nodes, "computed"));
        Assert.Equal(seed.RootElement.GetProperty("total").ToString(), json.RootElement.GetProperty("total").ToString());
    }

    [Fact]
    public void A_score_above_its_maximum_and_a_negative_score_exit_1_with_their_lines()
    {
        var path = WriteSeedWith("out-of-range.txt", lines =>
        {
            Assert.StartsWith("<b>1</b>\t", lines[8], StringComparison.Ordinal);
            Assert.StartsWith("1.1\t", lines[9], StringComparison.Ordinal);
            Assert.StartsWith("1.2\t", lines[10], StringComparison.Ordinal);
            // The field states 10 of 9,5 (its index would read 105,26 %), 1.1 states 2 of 1,5, 1.2 states −0,5;
            // the sums still add up, so only the range check can see it.
            lines[8] = lines[8].Replace("<b>9,5</b>\t<b>9,5</b>", "<b>9,5</b>\t<b>10</b>", StringComparison.Ordinal);
            lines[9] = lines[9].Replace("<b>1,5</b>\t<b>1,5</b>", "<b>1,5</b>\t<b>2,5</b>", StringComparison.Ordinal);
            lines[10] = lines[10].Replace("<b>0,5</b>\t<b>0,5</b>", "<b>0,5</b>\t<b>-0,5</b>", StringComparison.Ordinal);
            return lines;
        });

        var (code, output, _) = Run("check-table", path, "--json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var mismatches = json.RootElement.GetProperty("mismatches").EnumerateArray()
            .Select(m => (m.GetProperty("code").GetString(), m.GetProperty("what").GetString(), m.GetProperty("stated").GetDecimal(), m.GetProperty("computed").GetDecimal(), m.GetProperty("line").GetInt32()))
            .ToList();
        Assert.Contains(("1", "above-max", 10m, 9.5m, 9), mismatches);
        Assert.Contains(("1.1", "above-max", 2.5m, 1.5m, 10), mismatches);
        Assert.Contains(("1.2", "negative", -0.5m, 0m, 11), mismatches);

        var (_, text, _) = Run("check-table", path);
        Assert.Contains("1.1 (dòng 10): điểm tự đánh giá 2,5 lớn hơn điểm chuẩn 1,5", text, StringComparison.Ordinal);
        Assert.Contains("1.2 (dòng 11): điểm tự đánh giá -0,5 là số âm", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_field_subtotal_is_shown_as_the_computed_sum_and_said_so_so_the_fields_add_up()
    {
        var path = WriteSeedWith("wrong-field.txt", lines =>
        {
            lines[8] = lines[8].Replace("<b>9,5</b>\t<b>9,5</b>", "<b>9,5</b>\t<b>9</b>", StringComparison.Ordinal);
            return lines;
        });

        var (code, text, _) = Run("check-table", path);

        Assert.Equal(1, code);
        var field1 = Assert.Single(text.Split('\n'), l => l.StartsWith("1 ", StringComparison.Ordinal));
        Assert.Contains("9,5 (cộng)", field1, StringComparison.Ordinal);
        Assert.Contains("(biểu ghi điểm 9)", field1, StringComparison.Ordinal);
        Assert.Contains("(cộng) = tổng các tiêu chí của lĩnh vực", text, StringComparison.Ordinal);
        Assert.Contains("Tổng điểm (cộng từ các tiêu chí): 65,249 / 100", text, StringComparison.Ordinal);
        // The printed field points add up to the printed total.
        var points = text.Split('\n').Where(l => Regex.IsMatch(l, @"^[1-8] {5}"))
            .Select(l => decimal.Parse(Regex.Match(l[62..], @"-?\d+(,\d+)?").Value.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(65.249m, points.Sum());
    }

    [Fact]
    public void Json_errors_list_every_problem_with_its_line_and_column()
    {
        var path = WriteSeedWith("two-problems.txt", lines =>
        {
            lines[9] = lines[9].Replace("<b>1,5</b>\t<b>1,5</b>", "<b>1,5</b>\t<b>một</b>", StringComparison.Ordinal);
            lines.Insert(30, "2.2.1\tThực hiện công bố danh mục văn bản\t0,5\t0,5\tLặp lại");
            return lines;
        });

        var (code, output, error) = Run("check-table", path, "--json");

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output);
        var problem = json.RootElement.GetProperty("error");
        Assert.Equal(10, problem.GetProperty("line").GetInt32());
        Assert.Equal("Điểm tự đánh giá", problem.GetProperty("column").GetString());
        var problems = problem.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("column").GetString())).ToList();
        Assert.Equal([(10, "Điểm tự đánh giá"), (31, "STT")], problems);
        Assert.Contains("Dòng 31, cột STT: mã 2.2.1 bị trùng", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_leaf_score_exits_1_naming_its_criterion_field_and_total()
    {
        var path = WriteSeedWith("changed.txt", lines =>
        {
            Assert.StartsWith("1.3.1\t", lines[12], StringComparison.Ordinal);
            lines[12] = lines[12].Replace("<b>1</b>\t<b>1</b>", "<b>1</b>\t<b>0,75</b>", StringComparison.Ordinal);
            return lines;
        });

        var (code, output, _) = Run("check-table", path, "--json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var mismatches = json.RootElement.GetProperty("mismatches").EnumerateArray()
            .Select(m => (m.GetProperty("code").GetString(), m.GetProperty("what").GetString(), m.GetProperty("stated").GetDecimal(), m.GetProperty("computed").GetDecimal()))
            .ToList();
        Assert.Equal([("1", "score", 9.5m, 9.25m), ("1.3", "score", 2m, 1.75m), ("TỔNG ĐIỂM", "score", 65.249m, 64.999m)], mismatches);
        Assert.Equal(64.999m, json.RootElement.GetProperty("total").GetProperty("computed").GetDecimal());

        var (textCode, text, _) = Run("check-table", path);
        Assert.Equal(1, textCode);
        Assert.Contains("Sai lệch (3):", text, StringComparison.Ordinal);
        Assert.Contains("1.3 (dòng 12): điểm tự đánh giá ghi 2, cộng các hàng con được 1,75", text, StringComparison.Ordinal);
        Assert.Contains("TỔNG ĐIỂM (dòng 173): điểm tự đánh giá ghi 65,249, cộng các lĩnh vực được 64,999", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Không có sai lệch", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_exits_2()
    {
        var (code, output, error) = Run("check-table", Write("empty.txt", []), "--json");
        Assert.Equal(2, code);
        Assert.Contains("Dòng 1: tệp rỗng", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var problem = json.RootElement.GetProperty("error");
        Assert.Equal(1, problem.GetProperty("line").GetInt32());
        Assert.StartsWith("Dòng 1: tệp rỗng", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_exits_2_naming_the_line()
    {
        var (code, output, error) = Run("check-table", Write("table.bin", [.. "BIỂU\n"u8, 0x25, 0xE2, 0x0A, 0x00, 0x01]));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("Dòng 3:", error, StringComparison.Ordinal);
        Assert.Contains("nhị phân", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_pdf_exits_2_as_an_unreadable_pdf_not_as_binary_text()
    {
        var (code, output, error) = Run("check-table", Write("table.pdf", [.. "%PDF-1.7\n"u8, 0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A, 0x00, 0x01]));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("Dòng 1: tệp không phải PDF đọc được", error, StringComparison.Ordinal);
        Assert.DoesNotContain("byte NUL", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_code_exits_2_naming_the_line()
    {
        var path = WriteSeedWith("duplicate.txt", lines =>
        {
            lines.Insert(30, "2.2.1\tThực hiện công bố danh mục văn bản\t0,5\t0,5\tLặp lại");
            return lines;
        });

        var (code, output, error) = Run("check-table", path, "--json");

        Assert.Equal(2, code);
        Assert.Contains("Dòng 31, cột STT: mã 2.2.1 bị trùng, đã có ở dòng 30", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var problem = json.RootElement.GetProperty("error");
        Assert.Equal(31, problem.GetProperty("line").GetInt32());
        Assert.Equal("STT", problem.GetProperty("column").GetString());
    }

    [Fact]
    public void Missing_file_exits_2()
    {
        var (code, _, error) = Run("check-table", Path.Combine(dir, "khong-co.txt"));
        Assert.Equal(2, code);
        Assert.Contains("không tìm thấy tệp", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--json")]
    public void Missing_file_argument_exits_2_not_1(params string[] extra)
    {
        var (code, _, error) = Run(["check-table", .. extra]);
        Assert.Equal(2, code);
        Assert.Contains("thiếu tên tệp", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_command()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("check-table", output, StringComparison.Ordinal);
    }
}
