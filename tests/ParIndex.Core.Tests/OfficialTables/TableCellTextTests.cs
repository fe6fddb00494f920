using ParIndex.Core.OfficialTables;

namespace ParIndex.Core.Tests.OfficialTables;

public class TableCellTextTests
{
    [Theory]
    [InlineData("<b>9,5</b>", "9,5")]
    [InlineData("**BIỂU TỰ ĐÁNH GIÁ**  ", "BIỂU TỰ ĐÁNH GIÁ")]
    [InlineData("a &lt; b &amp;&amp; c", "a < b && c")]
    [InlineData("tỷ lệ a < b và c > d", "tỷ lệ a < b và c > d")]
    [InlineData("<p>Một</p> <p>Hai</p>", "Một Hai")]
    [InlineData("Xem <a href=\"https://x.vn\">https://x.vn</a>.", "Xem https://x.vn.")]
    [InlineData("Xem <A HREF='https://x.vn/a?b=1&amp;c=2'>cổng</A>", "Xem cổng (https://x.vn/a?b=1&c=2)")]
    [InlineData("giá 5$ và 10$", "giá 5$ và 10$")]
    [InlineData("$K = \\frac{a + b}{2} \\times 100 \\geq 20\\%$ .", "K = (a + b)/2 × 100 ≥ 20%.")]
    [InlineData("$\\text{Tỷ lệ} = 98,5$", "Tỷ lệ = 98,5")]
    [InlineData("  nhiều   khoảng\u00A0trắng  ", "nhiều khoảng trắng")]
    public void Cleans_markup_into_readable_text(string raw, string expected) =>
        Assert.Equal(expected, TableCellText.Clean(raw));

    [Fact]
    public void Composes_decomposed_vietnamese() =>
        Assert.Equal("Điều tra xã hội học", TableCellText.Clean("Điều tra xã hội học".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void Splits_paragraphs_and_tells_whether_they_are_open()
    {
        var open = TableCellText.Paragraphs("1. Một", out var starts, out var ends);
        Assert.Equal(["1. Một"], open);
        Assert.False(starts);
        Assert.False(ends);

        var marked = TableCellText.Paragraphs("<p>tiếp</p> <p>2. Hai</p><br/>3. Ba", out starts, out ends);
        Assert.Equal(["tiếp", "2. Hai", "3. Ba"], marked);
        Assert.True(starts);
        Assert.False(ends);
    }
}
