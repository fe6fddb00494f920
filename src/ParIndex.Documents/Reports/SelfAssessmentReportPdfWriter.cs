using ParIndex.Core.Numbers;
using ParIndex.Documents.Fonts;
using ParIndex.Documents.Layout;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Signing;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ParIndex.Documents.Reports;

/// <summary>
/// Writes the self-assessment report as PDF: portrait A4 pages with the Decree 30 setup (body
/// 14 pt Liberation Serif, embedded), then the official table as a landscape annex, every page
/// from the second numbered at the top.
/// </summary>
public static class SelfAssessmentReportPdfWriter
{
    /// <summary>Lines one text the unit entered may take (≈ 15 pages); the rest is cut with <see cref="CutMarker"/>.</summary>
    internal const int MaxLinesPerText = 500;

    internal const string CutMarker = "…(đã rút gọn, xem bản docx)";

    /// <summary>Writes the report; returns where its signature block is, for the visible digital signature.</summary>
    public static ReportSignatureBlock Write(SelfAssessmentReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        PdfFontSetup.EnsureInstalled();
        using var pdf = new PdfDocument();
        pdf.Info.Title = string.Join(" ", report.TitleLines);
        pdf.Info.Creator = "ParIndex";

        var flow = new PdfFlow(pdf);
        DrawHeading(flow, report);
        DrawContent(flow, report);
        var block = DrawClosing(flow, report);
        flow.Close();

        PdfTableWriter.Paint(SelfAssessmentReportContent.Annex(report), pdf);
        pdf.Save(output, closeStream: false);
        return block;
    }

    private static void DrawHeading(PdfFlow flow, SelfAssessmentReportDocument report)
    {
        // Two columns as in the Decree's model: issuing body left, motto right, the same top line.
        var left = flow.ContentWidth * 0.4;
        var right = flow.ContentWidth - left;
        var top = flow.Y;
        var leftX = PdfTablePainter.LeftMargin;
        var rightX = leftX + left;

        var y = top;
        if (report.SuperiorBody.Length > 0)
        {
            y = flow.Centred(report.SuperiorBody.ToUpperInvariant(), flow.Font(13, XFontStyleEx.Regular), leftX, left, y);
        }

        var unitFont = flow.Font(13, XFontStyleEx.Bold);
        y = flow.Centred(report.UnitName.ToUpperInvariant(), unitFont, leftX, left, y);
        y = flow.Rule(leftX, left, y, left / 3);
        y = flow.Centred(report.NumberLine, flow.Font(13, XFontStyleEx.Regular), leftX, left, y + 6);
        var leftBottom = y;

        y = flow.Centred(SelfAssessmentReportContent.Nation, flow.Font(12, XFontStyleEx.Bold), rightX, right, top);
        var motto = flow.Font(13, XFontStyleEx.Bold);
        y = flow.Centred(SelfAssessmentReportContent.Motto, motto, rightX, right, y);
        // The Decree underlines the motto with a rule as long as the motto itself.
        y = flow.Rule(rightX, right, y, flow.Width(SelfAssessmentReportContent.Motto, motto));
        y = flow.Centred(report.PlaceAndDate, flow.Font(14, XFontStyleEx.Italic), rightX, right, y + 6);

        flow.Y = Math.Max(leftBottom, y) + 18;
        var title = flow.Font(DecreePageSetup.BodyPoints, XFontStyleEx.Bold);
        foreach (var line in report.TitleLines)
        {
            flow.Paragraph(line, title, XStringAlignment.Center, indent: 0, spacingAfter: 0);
        }

        flow.Y = flow.Rule(PdfTablePainter.LeftMargin, flow.ContentWidth, flow.Y, flow.ContentWidth / 4) + 12;
    }

    private static void DrawContent(PdfFlow flow, SelfAssessmentReportDocument report)
    {
        var body = flow.Font(DecreePageSetup.BodyPoints, XFontStyleEx.Regular);
        var bold = flow.Font(DecreePageSetup.BodyPoints, XFontStyleEx.Bold);
        const double Indent = 36; // ≈ 1,27 cm first-line indent

        foreach (var section in SelfAssessmentReportContent.Sections(report))
        {
            flow.Paragraph(section.Heading, bold, XStringAlignment.Near, Indent, spacingAfter: 6);
            // One budget of lines per section, however many paragraphs the text has.
            var budget = MaxLinesPerText;
            for (var i = 0; i < section.Paragraphs.Count; i++)
            {
                if (budget <= 0)
                {
                    flow.Paragraph(CutMarker, body, XStringAlignment.Near, Indent, spacingAfter: 6);
                    break;
                }

                budget -= flow.Paragraph(section.Paragraphs[i], body, XStringAlignment.Near, Indent, spacingAfter: 6, budget);
            }
        }
    }

    private static ReportSignatureBlock DrawClosing(PdfFlow flow, SelfAssessmentReportDocument report)
    {
        var recipients = report.RecipientLines;
        var signer = SelfAssessmentReportContent.SignerLines(report);
        var labelFont = flow.Font(12, XFontStyleEx.BoldItalic);
        var recipientFont = flow.Font(11, XFontStyleEx.Regular);
        var signerFont = flow.Font(14, XFontStyleEx.Bold);

        // The block stays together: "Nơi nhận" and the signature on one page.
        var needed = Math.Max((recipients.Count + 1) * recipientFont.GetHeight(), (signer.Count + 5) * signerFont.GetHeight()) + 12;
        flow.Y += 12;
        flow.EnsureRoom(needed);

        var half = flow.ContentWidth / 2;
        var leftX = PdfTablePainter.LeftMargin;
        var top = flow.Y;
        var y = flow.Left("Nơi nhận:", labelFont, leftX, half, top);
        foreach (var line in recipients)
        {
            y = flow.Left(line, recipientFont, leftX, half, y);
        }

        var leftBottom = y;
        y = top;
        var gapTop = y;
        for (var i = 0; i < signer.Count; i++)
        {
            // Four empty lines between the title and the name leave room for the signature and seal.
            if (i == signer.Count - 1)
            {
                gapTop = y;
                y += 4 * signerFont.GetHeight();
            }

            y = flow.Centred(signer[i], signerFont, leftX + half, half, y);
        }

        flow.Y = Math.Max(leftBottom, y);

        // The digital signature goes where the hand signature would (Decree 30, Appendix I): the
        // empty lines above the name, in the signer's column. PDF space counts from the page's foot.
        var pageHeight = DecreePageSetup.Points(DecreePageSetup.A4LongMillimetres);
        var height = 4 * signerFont.GetHeight();
        var width = Math.Min(half, 240);
        return new ReportSignatureBlock(flow.PageIndex,
            new PdfSignatureRectangle(leftX + half + ((half - width) / 2), pageHeight - gapTop - height, width, height));
    }

    /// <summary>Portrait pages of running text below each other, a new page when one is full.</summary>
    private sealed class PdfFlow(PdfDocument document)
    {
        private static double Bottom => DecreePageSetup.Points(DecreePageSetup.A4LongMillimetres) - PdfTablePainter.BottomMargin;

        private XGraphics? _gfx;

        public double ContentWidth { get; } = DecreePageSetup.Points(DecreePageSetup.A4ShortMillimetres) - PdfTablePainter.LeftMargin - PdfTablePainter.RightMargin;

        public double Y { get; set; } = PdfTablePainter.TopMargin;

        /// <summary>The page being written, from 0.</summary>
        public int PageIndex => document.PageCount - 1;

        private XGraphics Gfx => _gfx ?? NewPage();

        public XFont Font(double size, XFontStyleEx style) => new(EmbeddedFonts.SerifFamilyName, size, style);

        public double Width(string text, XFont font) => Gfx.MeasureString(text, font).Width;

        public void EnsureRoom(double height)
        {
            if (_gfx is null || Y + height > Bottom)
            {
                NewPage();
            }
        }

        /// <summary>Lines centred in a column from <paramref name="y"/>; returns the y under them.</summary>
        public double Centred(string text, XFont font, double x, double width, double y) =>
            Lines(text, font, x, width, y, XStringFormats.TopCenter);

        public double Left(string text, XFont font, double x, double width, double y) =>
            Lines(text, font, x, width, y, XStringFormats.TopLeft);

        /// <summary>A horizontal rule of <paramref name="length"/>, centred in the column, just under <paramref name="y"/>.</summary>
        public double Rule(double x, double width, double y, double length)
        {
            var ruleY = y + 3;
            Gfx.DrawLine(new XPen(XColors.Black, 0.6), x + ((width - length) / 2), ruleY, x + ((width + length) / 2), ruleY);
            return ruleY + 3;
        }

        /// <summary>
        /// A paragraph over the whole width, flowing onto new pages; the first line indented. At
        /// most <paramref name="maxLines"/> lines, a longer text cut with <see cref="CutMarker"/>.
        /// Returns the number of lines drawn.
        /// </summary>
        public int Paragraph(string text, XFont font, XStringAlignment alignment, double indent, double spacingAfter, int maxLines = int.MaxValue)
        {
            var gfx = Gfx;
            // Wrapping at the narrower width keeps the indented first line inside the margin.
            var lines = PdfTablePainter.Wrap(gfx, text, font, ContentWidth - indent, maxLines, CutMarker);
            var format = alignment == XStringAlignment.Center ? XStringFormats.TopCenter : XStringFormats.TopLeft;
            var height = font.GetHeight();
            for (var i = 0; i < lines.Count; i++)
            {
                if (Y + height > Bottom)
                {
                    gfx = NewPage();
                }

                var x = PdfTablePainter.LeftMargin + (i == 0 && alignment != XStringAlignment.Center ? indent : 0);
                gfx.DrawString(lines[i], font, XBrushes.Black, new XRect(x, Y, ContentWidth - (x - PdfTablePainter.LeftMargin), height), format);
                Y += height;
            }

            Y += spacingAfter;
            return lines.Count;
        }

        public void Close()
        {
            _gfx?.Dispose();
            _gfx = null;
        }

        private double Lines(string text, XFont font, double x, double width, double y, XStringFormat format)
        {
            var gfx = Gfx;
            foreach (var line in PdfTablePainter.Wrap(gfx, text, font, width, 20, CutMarker))
            {
                gfx.DrawString(line, font, XBrushes.Black, new XRect(x, y, width, font.GetHeight()), format);
                y += font.GetHeight();
            }

            return y;
        }

        private XGraphics NewPage()
        {
            _gfx?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Portrait;
            _gfx = XGraphics.FromPdfPage(page);
            Y = PdfTablePainter.TopMargin;
            return _gfx;
        }
    }
}
