using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Tests.Support;

namespace ParIndex.Documents.Tests.OfficialTables;

public class DocxTableWriterTests
{
    private static byte[] Write(AssessmentTableDocument document)
    {
        using var stream = new MemoryStream();
        DocxTableWriter.Write(document, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Exported_docx_passes_the_Open_XML_validator()
    {
        foreach (var document in new[] { AssessmentTableDocumentFactory.FromOfficialTable(Seed.Table()), Appraisal.AppraisalSamples.SeedAppraisal() })
        {
            using var stream = new MemoryStream(Write(document));
            using var word = WordprocessingDocument.Open(stream, false);

            Assert.Empty(OpenXmlChecks.Errors(word));
        }
    }

    [Fact]
    public void Docx_is_landscape_A4_with_a_repeated_header_row_and_the_seed_rows()
    {
        using var stream = new MemoryStream(Write(AssessmentTableDocumentFactory.FromOfficialTable(Seed.Table())));
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        var table = body.Elements<Table>().Single();
        var rows = table.Elements<TableRow>().ToList();

        Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.Equal(16838u, size.Width!.Value);
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Equal(["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự đánh giá", "Giải trình"], rows[0].Elements<TableCell>().Select(c => c.InnerText));
        var field3 = rows.Single(r => r.Elements<TableCell>().First().InnerText == "3").Elements<TableCell>().ToList();
        Assert.Equal("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", field3[1].InnerText);
        Assert.Equal("12,9829", field3[3].InnerText);
        Assert.NotNull(field3[1].Descendants<Bold>().FirstOrDefault());
        var total = rows[^1].Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["", "TỔNG ĐIỂM", "100", "65,249", ""], total);
        Assert.Equal(Seed.Table().AllRows().Count() + 2, rows.Count);
    }

    [Fact]
    public void Docx_renders_through_LibreOffice_to_a_page_image()
    {
        var docx = Artifacts.PathOf("bac-giang-2023-self-assessment.docx");
        File.WriteAllBytes(docx, Write(AssessmentTableDocumentFactory.FromOfficialTable(Seed.Table())));
        var outDir = Path.Combine(Path.GetTempPath(), "parindex-docx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        try
        {
            // A private profile directory, so parallel runs do not fight over one LibreOffice profile.
            Artifacts.Run("soffice", $"-env:UserInstallation=file://{outDir}/profile", "--headless", "--convert-to", "pdf", "--outdir", outDir, docx);
            var pdf = File.ReadAllBytes(Path.Combine(outDir, "bac-giang-2023-self-assessment.pdf"));
            File.WriteAllBytes(Artifacts.PathOf("bac-giang-2023-self-assessment-docx.pdf"), pdf);
            Artifacts.Run("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", Artifacts.PathOf("bac-giang-2023-self-assessment-docx.pdf"), Artifacts.PathOf("bac-giang-2023-self-assessment-docx"));

            var text = PdfText.Joined(pdf);
            Assert.Contains("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", text);
            Assert.Contains("65,249", text);
            Assert.All(PdfText.Words(pdf), w => Assert.True(w.Left >= 0 && w.Right <= w.PageWidth + 0.5, w.Text));
            // One family throughout: a second one means the substitute for Times New Roman lacks
            // some Vietnamese letters and LibreOffice patched them in from another font.
            Assert.Single(PdfText.FontFamilies(pdf));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
