using ParIndex.Core.Numbers;
using ParIndex.Documents.OfficialTables;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ParIndex.Documents.Results;

/// <summary>
/// Writes the results report as PDF (portrait A4, Decree 30 page setup): title, a table of the fields (maximum, points, component
/// index), the total with the PAR INDEX, the SIPAS per component when there is a survey, and the
/// radar chart of the component indices.
/// </summary>
public static class ResultsReportPdfWriter
{
    private const double ChartSize = 300; // points, square, when the page has room
    private const double SmallestChart = 230;
    private const double CaptionHeight = 18;

    public static void Write(ResultsReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var pdf = new PdfDocument();
        pdf.Info.Title = string.Join(" ", report.TitleLines);
        pdf.Info.Creator = "ParIndex";

        string[] headers = ["STT", "Lĩnh vực", "Điểm chuẩn", "Điểm đạt được", "Chỉ số thành phần (%)"];
        var painter = new PdfTablePainter(pdf, [6, 58, 12, 12, 12], headers.Select(h => new PdfCell(h, true, CellAlignment.Center)).ToList(), PageOrientation.Portrait);
        painter.DrawCentredLines(report.TitleLines, 14, XFontStyleEx.Bold, 2);
        if (report.Subtitle.Length > 0)
        {
            painter.DrawCentredLines([report.Subtitle], 13, XFontStyleEx.Italic, 8);
        }

        if (report.Notes.Count > 0)
        {
            painter.DrawCentredLines(report.Notes, 11, XFontStyleEx.Regular, 6);
        }

        painter.DrawHeader();
        foreach (var field in report.Fields)
        {
            painter.DrawRow(
            [
                new PdfCell(field.Code, false, CellAlignment.Center),
                new PdfCell(field.Title, false, CellAlignment.Left),
                new PdfCell(VietnameseNumbers.FormatPoints(field.Max), false, CellAlignment.Center),
                new PdfCell(VietnameseNumbers.FormatPoints(field.Points), false, CellAlignment.Center),
                new PdfCell(Percent(field.IndexPercent), false, CellAlignment.Center),
            ]);
        }

        painter.DrawRow(
        [
            new PdfCell("", true, CellAlignment.Center),
            new PdfCell("TỔNG ĐIỂM — CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", true, CellAlignment.Left),
            new PdfCell(VietnameseNumbers.FormatPoints(report.TotalMax), true, CellAlignment.Center),
            new PdfCell(VietnameseNumbers.FormatPoints(report.TotalPoints), true, CellAlignment.Center),
            new PdfCell(Percent(report.TotalIndexPercent), true, CellAlignment.Center),
        ]);

        if (report.Satisfaction.Count > 0)
        {
            // Same five columns as the field table, so the page keeps one grid.
            painter.Y += 8;
            painter.DrawRow(
            [
                new PdfCell("Mã", true, CellAlignment.Center),
                new PdfCell("Chỉ số hài lòng (SIPAS) — thành phần", true, CellAlignment.Left),
                new PdfCell("Câu trả lời hợp lệ", true, CellAlignment.Center),
                new PdfCell("Hài lòng (mức 4–5)", true, CellAlignment.Center),
                new PdfCell("SIPAS (%)", true, CellAlignment.Center),
            ]);
            foreach (var component in report.Satisfaction)
            {
                painter.DrawRow(
                [
                    new PdfCell(component.Code, false, CellAlignment.Center),
                    new PdfCell(component.Title, false, CellAlignment.Left),
                    new PdfCell(VietnameseNumbers.FormatPoints(component.ValidAnswers), false, CellAlignment.Center),
                    new PdfCell(VietnameseNumbers.FormatPoints(component.SatisfiedAnswers), false, CellAlignment.Center),
                    new PdfCell(Percent(component.Percent), false, CellAlignment.Center),
                ]);
            }
        }

        if (report.Fields.Count >= 3)
        {
            // The chart shrinks a little to stay on the table's page, or moves whole to the next one.
            painter.Y += 8;
            var room = painter.SpaceLeft - CaptionHeight;
            var size = room >= SmallestChart ? Math.Min(ChartSize, room) : ChartSize;
            var top = painter.Reserve(size + CaptionHeight);
            var caption = new XFont(Fonts.EmbeddedFonts.SerifFamilyName, 12, XFontStyleEx.Bold);
            painter.Graphics.DrawString("Biểu đồ chỉ số thành phần theo lĩnh vực", caption, XBrushes.Black,
                new XRect(PdfTablePainter.LeftMargin, top, painter.ContentWidth, CaptionHeight), XStringFormats.TopCenter);
            var png = RadarChart.RenderPng(report.Fields);
            using var image = XImage.FromStream(new MemoryStream(png));
            painter.Graphics.DrawImage(image, PdfTablePainter.LeftMargin + ((painter.ContentWidth - size) / 2), top + CaptionHeight, size, size);
        }

        painter.Finish();
        pdf.Save(output, closeStream: false);
    }

    private static string Percent(decimal? value) => value is { } v ? VietnameseNumbers.FormatPercent(v).TrimEnd('%') : "—";
}
