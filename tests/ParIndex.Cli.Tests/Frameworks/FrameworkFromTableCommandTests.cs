using System.Text;
using ParIndex.Core.Frameworks;
using ParIndex.Core.OfficialTables;
using ParIndex.Documents.OfficialTables;
using static ParIndex.Cli.Tests.Frameworks.FrameworkCli;

namespace ParIndex.Cli.Tests.Frameworks;

public sealed class FrameworkFromTableCommandTests : IDisposable
{
    private static readonly string SeedPath = Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2023-self-assessment.txt");

    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("parindex-fromtable-");

    public void Dispose() => temp.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(temp.FullName, name);

    [Fact]
    public void The_seed_table_gives_a_draft_that_validates_and_differs_from_the_built_in_only_in_rules()
    {
        var output = PathOf("draft.json");
        var code = Run(["framework", "from-table", SeedPath, "-o", output], out var stdout, out var stderr);

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.Equal($"Đã ghi bản nháp province-2023-draft (2023) vào {output}: 133 nút, 101 tiêu chí lá, tổng điểm 100, điều tra XHH 32.\n", stdout);
        Assert.Equal(0, Run(["framework", "validate", output], out var validated, out _));
        Assert.Equal("Hợp lệ: 133 nút, 101 tiêu chí lá, tổng điểm 100, điều tra XHH 32", validated.Trim());

        AssertOnlyRulesDiffer(output);
    }

    [Fact]
    public void An_xlsx_table_gives_the_same_draft_as_its_text()
    {
        var seed = OfficialTableTextReader.Read(File.ReadAllBytes(SeedPath));
        var xlsx = PathOf("seed.xlsx");
        using (var stream = File.Create(xlsx))
        {
            XlsxTableWriter.Write(AssessmentTableDocumentFactory.FromOfficialTable(seed), stream);
        }

        var fromXlsx = PathOf("xlsx.json");
        var fromText = PathOf("text.json");
        Assert.Equal(0, Run(["framework", "from-table", xlsx, "-o", fromXlsx, "--unit-type", "department", "--year", "2024", "--name", "PAR INDEX Sở 2024", "--id", "so-2024"], out _, out var stderr));
        Assert.Empty(stderr);
        Assert.Equal(0, Run(["framework", "from-table", SeedPath, "-o", fromText, "--unit-type", "department", "--year", "2024", "--name", "PAR INDEX Sở 2024", "--id", "so-2024"], out _, out _));

        Assert.Equal(File.ReadAllText(fromText), File.ReadAllText(fromXlsx));
        var framework = FrameworkFile.Read(File.ReadAllText(fromXlsx));
        Assert.Equal(("so-2024", 2024, "PAR INDEX Sở 2024", "department"), (framework.Id, framework.Year, framework.Title, framework.UnitKind));
        AssertOnlyRulesDiffer(fromXlsx);
    }

    [Fact]
    public void A_pdf_table_gives_the_same_draft_nodes_as_its_text()
    {
        var seed = OfficialTableTextReader.Read(File.ReadAllBytes(SeedPath));
        var pdf = PathOf("seed.pdf");
        using (var stream = File.Create(pdf))
        {
            PdfTableWriter.Write(AssessmentTableDocumentFactory.FromOfficialTable(seed), stream);
        }

        var fromPdf = PathOf("pdf.json");
        var fromText = PathOf("text.json");
        Assert.Equal(0, Run(["framework", "from-table", pdf, "-o", fromPdf], out var stdout, out var stderr));
        Assert.Empty(stderr);
        Assert.Contains("133 nút, 101 tiêu chí lá, tổng điểm 100, điều tra XHH 32", stdout, StringComparison.Ordinal);
        Assert.Equal(0, Run(["framework", "from-table", SeedPath, "-o", fromText], out _, out _));

        var a = FrameworkFile.Read(File.ReadAllText(fromText)).AllNodes().Select(n => (n.Code, n.Title, n.Max)).ToList();
        var b = FrameworkFile.Read(File.ReadAllText(fromPdf)).AllNodes().Select(n => (n.Code, n.Title, n.Max)).ToList();
        Assert.Equal(a, b);
    }

    [Fact]
    public void An_existing_output_is_not_overwritten_without_force()
    {
        var output = PathOf("draft.json");
        File.WriteAllText(output, "giữ nguyên");

        var code = Run(["framework", "from-table", SeedPath, "-o", output], out var stdout, out var stderr);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal($"Lỗi: tệp {output} đã có; thêm --force để ghi đè.\n", stderr);
        Assert.Equal("giữ nguyên", File.ReadAllText(output));

        Assert.Equal(0, Run(["framework", "from-table", SeedPath, "-o", output, "--force"], out _, out _));
        Assert.Equal(101, FrameworkFile.Read(File.ReadAllText(output)).Leaves().Count());
        Assert.Single(temp.GetFiles());
    }

    [Fact]
    public void A_bad_table_exits_2_naming_the_line_and_writes_nothing()
    {
        var lines = File.ReadAllText(SeedPath, Encoding.UTF8).Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith("1.2\t", StringComparison.Ordinal));
        var cells = lines[index].Split('\t');
        cells[2] = "không rõ";
        lines[index] = string.Join('\t', cells);
        var table = PathOf("bad.txt");
        File.WriteAllText(table, string.Join('\n', lines));
        var output = PathOf("draft.json");

        var code = Run(["framework", "from-table", table, "-o", output], out var stdout, out var stderr);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal($"Lỗi: không đọc được biểu '{table}'. Dòng {index + 1}, cột Điểm chuẩn: 'không rõ' không phải là số (not a number).\n", stderr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_missing_table_exits_2()
    {
        var missing = PathOf("khong-co.txt");
        Assert.Equal(2, Run(["framework", "from-table", missing, "-o", PathOf("x.json")], out _, out var stderr));
        Assert.Equal($"Lỗi: không tìm thấy tệp '{missing}'.\n", stderr);
        Assert.Equal(2, Run(["framework", "from-table", temp.FullName, "-o", PathOf("x.json")], out _, out var directory));
        Assert.StartsWith("Lỗi: ", directory, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("x.json")));
    }

    [Fact]
    public void A_table_whose_sums_are_wrong_is_written_and_its_problems_listed_with_exit_1()
    {
        var table = PathOf("sum.txt");
        File.WriteAllText(table, "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024\n\nSTT\tLĩnh vực/Tiêu chí/Tiêu chí thành phần\tĐiểm chuẩn\tĐiểm tự đánh giá\tGiải trình\n1\tLĩnh vực\t3\t\t\n1.1\tTiêu chí\t1\t\t\n1.2\tKhảo sát\t1\t\tĐánh giá qua điều tra xã hội học\n");
        var output = PathOf("draft.json");

        var code = Run(["framework", "from-table", table, "-o", output], out var stdout, out var stderr);

        Assert.Equal(1, code);
        Assert.Empty(stderr);
        Assert.Equal(
            [
                $"Đã ghi bản nháp province-2024-draft (2024) vào {output}: 3 nút, 2 tiêu chí lá, tổng điểm 3, điều tra XHH 1.",
                "1: Điểm chuẩn 3 khác tổng điểm chuẩn của các tiêu chí con (2).",
                "Bản nháp có 1 lỗi cần sửa trước khi dùng.",
                "",
            ],
            stdout.Split('\n'));
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void A_title_without_a_year_needs_the_year_option()
    {
        var table = PathOf("noyear.txt");
        File.WriteAllText(table, "BIỂU TỰ ĐÁNH GIÁ\n\nSTT\tLĩnh vực/Tiêu chí/Tiêu chí thành phần\tĐiểm chuẩn\tĐiểm tự đánh giá\tGiải trình\n1\tLĩnh vực\t1\t\t\n");
        Assert.Equal(2, Run(["framework", "from-table", table, "-o", PathOf("a.json")], out _, out var stderr));
        Assert.Equal($"Lỗi: tiêu đề biểu '{table}' không ghi năm; thêm --year.\n", stderr);
        Assert.False(File.Exists(PathOf("a.json")));
        Assert.Equal(0, Run(["framework", "from-table", table, "-o", PathOf("a.json"), "--year", "2025"], out _, out _));
        Assert.Equal(2025, FrameworkFile.Read(File.ReadAllText(PathOf("a.json"))).Year);
    }

    [Theory]
    [InlineData("--name")]
    [InlineData("--unit-type")]
    [InlineData("--id")]
    public void Options_are_bounded(string option)
    {
        var atLimit = new string('a', 300);
        Assert.NotEqual(2, Run(["framework", "from-table", SeedPath, "-o", PathOf("ok.json"), option, atLimit], out _, out _));
        Assert.Equal(2, Run(["framework", "from-table", SeedPath, "-o", PathOf("long.json"), option, atLimit + "a"], out _, out var stderr));
        Assert.Equal($"Lỗi: {option} dài quá 300 ký tự.\n", stderr);
        Assert.False(File.Exists(PathOf("long.json")));
    }

    [Fact]
    public void A_blank_unit_type_is_refused()
    {
        Assert.Equal(2, Run(["framework", "from-table", SeedPath, "-o", PathOf("x.json"), "--unit-type", " "], out _, out var stderr));
        Assert.Equal("Lỗi: --unit-type để trống.\n", stderr);
    }

    [Fact]
    public void The_output_option_is_required()
    {
        Assert.Equal(2, Run(["framework", "from-table", SeedPath], out _, out _));
    }

    [Fact]
    public void An_output_in_a_missing_directory_exits_2_and_leaves_nothing()
    {
        var output = Path.Combine(temp.FullName, "khong-co", "draft.json");
        Assert.Equal(2, Run(["framework", "from-table", SeedPath, "-o", output], out var stdout, out var stderr));
        Assert.Empty(stdout);
        Assert.StartsWith($"Không ghi được tệp {output}", stderr, StringComparison.Ordinal);
        Assert.Empty(temp.GetFileSystemInfos());
    }

    private static void AssertOnlyRulesDiffer(string draft)
    {
        var code = Run(["framework", "diff", BuiltInFrameworks.Province2023Id, draft, "--json"], out var json, out _);
        Assert.Equal(1, code);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(0, root.GetProperty("added").GetArrayLength());
        Assert.Equal(0, root.GetProperty("removed").GetArrayLength());
        var kinds = root.GetProperty("changed").EnumerateArray()
            .Select(c => (Code: c.GetProperty("code").GetString(), What: c.GetProperty("what").GetString()))
            .ToList();
        Assert.DoesNotContain(kinds, k => k.What == "max");
        // The only title difference is the seed document's own wording of field 7 (it omits "TỬ").
        Assert.Equal([("7", "title")], kinds.Where(k => k.What == "title"));
        Assert.Equal(7, kinds.Count(k => k.What == "rule"));
    }
}
