using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Results;
using ParIndex.Documents.Tests.Appraisal;
using ParIndex.Documents.Tests.Support;

namespace ParIndex.Documents.Tests.Results;

public class ResultsReportTests
{
    [Fact]
    public void Field_indices_come_from_the_final_points_of_the_appraisal()
    {
        var report = ResultsReportFactory.FromTable(AppraisalSamples.SeedAppraisal());

        Assert.Equal(8, report.Fields.Count);
        Assert.Equal(["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", "TỈNH BẮC GIANG NĂM 2023"], report.TitleLines);
        var field2 = report.Fields.Single(f => f.Code == "2");
        Assert.Equal(9.2m, field2.Points);
        Assert.Equal(92m, field2.IndexPercent);
        Assert.Equal(100m, report.TotalMax);
        Assert.Equal(90.2564m, report.TotalIndexPercent);
    }

    [Fact]
    public void Radar_chart_renders_headless_to_a_png()
    {
        var report = ResultsReportFactory.FromTable(AssessmentTableDocumentFactory.FromOfficialTable(Seed.Table()));

        var png = RadarChart.RenderPng(report.Fields, 600, 600);
        File.WriteAllBytes(Artifacts.PathOf("bac-giang-2023-radar.png"), png);

        Assert.True(png.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
        Assert.True(png.Length > 10_000, "a chart with a filled polygon and labels is not a blank image");
    }

    [Fact]
    public void Results_pdf_has_the_field_table_the_index_and_the_chart_on_the_page()
    {
        var report = ResultsReportFactory.FromTable(AppraisalSamples.SeedAppraisal());
        using var stream = new MemoryStream();
        ResultsReportPdfWriter.Write(report, stream);
        var pdf = stream.ToArray();
        var path = Artifacts.PathOf("bac-giang-2023-results.pdf");
        File.WriteAllBytes(path, pdf);
        Artifacts.Run("pdftoppm", "-png", "-r", "70", path, Artifacts.PathOf("bac-giang-2023-results-pdf"));

        var text = PdfText.Joined(pdf);
        Assert.Contains("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", text);
        Assert.Contains("90,2564", text);
        Assert.Contains("90,26", text);
        Assert.Contains("Biểu đồ chỉ số thành phần theo lĩnh vực", text);
        Assert.Equal(1, PdfText.PageCount(pdf));
        Assert.All(PdfText.Words(pdf), w => Assert.True(w.Left >= 0 && w.Right <= w.PageWidth && w.Bottom >= 0 && w.Top <= w.PageHeight, w.Text));
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var chart = Assert.Single(document.GetPage(1).GetImages());
        Assert.True(chart.BoundingBox.Width > 200 && chart.BoundingBox.Left >= 0 && chart.BoundingBox.Right <= document.GetPage(1).Width && chart.BoundingBox.Bottom >= 0);
    }

    [Fact]
    public void Results_pdf_lists_the_sipas_per_component_when_the_unit_has_a_survey()
    {
        var report = ResultsReportFactory.FromTable(AppraisalSamples.SeedAppraisal());
        report = new ResultsReportDocument
        {
            TitleLines = report.TitleLines,
            Subtitle = report.Subtitle,
            Fields = report.Fields,
            TotalMax = report.TotalMax,
            TotalPoints = report.TotalPoints,
            Satisfaction =
            [
                new SatisfactionResult("8.1.1", "Chỉ số hài lòng về tiếp cận dịch vụ", 1234, 1125, 91.16m),
                new SatisfactionResult("8.1.2", "Chỉ số hài lòng về tổ chức giải quyết TTHC", 1230, 1000, 81.3m),
            ],
        };
        using var stream = new MemoryStream();
        ResultsReportPdfWriter.Write(report, stream);
        var pdf = stream.ToArray();
        File.WriteAllBytes(Artifacts.PathOf("results-with-sipas.pdf"), pdf);

        var text = PdfText.Joined(pdf);
        Assert.Contains("Chỉ số hài lòng (SIPAS)", text);
        Assert.Contains("Chỉ số hài lòng về tiếp cận dịch vụ", text);
        Assert.Contains("1.234", text);
        Assert.Contains("91,16", text);
        Assert.Contains("81,3", text);
        Assert.All(PdfText.Words(pdf), w => Assert.True(w.Left >= 0 && w.Right <= w.PageWidth && w.Bottom >= 0 && w.Top <= w.PageHeight, w.Text));
    }
}
