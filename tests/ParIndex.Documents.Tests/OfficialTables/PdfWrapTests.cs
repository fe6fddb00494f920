using ParIndex.Documents.Fonts;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Tests.Support;
using PdfSharp.Drawing;
using PdfSharpDocument = PdfSharp.Pdf.PdfDocument;

namespace ParIndex.Documents.Tests.OfficialTables;

public class PdfWrapTests
{
    [Theory]
    [InlineData(120)]
    [InlineData(250)]
    [InlineData(400)]
    public void Every_wrapped_line_fits_its_column_and_no_word_is_lost(double width)
    {
        PdfFontSetup.EnsureInstalled();
        using var pdf = new PdfSharpDocument();
        using var gfx = XGraphics.FromPdfPage(pdf.AddPage());
        var font = new XFont(EmbeddedFonts.FamilyName, 8.5, XFontStyleEx.Regular);
        var text = HandMadeTables.LongExplanation + "\nhttps://dichvucong.bacgiang.gov.vn/dich-vu-cong/tra-cuu-ho-so-truc-tuyen";

        var lines = PdfTablePainter.Wrap(gfx, text, font, width);

        Assert.All(lines, line => Assert.True(gfx.MeasureString(line, font).Width <= width + 0.01, $"'{line}' is wider than {width}"));
        var words = string.Join(" ", text.Split('\n')).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Concat(words), string.Concat(lines.Select(l => l.Replace(" ", "", StringComparison.Ordinal))));
    }
}
