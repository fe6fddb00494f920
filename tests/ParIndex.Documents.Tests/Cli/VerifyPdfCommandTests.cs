using System.Text.Json;
using ParIndex.Cli;
using ParIndex.Documents.Signing;
using ParIndex.Documents.Tests.Support;
using ParIndex.Tests.Shared;

namespace ParIndex.Documents.Tests.Cli;

public sealed class VerifyPdfCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parindex-verify-").FullName;
    private readonly TestCertificates _certificates = TestCertificates.Create();

    public void Dispose()
    {
        _certificates.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string RootPem() => Write("root.pem", System.Text.Encoding.ASCII.GetBytes(_certificates.Root.ExportCertificatePem()));

    private byte[] Signed()
    {
        using var signer = Pkcs12PdfSigner.Load(_certificates.Pkcs12, TestCertificates.Password, DateTimeOffset.UtcNow);
        return new PadesPdfSigner(TimeProvider.System).Sign(TestCertificates.TablePdf(), signer);
    }

    [Fact]
    public void A_valid_signature_with_its_root_trusted_exits_0_and_names_the_signer()
    {
        var (code, stdout, stderr) = Run("verify-pdf", Write("signed.pdf", Signed()), "--trust", RootPem());

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("Chữ ký 1/1 (Signature1): HỢP LỆ", stdout);
        Assert.Contains("Người ký: " + TestCertificates.SignerName, stdout);
        Assert.Contains("Cơ quan, tổ chức: " + TestCertificates.Organisation, stdout);
        Assert.Contains("Tài liệu từ khi ký: không thay đổi", stdout);
        Assert.Contains("Kết quả: mọi chữ ký hợp lệ", stdout);
    }

    [Fact]
    public void Without_the_root_trusted_the_signature_is_untrusted_and_exits_1()
    {
        var (code, stdout, _) = Run("verify-pdf", Write("signed.pdf", Signed()));

        Assert.Equal(1, code);
        Assert.Contains("KHÔNG TIN CẬY", stdout);
    }

    [Fact]
    public void A_flipped_byte_exits_1_and_says_the_content_was_modified()
    {
        var signed = Signed();
        signed[signed.AsSpan().IndexOf("stream\n"u8) + 40] ^= 0x01;

        var (code, stdout, _) = Run("verify-pdf", Write("tampered.pdf", signed), "--trust", RootPem());

        Assert.Equal(1, code);
        Assert.Contains("KHÔNG HỢP LỆ", stdout);
        Assert.Contains("nội dung tài liệu đã bị sửa sau khi ký", stdout);
    }

    [Fact]
    public void Bytes_appended_after_signing_exit_1_as_changed()
    {
        var (code, stdout, _) = Run("verify-pdf", Write("appended.pdf", [.. Signed(), .. "\n%%EOF\n"u8]), "--trust", RootPem());

        Assert.Equal(1, code);
        Assert.Contains("Tài liệu từ khi ký: đã bị thay đổi sau khi ký", stdout);
    }

    [Fact]
    public void An_unsigned_pdf_exits_1()
    {
        var (code, stdout, _) = Run("verify-pdf", Write("unsigned.pdf", TestCertificates.TablePdf()), "--trust", RootPem());

        Assert.Equal(1, code);
        Assert.Contains("không có chữ ký số", stdout);
    }

    [Fact]
    public void Json_output_carries_the_verdict_per_signature()
    {
        var (code, stdout, _) = Run("verify-pdf", Write("signed.pdf", Signed()), "--trust", RootPem(), "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        var signature = Assert.Single(json.RootElement.GetProperty("signatures").EnumerateArray());
        Assert.Equal("valid", signature.GetProperty("status").GetString());
        Assert.Equal(TestCertificates.SignerName, signature.GetProperty("signer").GetString());
        Assert.True(signature.GetProperty("unchangedSinceSigning").GetBoolean());
    }

    [Fact]
    public void Unreadable_inputs_exit_2_naming_the_file()
    {
        var notPdf = Write("bieu.txt", "STT\tTiêu chí\n"u8.ToArray());
        var badTrust = Write("bad.pem", "không phải chứng thư"u8.ToArray());

        var (code, _, stderr) = Run("verify-pdf", notPdf);
        Assert.Equal(2, code);
        Assert.Contains("bieu.txt", stderr);
        Assert.Contains("không phải là PDF", stderr);

        (code, _, stderr) = Run("verify-pdf", Path.Combine(_dir, "missing.pdf"));
        Assert.Equal(2, code);
        Assert.Contains("không tìm thấy tệp", stderr);

        (code, _, stderr) = Run("verify-pdf", Write("signed.pdf", Signed()), "--trust", badTrust);
        Assert.Equal(2, code);
        Assert.Contains("bad.pem", stderr);

        (code, _, stderr) = Run("verify-pdf");
        Assert.Equal(2, code);
        Assert.Contains("thiếu tên tệp", stderr);
    }
}
