using System.Diagnostics;

namespace ParIndex.Documents.Tests.Support;

/// <summary>
/// The text of the last page including annotation appearances, by poppler's pdftotext (installed by
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
            var start = new ProcessStartInfo("/usr/bin/pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-enc", "UTF-8", "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), path, "-" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
