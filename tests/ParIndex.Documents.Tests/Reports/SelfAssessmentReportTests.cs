using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParIndex.Documents.Reports;
using ParIndex.Documents.Tests.Support;

namespace ParIndex.Documents.Tests.Reports;

public class SelfAssessmentReportTests
{
    private static byte[] Pdf(SelfAssessmentReportDocument report)
    {
        using var stream = new MemoryStream();
        SelfAssessmentReportPdfWriter.Write(report, stream);
        return stream.ToArray();
    }

    private static byte[] Docx(SelfAssessmentReportDocument report)
    {
        using var stream = new MemoryStream();
        SelfAssessmentReportDocxWriter.Write(report, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Pdf_has_every_part_of_the_Decree_30_report_and_the_table_as_annex()
    {
        var pdf = Pdf(ReportSamples.BacGiang());
        var pages = PdfText.PageTexts(pdf);
        var first = pages[0];

        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", first);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", first);
        Assert.Contains("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", first);
        Assert.Contains("Số: 12/BC-UBND", first);
        Assert.Contains("Bắc Giang, ngày 05 tháng 01 năm 2024", first);
        Assert.Contains("BÁO CÁO", first);
        Assert.Contains("Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2023", first);
        var all = string.Join(" ", pages);
        Assert.Contains("Tổng điểm tự đánh giá: 65,249/100 điểm.", all);
        Assert.Contains("3. CẢI CÁCH THỦ TỤC HÀNH CHÍNH: 12,9829/", all);
        Assert.Contains("Tiêu chí 1.3.1", all);
        Assert.Contains("Kế hoạch kiểm tra đang chờ ký số.", all);
        Assert.Contains("chưa giải trình.", all);
        Assert.Contains("Hệ thống một cửa điện tử chưa kết nối", all);
        Assert.Contains("Đề nghị Bộ Nội vụ sớm ban hành", all);
        Assert.Contains("Nơi nhận:", all);
        Assert.Contains("- Bộ Nội vụ (để b/c)", all);
        Assert.Contains("TM. ỦY BAN NHÂN DÂN", all);
        Assert.Contains("CHỦ TỊCH", all);
        Assert.Contains("Nguyễn Văn Gấu", all);
        Assert.Contains("PHỤ LỤC", all);
        Assert.Contains("(Kèm theo Báo cáo số 12/BC-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh Bắc Giang)", all);
        Assert.Contains("Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận trong năm được giải quyết đúng hạn", all);
    }

    [Fact]
    public void Pdf_geometry_follows_Decree_30()
    {
        var pdf = Pdf(ReportSamples.BacGiang());

        DecreeGeometry.AssertA4(pdf);
        DecreeGeometry.AssertMargins(pdf);
        DecreeGeometry.AssertLiberationSerifEmbedded(pdf);
        DecreeGeometry.AssertPageNumbersAtTopFromPage2(pdf);
        var words = PdfText.Words(pdf);
        // The report is portrait, the annex landscape.
        Assert.True(words.First(w => w.Page == 1).PageHeight > words.First(w => w.Page == 1).PageWidth);
        var annexPage = words.First(w => w.Text == "LỤC").Page;
        Assert.True(words.First(w => w.Page == annexPage).PageWidth > words.First(w => w.Page == annexPage).PageHeight);
        // Body text is 14 pt: the commonest size on the report's pages.
        var sizes = Enumerable.Range(1, annexPage - 1).SelectMany(p => DecreeGeometry.FontSizes(pdf, p)).ToList();
        var body = sizes.GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key;
        Assert.InRange(body, 13, 14);
    }

    [Fact]
    public void The_motto_is_underlined_by_a_rule_as_long_as_the_motto()
    {
        // PdfPig sees the rule as a path; the motto's words give its extent.
        using var document = UglyToad.PdfPig.PdfDocument.Open(Pdf(ReportSamples.BacGiang()));
        var page = document.GetPage(1);
        var words = page.GetWords().ToList();
        var start = words.First(w => w.Text == "Độc");
        var motto = words.Where(w => Math.Abs(w.BoundingBox.Bottom - start.BoundingBox.Bottom) < 4 && w.BoundingBox.Left >= start.BoundingBox.Left).ToList(); // the motto's line
        var left = motto.Min(w => w.BoundingBox.Left);
        var right = motto.Max(w => w.BoundingBox.Right);
        var bottom = motto.Min(w => w.BoundingBox.Bottom);
        var rules = page.Paths.Select(p => p.GetBoundingRectangle()).Where(r => r is { } b && b.Height < 1 && b.Top < bottom && b.Top > bottom - 8).Select(r => r!.Value)
            .Where(r => r.Right > left && r.Left < right).ToList(); // not the rule under the unit's name
        var rule = Assert.Single(rules);
        Assert.True(Math.Abs(rule.Left - left) < 2 && Math.Abs(rule.Right - right) < 2, $"rule {rule.Left:0.#}–{rule.Right:0.#}, motto {left:0.#}–{right:0.#}");
    }

    [Fact]
    public void Report_page_images_for_people_to_look_at()
    {
        var path = Artifacts.PathOf("bac-giang-2023-report.pdf");
        File.WriteAllBytes(path, Pdf(ReportSamples.BacGiang()));
        Artifacts.Run("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "3", path, Artifacts.PathOf("bac-giang-2023-report-pdf"));

        Assert.NotEmpty(Directory.GetFiles(Artifacts.Directory, "bac-giang-2023-report-pdf-*1.png"));
    }

    [Fact]
    public void Docx_is_valid_with_the_Decree_30_sections_and_a_page_field_in_the_header()
    {
        using var stream = new MemoryStream(Docx(ReportSamples.BacGiang()));
        using var word = WordprocessingDocument.Open(stream, false);

        Assert.Empty(OpenXmlChecks.Errors(word));
        var main = word.MainDocumentPart!;
        var sections = main.Document!.Body!.Descendants<SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        foreach (var section in sections)
        {
            var margin = section.GetFirstChild<PageMargin>()!;
            Assert.InRange(margin.Top!.Value, 1134, 1417);     // 20–25 mm in twips
            Assert.InRange(margin.Bottom!.Value, 1134, 1417);
            Assert.InRange(margin.Left!.Value, 1701u, 1984u);   // 30–35 mm
            Assert.InRange(margin.Right!.Value, 850u, 1134u);   // 15–20 mm
            var size = section.GetFirstChild<PageSize>()!;
            Assert.Equal([11906u, 16838u], new[] { size.Width!.Value, size.Height!.Value }.Order());
            var reference = section.Elements<HeaderReference>().Single(h => h.Type! == HeaderFooterValues.Default);
            var header = (HeaderPart)main.GetPartById(reference.Id!);
            Assert.Contains(header.Header!.Descendants<SimpleField>(), f => f.Instruction!.Value!.Trim() == "PAGE");
        }

        // Page 1 (the report's first) has the empty first-page header; the annex numbers its first page.
        Assert.NotNull(sections[0].GetFirstChild<TitlePage>());
        Assert.Null(sections[1].GetFirstChild<TitlePage>());
        Assert.Equal(PageOrientationValues.Landscape, sections[1].GetFirstChild<PageSize>()!.Orient!.Value);
        var first = (HeaderPart)main.GetPartById(sections[0].Elements<HeaderReference>().Single(h => h.Type! == HeaderFooterValues.First).Id!);
        Assert.Empty(first.Header!.Descendants<SimpleField>());
        var fonts = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>().Single();
        Assert.Equal("Times New Roman", fonts.Ascii!.Value);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", main.Document.Body.InnerText);
    }

    [Fact]
    public void Docx_through_LibreOffice_has_the_same_geometry()
    {
        var docx = Artifacts.PathOf("bac-giang-2023-report.docx");
        File.WriteAllBytes(docx, Docx(ReportSamples.BacGiang()));
        var outDir = Path.Combine(Path.GetTempPath(), "parindex-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        try
        {
            Artifacts.Run("soffice", $"-env:UserInstallation=file://{outDir}/profile", "--headless", "--convert-to", "pdf", "--outdir", outDir, docx);
            var pdf = File.ReadAllBytes(Path.Combine(outDir, "bac-giang-2023-report.pdf"));
            File.WriteAllBytes(Artifacts.PathOf("bac-giang-2023-report-docx.pdf"), pdf);
            Artifacts.Run("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "3", Artifacts.PathOf("bac-giang-2023-report-docx.pdf"), Artifacts.PathOf("bac-giang-2023-report-docx"));

            DecreeGeometry.AssertA4(pdf);
            DecreeGeometry.AssertMargins(pdf);
            DecreeGeometry.AssertLiberationSerifEmbedded(pdf);
            DecreeGeometry.AssertPageNumbersAtTopFromPage2(pdf);
            var text = PdfText.Joined(pdf);
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
            Assert.Contains("65,249", text);
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public void Table_docx_through_LibreOffice_keeps_the_Decree_30_geometry()
    {
        var docx = Artifacts.PathOf("bac-giang-2023-self-assessment-decree.docx");
        using (var stream = new MemoryStream())
        {
            ParIndex.Documents.OfficialTables.DocxTableWriter.Write(ParIndex.Documents.OfficialTables.AssessmentTableDocumentFactory.FromOfficialTable(Seed.Table()), stream);
            File.WriteAllBytes(docx, stream.ToArray());
        }

        var outDir = Path.Combine(Path.GetTempPath(), "parindex-table-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        try
        {
            Artifacts.Run("soffice", $"-env:UserInstallation=file://{outDir}/profile", "--headless", "--convert-to", "pdf", "--outdir", outDir, docx);
            var pdf = File.ReadAllBytes(Path.Combine(outDir, "bac-giang-2023-self-assessment-decree.pdf"));

            DecreeGeometry.AssertA4(pdf);
            DecreeGeometry.AssertMargins(pdf);
            DecreeGeometry.AssertPageNumbersAtTopFromPage2(pdf);
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ten_MiB_of_difficulties_render_in_linear_time_and_are_cut_with_a_marker(bool manyParagraphs)
    {
        // 10 MiB of words, or of one-word paragraphs: both stop at the line budget and say so.
        var unit = manyParagraphs ? "khó khăn\n" : "khó khăn ";
        var text = string.Concat(Enumerable.Repeat(unit, 10 * 1024 * 1024 / unit.Length));
        var clock = Stopwatch.StartNew();
        var pdf = Pdf(ReportSamples.BacGiang(text));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the PDF took {clock.Elapsed}");

        File.WriteAllBytes(Artifacts.PathOf($"report-10mib-difficulties-{(manyParagraphs ? "paragraphs" : "words")}.pdf"), pdf);
        Assert.InRange(PdfText.PageCount(pdf), 10, 60);
        Assert.Contains("(đã rút gọn, xem bản docx)", PdfText.Joined(pdf), StringComparison.Ordinal);
        // What follows the cut text is still there.
        Assert.Contains("Đề nghị Bộ Nội vụ sớm ban hành", PdfText.Joined(pdf), StringComparison.Ordinal);
    }
}
