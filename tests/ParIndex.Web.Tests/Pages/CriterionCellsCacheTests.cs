using System.Text.Encodings.Web;
using System.Text.Unicode;
using ParIndex.Application.Assessments;
using ParIndex.Web.Components.Pages;
using ParIndex.Web.Localization;

namespace ParIndex.Web.Tests.Pages;

/// <summary>
/// The cached cells of the self-assessment table (ADR 0141) are keyed by what they show: a cached
/// entry is never served for another text, version, language or column precision.
/// </summary>
public sealed class CriterionCellsCacheTests
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly Texts Vietnamese = new("vi");
    private static readonly Texts English = new("en");

    private static NodeView Node(string title, string? guidance = "Quyết định ban hành kế hoạch", decimal max = 1.5m, bool survey = false) =>
        new("1.1.1", title, 3, max, 0m, IsLeaf: true, IsSurvey: survey, guidance, Leaf: null);

    [Fact]
    public void A_criterion_edited_after_it_was_cached_shows_its_new_title_and_guidance()
    {
        // A draft framework is parsed anew on each read (ADR 0122), a new version is another record:
        // either way the page gets the same code with other texts.
        var cache = new CriterionCellsCache();
        var before = cache.Get(Node("Ban hành kế hoạch CCHC"), Vietnamese, 2, Encoder);
        var retitled = cache.Get(Node("Ban hành kế hoạch CCHC năm"), Vietnamese, 2, Encoder);
        var reguided = cache.Get(Node("Ban hành kế hoạch CCHC", "Kế hoạch đã sửa"), Vietnamese, 2, Encoder);

        Assert.Contains(">Ban hành kế hoạch CCHC<", before.Cells, StringComparison.Ordinal);
        Assert.Contains(">Ban hành kế hoạch CCHC năm<", retitled.Cells, StringComparison.Ordinal);
        Assert.DoesNotContain("Kế hoạch đã sửa", before.Cells, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch đã sửa", reguided.Cells, StringComparison.Ordinal);
        Assert.Equal("1.1.1 Ban hành kế hoạch CCHC năm Quyết định ban hành kế hoạch ", retitled.Search);
        Assert.Same(before, cache.Get(Node("Ban hành kế hoạch CCHC"), Vietnamese, 2, Encoder));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void Each_language_gets_its_own_wording_and_lang_attribute()
    {
        var cache = new CriterionCellsCache();
        var vi = cache.Get(Node("Tỷ lệ hồ sơ", survey: true), Vietnamese, 2, Encoder).Cells;
        var en = cache.Get(Node("Tỷ lệ hồ sơ", survey: true), English, 2, Encoder).Cells;

        Assert.Contains("<td class=\"title\">", vi, StringComparison.Ordinal);
        Assert.Contains("Hướng dẫn chấm điểm, tài liệu kiểm chứng", vi, StringComparison.Ordinal);
        Assert.Contains($"data-label=\"{Vietnamese["Max"]}\"", vi, StringComparison.Ordinal);
        Assert.Contains(Vietnamese["Survey"], vi, StringComparison.Ordinal);
        // English pages mark the Vietnamese criterion text (WCAG 3.1.2, ADR 0137).
        Assert.Contains("<td class=\"title\" lang=\"vi\">", en, StringComparison.Ordinal);
        Assert.Contains("Scoring guidance and expected evidence", en, StringComparison.Ordinal);
        Assert.Contains($"data-label=\"{English["Max"]}\"", en, StringComparison.Ordinal);
        Assert.Contains(English["Survey"], en, StringComparison.Ordinal);
        Assert.NotEqual(Vietnamese["Survey"], English["Survey"]);
    }

    [Fact]
    public void The_maximum_follows_the_column_precision_and_the_value()
    {
        var cache = new CriterionCellsCache();
        Assert.Contains(">1,50</td>", cache.Get(Node("A"), Vietnamese, 2, Encoder).Cells, StringComparison.Ordinal);
        Assert.Contains(">1,5000</td>", cache.Get(Node("A"), Vietnamese, 4, Encoder).Cells, StringComparison.Ordinal);
        Assert.Contains(">2,00</td>", cache.Get(Node("A", max: 2m), Vietnamese, 2, Encoder).Cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_are_encoded_and_the_cache_stays_bounded()
    {
        var cache = new CriterionCellsCache();
        var cells = cache.Get(Node("<script>alert(1)</script> & \"x\"", "<b>"), Vietnamese, 2, Encoder);
        Assert.DoesNotContain("<script>", cells.Cells, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", cells.Cells, StringComparison.Ordinal);
        Assert.DoesNotContain("\"x\"", cells.Search, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", cells.Cells, StringComparison.Ordinal);

        for (var i = 0; i <= CriterionCellsCache.MaxEntries; i++)
        {
            cache.Get(Node($"Tiêu chí {i}"), Vietnamese, 2, Encoder);
        }

        Assert.InRange(cache.Count, 1, CriterionCellsCache.MaxEntries);
    }
}
