using System.Text.Json;
using ParIndex.Core.Frameworks;
using static ParIndex.Cli.Tests.Frameworks.FrameworkCli;

namespace ParIndex.Cli.Tests.Frameworks;

public sealed class FrameworkDiffCommandTests : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("parindex-fwdiff-");

    public void Dispose() => temp.Delete(recursive: true);

    private static readonly string BuiltInJson = FrameworkFile.ToJson(BuiltInFrameworks.Province2023);

    /// <summary>The built-in file with 1.2's max 0.5 → 0.75 and 1's 9.5 → 9.75, and 8.5 renamed.</summary>
    private static string Changed() => BuiltInJson
        .Replace("\"title\": \"Thực hiện chế độ báo cáo CCHC định kỳ\",\n          \"max\": 0.5", "\"title\": \"Thực hiện chế độ báo cáo CCHC định kỳ\",\n          \"max\": 0.75", StringComparison.Ordinal)
        .Replace("\"max\": 9.5,", "\"max\": 9.75,", StringComparison.Ordinal)
        .Replace("\"title\": \"Công tác tuyên truyền CCHC\"", "\"title\": \"Công tác thông tin, tuyên truyền CCHC\"", StringComparison.Ordinal);

    [Fact]
    public void Equal_frameworks_exit_0_and_say_so()
    {
        var file = Write("a.json", BuiltInJson);
        var code = Run(["framework", "diff", file, BuiltInFrameworks.Province2023Id], out var stdout, out var stderr);
        Assert.Equal(0, code);
        Assert.Equal($"So sánh {file} → par-index-province-2023\nHai bộ tiêu chí giống nhau: không có nút nào thêm, bỏ hay thay đổi.\n", stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public void Equal_frameworks_in_json_have_empty_lists()
    {
        var code = Run(["framework", "diff", "par-index-province-2023", "par-index-province-2023", "--json"], out var stdout, out _);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(["added", "removed", "changed", "renumbered"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.All(json.RootElement.EnumerateObject(), p => Assert.Equal(0, p.Value.GetArrayLength()));
    }

    [Fact]
    public void Differences_exit_1_with_readable_vietnamese_text()
    {
        var file = Write("b.json", Changed());
        var code = Run(["framework", "diff", "par-index-province-2023", file], out var stdout, out _);
        Assert.Equal(1, code);
        Assert.Equal(
            $"So sánh par-index-province-2023 → {file}\n" +
            "Thay đổi (3):\n" +
            "  1  điểm chuẩn: 9,5 → 9,75\n" +
            "  1.2  điểm chuẩn: 0,5 → 0,75\n" +
            "  1.4  đổi tên: \"Công tác tuyên truyền CCHC\" → \"Công tác thông tin, tuyên truyền CCHC\"\n" +
            "Tổng cộng: 0 thêm, 0 bỏ, 3 thay đổi.\n",
            stdout);
    }

    [Fact]
    public void Added_removed_renumbered_parent_and_rule_in_text()
    {
        var before = Framework(
            Inner("1", Leaf("1.1", "Kế hoạch", 1m), Leaf("1.2", "Báo cáo", 1m)),
            Inner("2", Leaf("2.1", "Thể chế", 1m, new RatioRule(1m, "Đúng hạn", "Tổng"))));
        var after = Framework(
            Inner("1", Leaf("1.1", "Kế hoạch", 1m), Leaf("1.3", "Báo cáo", 1m), Leaf("2.1", "Thể chế", 1m, SurveyRule.Instance, "Phiếu khảo sát")),
            Inner("2", Leaf("2.2", "Mới", 1m)));
        var code = Run(["framework", "diff", Write("old.json", FrameworkFile.ToJson(before)), Write("new.json", FrameworkFile.ToJson(after))], out var stdout, out _);
        Assert.Equal(1, code);
        Assert.Equal(
            [
                "Thêm (2): 1.3, 2.2",
                "Bỏ (1): 1.2",
                "Có thể là đánh số lại (cùng tên và điểm chuẩn): 1.2 → 1.3",
                "Thay đổi (4):",
                "  1  điểm chuẩn: 2 → 3",
                "  2.1  chuyển nút cha: 2 → 1",
                "  2.1  cách chấm điểm: ratio (mục tiêu: 1; tử số: Đúng hạn (count); mẫu số: Tổng (count)) → survey",
                "  2.1  hướng dẫn: (không có) → \"Phiếu khảo sát\"",
                "Tổng cộng: 2 thêm, 1 bỏ, 4 thay đổi.",
                "",
            ],
            stdout.Split('\n')[1..]);
    }

    [Fact]
    public void A_field_moved_under_another_field_shows_the_field_level()
    {
        var before = Framework(Inner("1", Leaf("1.1", "A", 1m)), Leaf("2", "B", 1m));
        var after = Framework(Inner("1", Leaf("1.1", "A", 1m), Leaf("2", "B", 1m)));
        Run(["framework", "diff", Write("o.json", FrameworkFile.ToJson(before)), Write("n.json", FrameworkFile.ToJson(after))], out var stdout, out _);
        Assert.Contains("  2  chuyển nút cha: (cấp lĩnh vực) → 1\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  1  điểm chuẩn: 1 → 2\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reordering_shows_both_ranks()
    {
        var before = Framework(Inner("1", Leaf("1.1", "A", 1m), Leaf("1.2", "B", 1m)));
        var after = Framework(Inner("1", Leaf("1.2", "B", 1m), Leaf("1.1", "A", 1m)));
        Run(["framework", "diff", Write("o.json", FrameworkFile.ToJson(before)), Write("n.json", FrameworkFile.ToJson(after))], out var stdout, out _);
        Assert.Contains("  1.2  đổi thứ tự: 2 → 1\n  1.1  đổi thứ tự: 1 → 2\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_has_the_keys_of_the_issue_and_exits_1()
    {
        var before = Framework(Inner("1", Leaf("1.1", "Kế hoạch", 1m), Leaf("1.2", "Báo cáo", 1m)));
        var after = Framework(Inner("1", Leaf("1.1", "Kế hoạch mới", 1m), Leaf("1.3", "Báo cáo", 1m)));
        var code = Run(["framework", "diff", Write("o.json", FrameworkFile.ToJson(before)), Write("n.json", FrameworkFile.ToJson(after)), "--json"], out var stdout, out var stderr);
        Assert.Equal(1, code);
        Assert.Empty(stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(["1.3"], root.GetProperty("added").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["1.2"], root.GetProperty("removed").EnumerateArray().Select(e => e.GetString()));
        var change = Assert.Single(root.GetProperty("changed").EnumerateArray());
        Assert.Equal(["code", "what", "old", "new"], change.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("1.1", "title", "Kế hoạch", "Kế hoạch mới"), (change.GetProperty("code").GetString(), change.GetProperty("what").GetString(), change.GetProperty("old").GetString(), change.GetProperty("new").GetString()));
        var hint = Assert.Single(root.GetProperty("renumbered").EnumerateArray());
        Assert.Equal(("1.2", "1.3"), (hint.GetProperty("old").GetString(), hint.GetProperty("new").GetString()));
        Assert.Contains("\"Kế hoạch mới\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_null_sides_are_json_null()
    {
        var before = Framework(Leaf("1", "A", 1m));
        var after = Framework(Leaf("1", "A", 1m, guidance: "Hướng dẫn"));
        Run(["framework", "diff", Write("o.json", FrameworkFile.ToJson(before)), Write("n.json", FrameworkFile.ToJson(after)), "--json"], out var stdout, out _);
        using var json = JsonDocument.Parse(stdout);
        var change = Assert.Single(json.RootElement.GetProperty("changed").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, change.GetProperty("old").ValueKind);
        Assert.Equal("guidance", change.GetProperty("what").GetString());
    }

    [Fact]
    public void An_unreadable_file_exits_2_naming_file_line_and_column()
    {
        var broken = Write("broken.json", "{\n  \"format\": \"parindex-framework/1\",\n  \"id\": \"x\",,\n}");
        var code = Run(["framework", "diff", broken, "par-index-province-2023"], out var stdout, out var stderr);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith($"{broken}: Dòng 3, cột 13: JSON không hợp lệ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_unreadable_files_are_named()
    {
        var missing = Path.Combine(temp.FullName, "khong-co.json");
        var code = Run(["framework", "diff", missing, Write("bad.json", "[]"), "--json"], out var stdout, out var stderr);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains($"Không tìm thấy tệp {missing} (cũng không phải mã bộ tiêu chí dựng sẵn: par-index-province-2023).", stderr, StringComparison.Ordinal);
        Assert.Contains("bad.json: Dòng 1, cột 1: gốc của tệp phải là một đối tượng JSON", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_not_a_framework()
    {
        var code = Run(["framework", "diff", temp.FullName, "par-index-province-2023"], out _, out var stderr);
        Assert.Equal(2, code);
        Assert.Contains("Không tìm thấy tệp", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_argument_exits_2()
    {
        Assert.Equal(2, Run(["framework", "diff", "par-index-province-2023"], out _, out _));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(temp.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
