using System.Diagnostics;
using ParIndex.Core.OfficialTables;
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

    // A hang guard, not a performance claim: before the fix a 1 MiB word took ≈ 400 s (every
    // growing prefix re-measured) and 10 MiB failed with WidthCannotBeNegative.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_1_MiB_word_is_broken_in_bounded_lines_that_fit_and_end_with_the_cut_marker()
    {
        PdfFontSetup.EnsureInstalled();
        using var pdf = new PdfSharpDocument();
        using var gfx = XGraphics.FromPdfPage(pdf.AddPage());
        var font = new XFont(EmbeddedFonts.FamilyName, 8.5, XFontStyleEx.Regular);
        var word = string.Concat(Enumerable.Repeat("ĐàoTạoCánBộ", 1_048_576 / 11));

        var clock = Stopwatch.StartNew();
        var lines = PdfTablePainter.Wrap(gfx, word, font, 150);
        Assert.True(clock.Elapsed < HangGuard, $"wrapping took {clock.Elapsed}");

        Assert.InRange(lines.Count, PdfTablePainter.MaxLinesPerCell + 1, PdfTablePainter.MaxLinesPerCell + 3);
        Assert.All(lines, line => Assert.True(gfx.MeasureString(line, font).Width <= 150.01, $"'{line}' is wider than 150"));
        Assert.Equal(PdfTablePainter.CutMarker, string.Join(" ", lines.Skip(PdfTablePainter.MaxLinesPerCell)));
        Assert.StartsWith(string.Concat(lines.Take(PdfTablePainter.MaxLinesPerCell)), word, StringComparison.Ordinal);
    }

    [Fact]
    public void A_narrow_or_negative_width_and_combining_marks_never_fail_or_split_a_character()
    {
        PdfFontSetup.EnsureInstalled();
        using var pdf = new PdfSharpDocument();
        using var gfx = XGraphics.FromPdfPage(pdf.AddPage());
        var font = new XFont(EmbeddedFonts.FamilyName, 8.5, XFontStyleEx.Regular);
        // q + U+0301 has no precomposed form: it stays two UTF-16 units and one text element.
        var text = string.Concat(Enumerable.Repeat("q\u0301", 50));

        var negative = PdfTablePainter.Wrap(gfx, text, font, -20);
        var narrow = PdfTablePainter.Wrap(gfx, text, font, 12);

        Assert.Equal(50, negative.Count);
        Assert.All(negative.Concat(narrow), line => Assert.False(line.StartsWith('\u0301'), "a mark was cut from its letter"));
        Assert.Equal(text, string.Concat(narrow));
    }

    [Fact]
    public void Tables_with_a_1_MiB_word_and_a_10_MiB_explanation_render_a_valid_pdf()
    {
        var word = new string('x', 1_048_576);
        var text = string.Concat(Enumerable.Repeat("Giải trình kết quả thực hiện nhiệm vụ cải cách hành chính năm 2023. ", 10 * 1_048_576 / 70));
        foreach (var (explanation, name) in new[] { (word, "cut-1mib-word.pdf"), (text, "cut-10mib-explanation.pdf") })
        {
            var table = HandMadeTables.SeedExcerpt();
            var rows = table.Rows.ToList();
            rows[0] = new OfficialTableRow { Code = "1", Title = "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", Max = 9.5m, Score = 9.5m, Explanation = explanation, Children = rows[0].Children };
            var document = AssessmentTableDocumentFactory.FromOfficialTable(new OfficialTable { TitleLines = table.TitleLines, Rows = rows, StatedTotalMax = 100m, StatedTotalScore = 65.249m });

            var clock = Stopwatch.StartNew();
            using var stream = new MemoryStream();
            PdfTableWriter.Write(document, stream);
            Assert.True(clock.Elapsed < HangGuard, $"the PDF took {clock.Elapsed}");

            var pdf = stream.ToArray();
            File.WriteAllBytes(Artifacts.PathOf(name), pdf); // to look at: the marker ends the cut cell
            var pages = PdfText.PageCount(pdf);
            Assert.InRange(pages, 2, 60);
            var joined = PdfText.Joined(pdf);
            Assert.Contains("(đã rút gọn, xem bản xlsx)", joined, StringComparison.Ordinal);
            DecreeGeometry.AssertPageNumbersAtTopFromPage2(pdf);
        }
    }
}
