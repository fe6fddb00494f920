using DocumentFormat.OpenXml.Packaging;
using ParIndex.Application.Campaigns;
using ParIndex.Core.Workflow;
using ParIndex.Documents.Results;
using ParIndex.Documents.Tests.Support;

namespace ParIndex.Documents.Tests.Results;

/// <summary>
/// The ranking and campaign overview tables as PDF and xlsx (ADR 0129): the Decree 30 page setup
/// read back with PdfPig (A4 landscape, margins, Liberation Serif, page numbers from page 2, the
/// header on every page), numbers right-aligned with one number of decimals per column, and a
/// workbook without schema errors.
/// </summary>
public class ResultsTablePdfTests
{
    private static readonly DateTime Deadline = new(2031, 5, 31, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>A campaign overview of <paramref name="units"/> units, long enough to run over pages.</summary>
    private static CampaignDashboardView Overview(int units)
    {
        var rows = Enumerable.Range(1, units).Select(i => new DashboardRow(i, i, $"DV-{i:000}", $"Ủy ban nhân dân huyện Đồng Văn số {i}", "district",
            i % 3 == 0 ? AssessmentStatus.Submitted : AssessmentStatus.Draft, 90, i % 91, Math.Round((i % 91) * 100m / 90, 2), i % 7 == 0 ? 12.5m : 7.125m + i,
            i % 4, 2, i % 3, i % 3 == 0 ? null : Deadline, i % 5 == 0, i % 3 != 0 && i % 2 == 0)).ToList();
        var totals = new DashboardTotals(units, new Dictionary<AssessmentStatus, int> { [AssessmentStatus.Draft] = units - (units / 3), [AssessmentStatus.Submitted] = units / 3 },
            90 * units, rows.Sum(r => r.LeavesScored), 50m, rows.Sum(r => r.MissingEvidence), 2 * units, rows.Sum(r => r.AssignmentsFinished), rows.Count(r => r.Overdue), rows.Count(r => r.HasException));
        return new CampaignDashboardView(7, "Chỉ số CCHC cấp huyện", 2031, "PAR INDEX cấp huyện 2031", Deadline, null, null, false, Deadline.AddDays(-3), totals,
            new DashboardQuery(Sort: DashboardSort.Points, Descending: true), units, rows);
    }

    [Fact]
    public void The_campaign_overview_pdf_follows_the_decree_page_setup_over_several_pages()
    {
        using var stream = new MemoryStream();
        ResultsPdfWriter.Write(CampaignDashboardExport.Table(Overview(60)), stream);
        var pdf = stream.ToArray();
        File.WriteAllBytes(Artifacts.PathOf("campaign-overview.pdf"), pdf);

        Assert.True(PdfText.PageCount(pdf) >= 2, "60 units run over more than one page");
        DecreeGeometry.AssertA4(pdf);
        using (var read = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            Assert.All(read.GetPages(), p => Assert.True(p.Width > p.Height, $"page {p.Number} is landscape (the wide table as an annex)"));
        }

        DecreeGeometry.AssertMargins(pdf);
        DecreeGeometry.AssertLiberationSerifEmbedded(pdf);
        DecreeGeometry.AssertPageNumbersAtTopFromPage2(pdf);
        // Title 14 pt, notes and cells 11 pt (the Decree's smaller size for tables).
        Assert.Contains(14, DecreeGeometry.FontSizes(pdf, 1));
        Assert.Equal([11.0, 14.0], DecreeGeometry.FontSizes(pdf, 1).Distinct().Order());
        Assert.Equal([11.0], DecreeGeometry.FontSizes(pdf, 2).Distinct());

        var words = DecreeGeometry.BodyWords(pdf);
        // The header repeats on the next page.
        Assert.Contains(words, w => w.Page == 2 && w.Text == "Tên");
        // Points: three decimals down the column (7,125 needs them), right edges in line.
        var points = words.Where(w => System.Text.RegularExpressions.Regex.IsMatch(w.Text, @"^\d+,\d{3}$")).ToList();
        Assert.True(points.Any(w => w.Text == "12,500"), string.Join(" ", words.Where(w => w.Page == 1).Select(w => w.Text)));
        Assert.Contains(points, w => w.Text == "8,125");
        var rights = points.Where(w => w.Page == 1).Select(w => w.Right).ToList();
        Assert.True(rights.Max() - rights.Min() < 1, $"points right-aligned: right edges from {rights.Min():0.0} to {rights.Max():0.0}");
        // Indices (Đã chấm %): two decimals.
        Assert.Contains(words, w => w.Text == "1,11");
        Assert.Contains(words, w => w.Text == "(gia" || w.Text == "hạn");
    }

    [Fact]
    public void The_campaign_overview_workbook_has_no_schema_errors_and_numeric_cells()
    {
        using var stream = new MemoryStream();
        CampaignDashboardExport.Write(Overview(8), DashboardExportFormat.Xlsx, stream);
        stream.Position = 0;
        using var workbook = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(OpenXmlChecks.Errors(workbook));
        var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        Assert.Contains(cells, c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number && c.CellValue!.Text == "12.5");
        Assert.Contains(cells, c => c.InnerText.Contains("Cả kỳ đánh giá (8 đơn vị)", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_columns_with_a_pdf_width_are_printed_and_a_table_without_any_is_refused()
    {
        var table = new ResultsTable("Bảng", [], [new("Mã", ResultsColumnKind.Text), new("Tên", ResultsColumnKind.Text, 10)],
            [[ResultsValue.Of("MA-KIN"), ResultsValue.Of("Tên hiện")]]);
        using var stream = new MemoryStream();
        ResultsPdfWriter.Write(table, stream);
        var text = PdfText.Joined(stream.ToArray());
        Assert.Contains("Tên hiện", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MA-KIN", text, StringComparison.Ordinal);

        var none = new ResultsTable("Bảng", [], [new("Mã", ResultsColumnKind.Text)], []);
        Assert.Throws<ArgumentException>(() => ResultsPdfWriter.Write(none, new MemoryStream()));
    }
}
