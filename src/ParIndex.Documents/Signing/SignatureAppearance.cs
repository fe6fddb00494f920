using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using ParIndex.Documents.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ParIndex.Documents.Signing;

/// <summary>
/// The visible signature block: a framed rectangle with "Ký bởi: &lt;CN&gt;", the organisation and
/// "Ngày ký: dd/MM/yyyy HH:mm" (Vietnam time), set in the embedded Noto Sans so every Vietnamese
/// letter shows. PDFsharp draws it as a one-page PDF the size of the rectangle; the signer copies
/// that page's content and fonts into the signed file as the widget's appearance.
/// </summary>
internal static class SignatureAppearance
{
    private const double MaxFontSize = 9;
    private const double MinFontSize = 5;
    private const double Padding = 4;

    public static IReadOnlyList<string> LinesFor(X509Certificate2 certificate, DateTimeOffset signingTimeInVietnam)
    {
        var lines = new List<string> { "Ký bởi: " + CommonNameOf(certificate) };
        var organisation = OrganisationOf(certificate);
        if (!string.IsNullOrWhiteSpace(organisation))
        {
            lines.Add(organisation);
        }

        lines.Add("Ngày ký: " + signingTimeInVietnam.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        return lines;
    }

    public static string CommonNameOf(X509Certificate2 certificate) =>
        certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    /// <summary>The first O= of the subject, or null.</summary>
    public static string? OrganisationOf(X509Certificate2 certificate)
    {
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == "2.5.4.10")
            {
                return rdn.GetSingleElementValue();
            }
        }

        return null;
    }

    /// <summary>A one-page PDF of <paramref name="width"/> x <paramref name="height"/> points with the block drawn on it, content uncompressed.</summary>
    public static byte[] Render(double width, double height, IReadOnlyList<string> lines)
    {
        PdfFontSetup.EnsureInstalled();
        using var pdf = new PdfDocument();
        // Uncompressed content lets the signer reuse the page content as a form XObject as it is.
        pdf.Options.NoCompression = true;
        pdf.Options.CompressContentStreams = false;
        var page = pdf.AddPage();
        page.Width = XUnit.FromPoint(width);
        page.Height = XUnit.FromPoint(height);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            gfx.DrawRectangle(new XPen(XColor.FromArgb(0xB0, 0x1E, 0x1E), 1.2), 0.6, 0.6, width - 1.2, height - 1.2);
            var size = FittingSize(gfx, width - 2 * Padding, height - 2 * Padding, lines);
            var lineHeight = size * 1.3;
            var top = (height - lineHeight * lines.Count) / 2;
            for (var i = 0; i < lines.Count; i++)
            {
                var font = new XFont(EmbeddedFonts.FamilyName, size, i == 0 ? XFontStyleEx.Bold : XFontStyleEx.Regular);
                var text = Shorten(gfx, lines[i], font, width - 2 * Padding);
                gfx.DrawString(text, font, XBrushes.Black, new XRect(Padding, top + i * lineHeight, width - 2 * Padding, lineHeight), XStringFormats.CenterLeft);
            }
        }

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static double FittingSize(XGraphics gfx, double width, double height, IReadOnlyList<string> lines)
    {
        for (var size = MaxFontSize; size > MinFontSize; size -= 0.5)
        {
            var fits = lines.Count * size * 1.3 <= height
                && lines.Select((l, i) => gfx.MeasureString(l, new XFont(EmbeddedFonts.FamilyName, size, i == 0 ? XFontStyleEx.Bold : XFontStyleEx.Regular)).Width).All(w => w <= width);
            if (fits)
            {
                return size;
            }
        }

        return MinFontSize;
    }

    // A name too long even at the smallest size is cut with an ellipsis rather than drawn outside the frame.
    private static string Shorten(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 1 && gfx.MeasureString(text[..length] + "…", font).Width > width)
        {
            length--;
        }

        return text[..length] + "…";
    }
}
