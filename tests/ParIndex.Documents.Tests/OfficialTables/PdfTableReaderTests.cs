using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ParIndex.Core.Numbers;
using ParIndex.Core.OfficialTables;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Tests.Support;

namespace ParIndex.Documents.Tests.OfficialTables;

/// <summary>
/// Tables read straight from PDF (issue 14): this app's own export, a browser's print of an HTML
/// table (the test's Chromium), and LibreOffice's PDF of the app's docx. Each round trip gives the
/// seed's 133 nodes, titles, figures and totals; explanations come back with their words (a PDF
/// does not keep where a paragraph ended, so whitespace is compared collapsed).
/// </summary>
public sealed class PdfTableReaderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("parindex-pdf-table-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    internal static byte[] ExportPdf(OfficialTable table)
    {
        using var stream = new MemoryStream();
        PdfTableWriter.Write(AssessmentTableDocumentFactory.FromOfficialTable(table), stream);
        return stream.ToArray();
    }

    private static OfficialTable Read(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        return OfficialTableFileReader.Read(stream);
    }

    internal static void AssertSameTable(OfficialTable expected, OfficialTable actual)
    {
        var e = expected.AllRows().ToList();
        var a = actual.AllRows().ToList();
        Assert.Equal(e.Select(r => r.Code), a.Select(r => r.Code));
        Assert.Equal(e.Select(r => r.Title), a.Select(r => r.Title));
        Assert.Equal(e.Select(r => r.Max), a.Select(r => r.Max));
        Assert.Equal(e.Select(r => r.Score), a.Select(r => r.Score));
        Assert.Equal(e.Select(r => r.IsSurvey), a.Select(r => r.IsSurvey));
        Assert.Equal(e.Select(r => Collapse(r.Explanation)), a.Select(r => Collapse(r.Explanation)));
        Assert.Equal(expected.StatedTotalMax, actual.StatedTotalMax);
        Assert.Equal(expected.StatedTotalScore, actual.StatedTotalScore);
        Assert.Equal(expected.ComputedTotalScore, actual.ComputedTotalScore);
        Assert.Equal(OfficialTableVerifier.Verify(expected), OfficialTableVerifier.Verify(actual));
    }

    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public void The_apps_own_pdf_export_reads_back_as_the_seed()
    {
        var seed = Seed.Table();
        var pdf = ExportPdf(seed);

        var back = Read(pdf);

        Assert.Equal(133, back.AllRows().Count());
        AssertSameTable(seed, back);
        Assert.Equal(seed.Title, back.Title);
    }

    [Fact]
    public void A_pdf_printed_by_a_browser_from_an_html_table_reads_back_as_the_seed()
    {
        var seed = Seed.Table();
        var html = Path.Combine(dir, "table.html");
        File.WriteAllText(html, Html(seed), Encoding.UTF8);
        var pdf = Path.Combine(dir, "table.pdf");

        Artifacts.Run(Chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(dir, "profile")}",
            $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri);
        File.Copy(pdf, Artifacts.PathOf("bac-giang-2023-self-assessment-html.pdf"), overwrite: true);

        var back = Read(File.ReadAllBytes(pdf));

        Assert.True(PdfText.PageCount(File.ReadAllBytes(pdf)) > 5);
        AssertSameTable(seed, back);
    }

    [Fact]
    public void A_pdf_of_a_word_table_made_by_LibreOffice_reads_back_as_the_seed()
    {
        var seed = Seed.Table();
        var docx = Path.Combine(dir, "table.docx");
        using (var stream = File.Create(docx))
        {
            DocxTableWriter.Write(AssessmentTableDocumentFactory.FromOfficialTable(seed), stream);
        }

        Artifacts.Run("soffice", $"-env:UserInstallation=file://{dir}/profile", "--headless", "--convert-to", "pdf", "--outdir", dir, docx);

        // LibreOffice centres the header cells vertically: "Điểm" stands above the STT line.
        var back = Read(File.ReadAllBytes(Path.Combine(dir, "table.pdf")));

        AssertSameTable(seed, back);
    }

    [Fact]
    public void A_wrong_subtotal_in_a_pdf_is_reported_with_its_line()
    {
        var excerpt = HandMadeTables.SeedExcerpt();
        var field = excerpt.Rows[0];
        var changed = new OfficialTable
        {
            TitleLines = excerpt.TitleLines,
            StatedTotalMax = excerpt.StatedTotalMax,
            StatedTotalScore = excerpt.StatedTotalScore,
            Rows = [.. excerpt.Rows.Select(r => r == field ? Copy(r, score: 9m) : r)],
        };

        var back = Read(ExportPdf(changed));

        var mismatch = OfficialTableVerifier.Verify(back)[0];
        Assert.Equal(new TableMismatch("1", OfficialTableVerifier.ScoreKind, 9m, 9.5m), mismatch);
        Assert.Equal(back.Rows[0].SourceLine, mismatch.Line);
        Assert.True(mismatch.Line > 4, "the line is counted over the PDF, below the title block");
    }

    [Fact]
    public void A_pdf_without_a_table_names_the_line_most_like_a_header()
    {
        var html = Path.Combine(dir, "letter.html");
        File.WriteAllText(html, "<!doctype html><meta charset=utf-8><body style='font-size:12pt'>"
            + "<p>UBND TỈNH BẮC GIANG</p><p>Báo cáo kết quả cải cách hành chính</p><p>TT Nội dung tiêu chí</p>"
            + string.Concat(Enumerable.Range(1, 30).Select(i => $"<p>Đoạn văn thứ {i} của báo cáo.</p>")) + "</body>", Encoding.UTF8);
        var pdf = Path.Combine(dir, "letter.pdf");
        Artifacts.Run(Chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(dir, "profile")}",
            $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri);

        var ex = Assert.Throws<OfficialTableFormatException>(() => Read(File.ReadAllBytes(pdf)));

        Assert.Equal(3, ex.Line);
        Assert.Contains("không tìm thấy hàng tiêu đề", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"TT Nội dung tiêu chí\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_pdf_is_a_format_error_not_a_crash()
    {
        var pdf = ExportPdf(HandMadeTables.SeedExcerpt());

        var ex = Assert.Throws<OfficialTableFormatException>(() => Read(pdf[..(pdf.Length / 3)]));

        Assert.Equal(1, ex.Line);
    }

    private static OfficialTableRow Copy(OfficialTableRow row, decimal score) => new()
    {
        Code = row.Code,
        Title = row.Title,
        Max = row.Max,
        Score = score,
        Explanation = row.Explanation,
        IsSurvey = row.IsSurvey,
        SourceLine = row.SourceLine,
        Children = row.Children,
    };

    internal static string Chromium() =>
        Environment.GetEnvironmentVariable("PARINDEX_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The table as a plain HTML page: title block, a header that the browser repeats on each page, one row per criterion.</summary>
    internal static string Html(OfficialTable table)
    {
        static string Number(decimal? value) => value is { } v ? VietnameseNumbers.FormatPoints(v) : "";
        var html = new StringBuilder("""
            <!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
            @page { size: A4 landscape; margin: 15mm; }
            body { font-family: "Liberation Serif", serif; font-size: 11pt; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; }
            </style></head><body>
            """);
        html.Append("<p style=\"text-align:center\">").Append(string.Join("<br>", table.TitleLines.Select(WebUtility.HtmlEncode))).Append("</p>");
        html.Append("<table><thead><tr><th>STT</th><th>Lĩnh vực/Tiêu chí/Tiêu chí thành phần</th><th>Điểm chuẩn</th><th>Điểm tự đánh giá</th><th>Giải trình</th></tr></thead><tbody>");
        foreach (var row in table.AllRows())
        {
            html.Append("<tr><td>").Append(row.Code).Append("</td><td>").Append(WebUtility.HtmlEncode(row.Title))
                .Append("</td><td>").Append(Number(row.Max)).Append("</td><td>").Append(Number(row.Score))
                .Append("</td><td>").Append(WebUtility.HtmlEncode(row.Explanation).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</td></tr>");
        }

        html.Append("<tr><td></td><td><b>TỔNG ĐIỂM</b></td><td>").Append(Number(table.StatedTotalMax)).Append("</td><td>")
            .Append(Number(table.StatedTotalScore)).Append("</td><td></td></tr></tbody></table>");
        html.Append("<p style=\"text-align:right\">Bắc Giang, ngày 15 tháng 01 năm 2024<br><b>CHỦ TỊCH</b></p></body></html>");
        return html.ToString();
    }
}
