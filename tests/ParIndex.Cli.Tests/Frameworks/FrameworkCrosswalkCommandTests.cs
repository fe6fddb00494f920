using ParIndex.Core.Frameworks;
using static ParIndex.Cli.Tests.Frameworks.FrameworkCli;

namespace ParIndex.Cli.Tests.Frameworks;

public sealed class FrameworkCrosswalkCommandTests : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("parindex-crosswalk-");

    public void Dispose() => temp.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(temp.FullName, name);

    private static readonly Framework Before = Framework(Inner("1", Leaf("1.1", "Kế hoạch", 1m), Leaf("1.2", "Báo cáo", 1m), Leaf("1.3", "Cải cách", 1m)));

    private static readonly Framework After = Framework(Inner("1", Leaf("1.1", "Kế hoạch", 1m), Leaf("1.2", "Tuyên truyền", 1m), Leaf("1.3", "Báo cáo", 1m), Leaf("1.4", "Cài cách", 1m)));

    [Fact]
    public void Writes_the_suggestion_to_stdout_with_a_summary_on_stderr()
    {
        var code = Run(["framework", "crosswalk", Write("o.json", Before), Write("n.json", After)], out var stdout, out var stderr);

        Assert.Equal(0, code);
        var crosswalk = CrosswalkFile.Read(stdout);
        Assert.Equal(
            ["one-to-one 1→1 code", "one-to-one 1.1→1.1 code", "new →1.2 none", "one-to-one 1.2→1.3 title", "one-to-one 1.3→1.4 title-without-diacritics"],
            crosswalk.Entries.Select(e => $"{CrosswalkFile.KindName(e.Kind)} {string.Join(",", e.From)}→{string.Join(",", e.To)} {CrosswalkFile.MatchName(e.Match)}"));
        Assert.Equal("Gợi ý 5 dòng chuyển mã: 4 one-to-one, 1 new; 1 dòng cần kiểm tra lại (khớp yếu).\n", stderr);
    }

    [Fact]
    public void Writes_a_file_that_reads_back_and_refuses_to_overwrite_it()
    {
        var output = PathOf("crosswalk.json");
        var old = Write("o.json", Before);
        var now = Write("n.json", After);
        Assert.Equal(0, Run(["framework", "crosswalk", old, now, "-o", output], out var stdout, out _));
        Assert.Empty(stdout);
        var written = File.ReadAllText(output);
        Assert.Equal(CrosswalkFile.ToJson(CrosswalkSuggester.Suggest(Before, After)), written);
        Assert.Empty(CrosswalkFile.Read(written).Validate(Before, After));

        File.WriteAllText(output, "cũ");
        Assert.Equal(2, Run(["framework", "crosswalk", old, now, "-o", output], out _, out var stderr));
        Assert.Equal($"Tệp {output} đã có; thêm --force để ghi đè.\n", stderr);
        Assert.Equal("cũ", File.ReadAllText(output));
        Assert.Equal(0, Run(["framework", "crosswalk", old, now, "-o", output, "--force"], out _, out _));
        Assert.Equal(written, File.ReadAllText(output));
    }

    [Fact]
    public void The_built_in_framework_against_itself_is_all_one_to_one()
    {
        Assert.Equal(0, Run(["framework", "crosswalk", BuiltInFrameworks.Province2023Id, BuiltInFrameworks.Province2023Id], out var stdout, out var stderr));
        Assert.All(CrosswalkFile.Read(stdout).Entries, e => Assert.Equal(CrosswalkKind.OneToOne, e.Kind));
        Assert.Equal("Gợi ý 133 dòng chuyển mã: 133 one-to-one; 0 dòng cần kiểm tra lại (khớp yếu).\n", stderr);
    }

    [Fact]
    public void Weak_matches_count_code_only_and_structure_too()
    {
        var before = Framework(Inner("1", Leaf("1.1", "A", 2m)), Leaf("2", "B", 1m));
        var after = Framework(Inner("1", Inner("1.1", Leaf("1.1.1", "C", 1m), Leaf("1.1.2", "D", 1m))), Leaf("2", "E", 1m));
        Assert.Equal(0, Run(["framework", "crosswalk", Write("o.json", before), Write("n.json", after)], out _, out var stderr));
        Assert.Equal("Gợi ý 3 dòng chuyển mã: 2 one-to-one, 1 one-to-many; 2 dòng cần kiểm tra lại (khớp yếu).\n", stderr);
    }

    [Fact]
    public void An_unreadable_framework_exits_2_and_writes_nothing()
    {
        var bad = PathOf("bad.json");
        File.WriteAllText(bad, "{\"format\": 1}");
        var output = PathOf("c.json");
        Assert.Equal(2, Run(["framework", "crosswalk", bad, BuiltInFrameworks.Province2023Id, "-o", output], out var stdout, out var stderr));
        Assert.Empty(stdout);
        Assert.StartsWith($"{bad}: Dòng 1, cột 12:", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Help_lists_the_new_commands()
    {
        Assert.Equal(0, Run(["framework", "--help"], out var stdout, out _));
        Assert.Contains("diff", stdout, StringComparison.Ordinal);
        Assert.Contains("from-table", stdout, StringComparison.Ordinal);
        Assert.Contains("crosswalk", stdout, StringComparison.Ordinal);
    }

    private string Write(string name, Framework framework)
    {
        var path = PathOf(name);
        File.WriteAllText(path, FrameworkFile.ToJson(framework));
        return path;
    }
}
