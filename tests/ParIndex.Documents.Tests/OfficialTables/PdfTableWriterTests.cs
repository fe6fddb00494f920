using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Tests.Support;

namespace ParIndex.Documents.Tests.OfficialTables;

public class PdfTableWriterTests
{
    private static byte[] Write(AssessmentTableDocument document)
    {
        using var stream = new MemoryStream();
        PdfTableWriter.Write(document, stream);
        return stream.ToArray();
    }

    private static AssessmentTableDocument HandMade() =>
        AssessmentTableDocumentFactory.FromOfficialTable(HandMadeTables.SeedExcerpt());

    private static AssessmentTableDocument FromSeed() =>
        AssessmentTableDocumentFactory.FromOfficialTable(Seed.Table());

    [Fact]
    public void Seed_pdf_contains_the_exact_Vietnamese_strings()
    {
        var text = PdfText.Joined(Write(FromSeed()));

        Assert.Contains("BIỂU TỰ ĐÁNH GIÁ", text);
        Assert.Contains("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH TỈNH BẮC GIANG NĂM 2023", text);
        Assert.Contains("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", text);
        Assert.Contains("Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận trong năm được giải quyết đúng hạn", text);
        Assert.Contains("65,249", text);
        Assert.Contains("1,4981", text);
        Assert.Contains("TỔNG ĐIỂM", text);
    }

    [Fact]
    public void Every_letter_is_set_in_the_embedded_Liberation_Serif()
    {
        Assert.Equal(["Liberation Serif"], PdfText.FontFamilies(Write(FromSeed())));
        DecreeGeometry.AssertLiberationSerifEmbedded(Write(FromSeed()));
    }

    [Fact]
    public void The_table_keeps_the_Decree_30_page_setup_as_a_landscape_annex()
    {
        var pdf = Write(FromSeed());

        DecreeGeometry.AssertA4(pdf);
        DecreeGeometry.AssertMargins(pdf);
        DecreeGeometry.AssertPageNumbersAtTopFromPage2(pdf);
        // Cells are the annex size the ADR chose (11 pt), the title is body size (14 pt).
        var sizes = DecreeGeometry.FontSizes(pdf, 2);
        Assert.Equal([11.0], sizes.Distinct());
        Assert.Contains(14.0, DecreeGeometry.FontSizes(pdf, 1));
    }

    [Fact]
    public void No_word_runs_off_the_page()
    {
        var words = PdfText.Words(Write(FromSeed())).Concat(PdfText.Words(Write(HandMade()))).ToList();

        Assert.NotEmpty(words);
        Assert.All(words, w =>
        {
            Assert.True(w.Left >= 0 && w.Bottom >= 0 && w.Right <= w.PageWidth && w.Top <= w.PageHeight, $"'{w.Text}' on page {w.Page} at ({w.Left:0.#},{w.Bottom:0.#})-({w.Right:0.#},{w.Top:0.#}) leaves the page {w.PageWidth}x{w.PageHeight}");
        });
    }

    [Fact]
    public void Pages_are_landscape_A4_and_the_header_repeats_on_every_page()
    {
        var pdf = Write(HandMade());
        var words = PdfText.Words(pdf);
        var texts = PdfText.PageTexts(pdf);
        var pages = PdfText.PageCount(pdf);

        Assert.True(pages >= 2, "the long explanation should push the table onto a second page");
        Assert.All(words, w => Assert.True(w.PageWidth > w.PageHeight && Math.Abs(w.PageWidth - 841.9) < 1));
        for (var page = 1; page <= pages; page++)
        {
            var pageText = texts[page - 1];
            Assert.Contains("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", pageText);
            Assert.Contains("Điểm tự đánh giá", pageText);
        }

        DecreeGeometry.AssertPageNumbersAtTopFromPage2(pdf);
    }

    [Fact]
    public void A_long_explanation_is_wrapped_and_kept_whole()
    {
        var text = PdfText.Joined(Write(HandMade()));

        // The explanation spans many lines and may cross a page; each paragraph's last words are there.
        Assert.Contains("cấp bản sao tài liệu).", text);
        Assert.Contains("những gì mà người dân và doanh nghiệp mong muốn.", text);
    }

    [Fact]
    public void Seed_pdf_page_images_for_people_to_look_at()
    {
        var path = Artifacts.PathOf("bac-giang-2023-self-assessment.pdf");
        File.WriteAllBytes(path, Write(FromSeed()));
        Artifacts.Run("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "3", path, Artifacts.PathOf("bac-giang-2023-self-assessment-pdf"));
        // A close-up of the title block at print resolution, where stacked marks (Ầ, Ắ, Ề, Ố) show.
        Artifacts.Run("pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", "-x", "550", "-y", "60", "-W", "1250", "-H", "260", path, Artifacts.PathOf("bac-giang-2023-self-assessment-pdf-title"));

        // pdftoppm pads the page number to the width of the page count (-1, -01).
        Assert.NotEmpty(Directory.GetFiles(Artifacts.Directory, "bac-giang-2023-self-assessment-pdf-*1.png"));
        Assert.NotEmpty(Directory.GetFiles(Artifacts.Directory, "bac-giang-2023-self-assessment-pdf-title-*1.png"));
    }

    [Fact]
    public void Writes_a_page_image_for_people_to_look_at()
    {
        var path = Artifacts.PathOf("self-assessment-excerpt.pdf");
        File.WriteAllBytes(path, Write(HandMade()));
        Artifacts.Run("pdftoppm", "-png", "-r", "70", path, Artifacts.PathOf("self-assessment-excerpt-pdf"));

        Assert.True(File.Exists(Artifacts.PathOf("self-assessment-excerpt-pdf-1.png")));
    }
}
