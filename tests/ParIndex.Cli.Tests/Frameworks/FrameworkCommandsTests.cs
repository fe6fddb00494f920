using ParIndex.Core.Frameworks;
using static ParIndex.Cli.Tests.Frameworks.FrameworkCli;

namespace ParIndex.Cli.Tests.Frameworks;

public sealed class FrameworkCommandsTests : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("parindex-framework-");

    public void Dispose() => temp.Delete(recursive: true);

    [Fact]
    public void Validate_built_in_file_exits_0_with_a_summary()
    {
        var file = Path.Combine(temp.FullName, "province.json");
        Assert.Equal(0, Run(["framework", "export-builtin", "-o", file], out _, out _));

        var code = Run(["framework", "validate", file], out var stdout, out var stderr);

        Assert.Equal(0, code);
        Assert.Equal("Hợp lệ: 133 nút, 101 tiêu chí lá, tổng điểm 100, điều tra XHH 32", stdout.Trim());
        Assert.Empty(stderr);
    }

    [Fact]
    public void Validate_prints_each_problem_and_exits_1()
    {
        var json = FrameworkFile.ToJson(BuiltInFrameworks.Province2023)
            .Replace("\"code\": \"1.2\",\n          \"title\": \"Thực hiện chế độ báo cáo CCHC định kỳ\",\n          \"max\": 0.5", "\"code\": \"1.2\",\n          \"title\": \"Thực hiện chế độ báo cáo CCHC định kỳ\",\n          \"max\": 0.75", StringComparison.Ordinal)
            .Replace("\"year\": 2023", "\"year\": 1900", StringComparison.Ordinal);
        var file = Write("bad.json", json);

        var code = Run(["framework", "validate", file], out var stdout, out _);

        Assert.Equal(1, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["year: Năm 1900 không hợp lý (cần trong khoảng 2000–2100).",
             "1: Điểm chuẩn 9,5 khác tổng điểm chuẩn của các tiêu chí con (9,75).",
             "Không hợp lệ: 2 lỗi."],
            lines);
    }

    [Fact]
    public void Validate_unreadable_file_exits_2_with_line_and_column()
    {
        var file = Write("broken.json", "{\n  \"format\": \"parindex-framework/1\",\n  \"id\": \"x\",,\n}");

        var code = Run(["framework", "validate", file], out var stdout, out var stderr);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("broken.json: Dòng 3, cột 13: JSON không hợp lệ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_missing_file_exits_2()
    {
        var code = Run(["framework", "validate", Path.Combine(temp.FullName, "khong-co.json")], out _, out var stderr);
        Assert.Equal(2, code);
        Assert.Contains("Không tìm thấy tệp", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_builtin_to_stdout_is_a_valid_framework_file()
    {
        var code = Run(["framework", "export-builtin"], out var stdout, out _);

        Assert.Equal(0, code);
        var framework = FrameworkFile.Read(stdout);
        Assert.Empty(FrameworkValidator.Validate(framework));
        Assert.Equal(BuiltInFrameworks.Province2023Id, framework.Id);
        Assert.Equal(FrameworkFile.ToJson(BuiltInFrameworks.Province2023), stdout);
    }

    [Fact]
    public void Export_builtin_to_a_file_writes_the_canonical_bytes()
    {
        var file = Path.Combine(temp.FullName, "out.json");

        var code = Run(["framework", "export-builtin", "--id", "par-index-province-2023", "-o", file], out var stdout, out _);

        Assert.Equal(0, code);
        Assert.Empty(stdout);
        using var expected = new MemoryStream();
        FrameworkFile.Write(BuiltInFrameworks.Province2023, expected);
        Assert.Equal(expected.ToArray(), File.ReadAllBytes(file));
    }

    [Fact]
    public void Export_builtin_with_an_unknown_id_exits_1_and_lists_the_ids()
    {
        var code = Run(["framework", "export-builtin", "--id", "khong-co"], out var stdout, out var stderr);
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("par-index-province-2023", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_framework_commands()
    {
        Assert.Equal(0, Run(["framework", "--help"], out var stdout, out _));
        Assert.Contains("validate", stdout, StringComparison.Ordinal);
        Assert.Contains("export-builtin", stdout, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(temp.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
