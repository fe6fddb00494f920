using System.Globalization;

namespace ParIndex.Documents.Tests.Support;

/// <summary>
/// The text of one page including annotation appearances, by poppler's pdftotext (installed by
/// scripts/test-all.sh): PdfPig's text extraction leaves widget appearances out.
/// </summary>
internal static class SignatureAppearanceText
{
    public static string Read(byte[] pdf, int page)
    {
        Assert.True(File.Exists("/usr/bin/pdftotext"), "pdftotext (poppler-utils) is not installed: run the tests with scripts/test-all.sh");
        var path = Path.Combine(Path.GetTempPath(), $"parindex-signed-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var number = page.ToString(CultureInfo.InvariantCulture);
            var (exitCode, text) = Artifacts.Output("/usr/bin/pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-");
            Assert.Equal(0, exitCode);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
