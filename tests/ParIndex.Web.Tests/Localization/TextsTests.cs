using System.Text.RegularExpressions;
using ParIndex.Web.Localization;

namespace ParIndex.Web.Tests.Localization;

/// <summary>
/// The UI strings are complete in both languages, and the maximum points of a node have one name
/// everywhere users read it: "Điểm chuẩn", as in the official tables (issue 13, ADR 0137).
/// </summary>
public sealed partial class TextsTests
{
    private static readonly string[] ScannedProjects = ["src/ParIndex.Web", "src/ParIndex.Documents", "src/ParIndex.Application", "src/ParIndex.Core", "src/ParIndex.Cli"];

    [Fact]
    public void Every_key_has_a_Vietnamese_and_an_English_wording_and_is_defined_once()
    {
        var all = Texts.All.ToList();
        Assert.True(all.Count > 250, $"only {all.Count} keys");
        var incomplete = all.Where(e => string.IsNullOrWhiteSpace(e.Value.Vi) || string.IsNullOrWhiteSpace(e.Value.En)).Select(e => e.Key).ToList();
        Assert.True(incomplete.Count == 0, "without both wordings: " + string.Join(", ", incomplete));
        var twice = all.GroupBy(e => e.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "defined in two tables: " + string.Join(", ", twice));
    }

    [Fact]
    public void English_text_has_no_Vietnamese_letters_except_the_language_switch()
    {
        var offenders = Texts.All
            .Where(e => e.Key != "Language" && VietnameseLetter().IsMatch(e.Value.En.Normalize(System.Text.NormalizationForm.FormD)))
            .Select(e => $"{e.Key} = {e.Value.En}").ToList();
        Assert.True(offenders.Count == 0, "English wording with Vietnamese letters:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_language_follows_the_cookie_and_data_is_marked_Vietnamese_only_on_English_pages()
    {
        var english = new Texts("en");
        var vietnamese = new Texts("vi");
        Assert.Equal("Maximum", english["Max"]);
        Assert.Equal("Điểm chuẩn", vietnamese["Max"]);
        Assert.Equal("vi", english.DataLang);
        Assert.Null(vietnamese.DataLang);
        Assert.Equal("vi", new Texts("fr").Language);
        Assert.Equal("Published", english.State("Published"));
        Assert.Equal("Đã công bố", vietnamese.State("Published"));
        Assert.Equal("Published", english.State("Đã công bố"));
        // Numbers keep the Vietnamese format in English too (ADR 0137).
        Assert.Equal("+1,25 pp", english.Change(1.25m));
    }

    [Fact]
    public void No_page_document_or_message_calls_the_maximum_anything_but_Diem_chuan()
    {
        var root = Problems.EnglishDetailSourceTests.RepositoryRoot();
        var files = ScannedProjects
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}lib{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("FormulaWords.cs", StringComparison.Ordinal));
        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => OtherMaximumTerm().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "the maximum is \"Điểm chuẩn\" (ADR 0137):\n" + string.Join("\n", offenders));
    }

    // đ, breve, circumflex, horn and the five tone marks after NFD.
    [GeneratedRegex("[đĐ\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323]")]
    private static partial Regex VietnameseLetter();

    // "điểm tối đa" in any case, or a bare "Tối đa" column header.
    [GeneratedRegex("(?i:điểm tối đa)|[\">]Tối đa[\"<]")]
    private static partial Regex OtherMaximumTerm();
}
