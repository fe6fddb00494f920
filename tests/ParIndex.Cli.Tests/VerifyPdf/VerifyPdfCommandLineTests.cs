namespace ParIndex.Cli.Tests.VerifyPdf;

// Signing and verifying real signatures is tested in ParIndex.Documents.Tests (Cli/VerifyPdfCommandTests),
// next to the PDF writers and the test certificate chain; here only the command line itself.
public sealed class VerifyPdfCommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parindex-verify-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Help_lists_verify_pdf_with_its_exit_codes()
    {
        var (code, stdout, _) = Run("verify-pdf", "--help");

        Assert.Equal(0, code);
        Assert.Contains("--trust", stdout);
        Assert.Contains("Mã thoát: 0 mọi chữ ký hợp lệ", stdout);
    }

    [Fact]
    public void A_pdf_header_with_nothing_behind_it_is_unreadable_not_an_exception()
    {
        var path = Path.Combine(_dir, "hong.pdf");
        File.WriteAllBytes(path, "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n"u8.ToArray());

        var (code, stdout, stderr) = Run("verify-pdf", path);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("hong.pdf", stderr);
        Assert.DoesNotContain("Exception", stderr);
    }

    [Fact]
    public void An_unknown_option_is_a_bad_command_line()
    {
        var (code, _, _) = Run("verify-pdf", "x.pdf", "--khong-co");

        Assert.Equal(2, code);
    }
}
