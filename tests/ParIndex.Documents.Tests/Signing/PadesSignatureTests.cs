using System.Text;
using ParIndex.Documents.Signing;
using ParIndex.Documents.Tests.Support;
using ParIndex.Tests.Shared;

namespace ParIndex.Documents.Tests.Signing;

public sealed class PadesSignatureTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly TestCertificates _certificates = TestCertificates.Create();

    public void Dispose() => _certificates.Dispose();

    private byte[] Sign(byte[] pdf, TestCertificates? certificates = null)
    {
        using var signer = Pkcs12PdfSigner.Load((certificates ?? _certificates).Pkcs12, TestCertificates.Password, Now);
        return new PadesPdfSigner(new FixedClock(Now)).Sign(pdf, signer, new PdfSignatureOptions { Reason = "Ký báo cáo tự đánh giá Chỉ số CCHC" });
    }

    private PdfVerificationReport Verify(byte[] pdf, DateTimeOffset? at = null) =>
        new PdfSignatureVerifier(_certificates.Anchors, new FixedClock(at ?? Now)).Verify(pdf);

    [Fact]
    public void Signed_table_verifies_with_the_chain_trusted_and_keeps_the_original_bytes()
    {
        var original = TestCertificates.TablePdf();

        var signed = Sign(original);
        var report = Verify(signed);

        Assert.Equal(original, signed.AsSpan(0, original.Length).ToArray());
        var signature = Assert.Single(report.Signatures);
        Assert.Equal(PdfSignatureStatus.Valid, signature.Status);
        Assert.True(signature.UnchangedSinceSigning);
        Assert.True(report.AllValid);
        Assert.Equal("ETSI.CAdES.detached", signature.SubFilter);
        Assert.Equal(TestCertificates.SignerName, signature.SignerName);
        Assert.Equal(TestCertificates.Organisation, signature.Organisation);
        Assert.Equal(Now.AddTicks(-(Now.Ticks % TimeSpan.TicksPerSecond)), signature.SigningTime);
        Assert.Equal(PadesPdfSigner.VietnamOffset, signature.SigningTime!.Value.Offset);
        Assert.Contains("không thay đổi", signature.Message);
    }

    [Fact]
    public void A_root_that_is_not_a_trust_anchor_gives_untrusted_root_not_invalid()
    {
        var signed = Sign(TestCertificates.TablePdf());
        using var other = TestCertificates.Create("Another Root CA");

        var report = new PdfSignatureVerifier(other.Anchors, new FixedClock(Now)).Verify(signed);

        var signature = Assert.Single(report.Signatures);
        Assert.Equal(PdfSignatureStatus.UntrustedRoot, signature.Status);
        Assert.Equal(PdfSignatureProblem.UntrustedRoot, signature.Problem);
        Assert.False(report.AllValid);
        Assert.Contains("không tin cậy", signature.Message);
    }

    [Fact]
    public void One_flipped_byte_inside_the_signed_range_makes_the_signature_invalid()
    {
        var signed = Sign(TestCertificates.TablePdf());
        // A byte of page content: the structure still reads, only the digest changes.
        var at = signed.AsSpan().IndexOf("stream\n"u8) + 40;
        signed[at] ^= 0x01;

        var signature = Assert.Single(Verify(signed).Signatures);

        Assert.Equal(PdfSignatureStatus.Invalid, signature.Status);
        Assert.Equal(PdfSignatureProblem.DigestMismatch, signature.Problem);
        Assert.Contains("đã bị sửa sau khi ký", signature.Message);
    }

    [Fact]
    public void A_byte_range_that_leaves_out_the_start_of_the_file_is_invalid()
    {
        var signed = Sign(TestCertificates.TablePdf());
        var at = signed.AsSpan().IndexOf("/ByteRange[0 "u8) + "/ByteRange[".Length;
        signed[at] = (byte)'9';

        var signature = Assert.Single(Verify(signed).Signatures);

        Assert.Equal(PdfSignatureProblem.BadByteRange, signature.Problem);
        Assert.Contains("ByteRange", signature.Message);
    }

    [Fact]
    public void Bytes_appended_after_the_signature_are_reported_as_changed_after_signing()
    {
        var signed = Sign(TestCertificates.TablePdf());
        var changed = signed.Concat(Encoding.ASCII.GetBytes("\n% thêm sau khi ký\n")).ToArray();

        var report = Verify(changed);

        var signature = Assert.Single(report.Signatures);
        Assert.Equal(PdfSignatureStatus.Valid, signature.Status);
        Assert.False(signature.UnchangedSinceSigning);
        Assert.False(report.DocumentUnchanged);
        Assert.False(report.AllValid);
        Assert.Contains("đã bị thay đổi sau khi ký", signature.Message);
    }

    [Fact]
    public void A_signer_certificate_expired_at_verification_time_is_invalid()
    {
        var signed = Sign(TestCertificates.TablePdf());

        var signature = Assert.Single(Verify(signed, TestCertificates.NotAfter.AddDays(1)).Signatures);

        Assert.Equal(PdfSignatureStatus.Invalid, signature.Status);
        Assert.Equal(PdfSignatureProblem.CertificateExpired, signature.Problem);
        Assert.Contains("hết hạn", signature.Message);
    }

    [Fact]
    public void An_expired_certificate_does_not_sign()
    {
        var ex = Assert.Throws<PdfSignatureException>(() =>
            Pkcs12PdfSigner.Load(_certificates.Pkcs12, TestCertificates.Password, TestCertificates.NotAfter.AddDays(1)));

        Assert.Contains("chỉ có hiệu lực", ex.Message);
    }

    [Fact]
    public void A_wrong_password_is_a_clear_error()
    {
        var ex = Assert.Throws<PdfSignatureException>(() => Pkcs12PdfSigner.Load(_certificates.Pkcs12, "sai", Now));

        Assert.Contains("sai mật khẩu", ex.Message);
        Assert.Contains("wrong password", ex.EnglishMessage);
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_is_refused_by_signer_and_verifier()
    {
        var notPdf = Encoding.UTF8.GetBytes("STT\tTiêu chí\n1\tCông tác chỉ đạo\n");
        using var signer = Pkcs12PdfSigner.Load(_certificates.Pkcs12, TestCertificates.Password, Now);

        Assert.Throws<PdfSignatureException>(() => new PadesPdfSigner(new FixedClock(Now)).Sign(notPdf, signer));
        var ex = Assert.Throws<PdfSignatureException>(() => Verify(notPdf));
        Assert.Contains("không phải là PDF", ex.Message);
    }

    [Fact]
    public void An_unsigned_pdf_has_no_signature_and_is_not_valid()
    {
        var report = Verify(TestCertificates.TablePdf());

        Assert.Empty(report.Signatures);
        Assert.False(report.AllValid);
    }

    [Fact]
    public void A_second_signature_keeps_the_first_one_valid()
    {
        var once = Sign(TestCertificates.TablePdf());

        var twice = Sign(once);
        var report = Verify(twice);

        Assert.Equal(2, report.Signatures.Count);
        Assert.All(report.Signatures, s => Assert.Equal(PdfSignatureStatus.Valid, s.Status));
        Assert.False(report.Signatures[0].UnchangedSinceSigning);
        Assert.True(report.Signatures[1].UnchangedSinceSigning);
        Assert.Equal(["Signature1", "Signature2"], report.Signatures.Select(s => s.FieldName));
        Assert.True(report.AllValid);
    }

    [Fact]
    public void The_visible_block_names_the_signer_the_organisation_and_the_date_in_Vietnamese()
    {
        var signed = Sign(TestCertificates.TablePdf());

        var lastPage = PdfText.PageCount(signed);
        var text = SignatureAppearanceText.Read(signed, lastPage);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(signed))
        {
            var page = document.GetPage(lastPage);
            var widget = Assert.Single(page.GetAnnotations(), a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Widget);
            Assert.True(widget.HasNormalAppearance);
            Assert.True(widget.Rectangle.Left >= 0 && widget.Rectangle.Right <= page.Width && widget.Rectangle.Bottom >= 0 && widget.Rectangle.Top <= page.Height);
        }

        Assert.DoesNotContain("Ký bởi", SignatureAppearanceText.Read(TestCertificates.TablePdf(), lastPage));

        Assert.Contains("Ký bởi: " + TestCertificates.SignerName, text);
        Assert.Contains(TestCertificates.Organisation, text);
        Assert.Contains("Ngày ký: " + Now.ToOffset(PadesPdfSigner.VietnamOffset).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), text);
    }

    [Fact]
    public void Truncated_or_mangled_signed_files_give_a_report_or_a_clear_error()
    {
        var signed = Sign(TestCertificates.TablePdf());
        var random = new Random(118);
        for (var i = 0; i < 40; i++)
        {
            var copy = i % 2 == 0 ? signed[..random.Next(1, signed.Length)] : (byte[])signed.Clone();
            if (i % 2 == 1)
            {
                for (var j = 0; j < 20; j++)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }
            }

            try
            {
                Verify(copy);
            }
            catch (PdfSignatureException ex)
            {
                Assert.DoesNotContain("Exception", ex.Message);
            }
        }
    }

    [Fact]
    public void A_pdf_with_a_cross_reference_stream_gets_a_cross_reference_stream_update()
    {
        var original = XrefStreamPdf.Create();

        var signed = Sign(original);

        Assert.Equal(original, signed.AsSpan(0, original.Length).ToArray());
        var update = Encoding.Latin1.GetString(signed, original.Length, signed.Length - original.Length);
        Assert.Contains("/Type/XRef", update);
        Assert.DoesNotContain("\ntrailer", update);
        Assert.Equal(1, PdfText.PageCount(signed));
        Assert.True(Verify(signed).AllValid);
        Assert.Contains("Signature is Valid", Pdfsig(signed));
    }

    [Fact]
    public void A_pdf_printed_by_Chromium_signs_and_verifies()
    {
        var printed = ChromiumPdf("<html><body><h1>Báo cáo tự đánh giá</h1><p>Chỉ số cải cách hành chính năm 2023</p></body></html>");

        var signed = Sign(printed);

        Assert.True(Verify(signed).AllValid);
        Assert.Contains("Signature is Valid", Pdfsig(signed, "signed-chromium.pdf"));
        Assert.Contains("Ký bởi: " + TestCertificates.SignerName, SignatureAppearanceText.Read(signed, 1));
    }

    [Fact]
    public void Poppler_also_reports_the_signature_valid()
    {
        var output = Pdfsig(Sign(TestCertificates.TablePdf()), "signed-table.pdf");

        Assert.Contains("Signature is Valid", output);
        Assert.Contains("ETSI.CAdES.detached", output);
        Assert.Contains("Total document signed", output);
    }

    [Fact]
    public void Poppler_reports_a_tampered_signed_file_invalid()
    {
        var signed = Sign(TestCertificates.TablePdf());
        signed[signed.AsSpan().IndexOf("stream\n"u8) + 40] ^= 0x01;

        Assert.Contains("Digest Mismatch", Pdfsig(signed));
    }

    // A PDF from another producer (Skia), printed by the Chromium that scripts/test-all.sh installs.
    private static byte[] ChromiumPdf(string html)
    {
        var chromium = Environment.GetEnvironmentVariable("PARINDEX_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), "Chromium is not installed: run the tests with scripts/test-all.sh");
        var dir = Directory.CreateTempSubdirectory("parindex-print-").FullName;
        try
        {
            var page = Path.Combine(dir, "page.html");
            var pdf = Path.Combine(dir, "page.pdf");
            File.WriteAllText(page, html);
            var (exitCode, output) = Artifacts.Output(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--user-data-dir=" + Path.Combine(dir, "profile"), "--print-to-pdf=" + pdf, page);
            Assert.True(exitCode == 0 && File.Exists(pdf), output);
            return File.ReadAllBytes(pdf);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // pdfsig's report on the file (also left in artifacts/documents/ for people to open).
    private static string Pdfsig(byte[] pdf, string name = "signed.pdf")
    {
        // scripts/test-all.sh installs poppler-utils; without it this independent check fails rather than passing silently.
        Assert.True(File.Exists("/usr/bin/pdfsig"), "pdfsig (poppler-utils) is not installed: run the tests with scripts/test-all.sh");
        var path = Artifacts.PathOf(name);
        File.WriteAllBytes(path, pdf);
        return Artifacts.Output("/usr/bin/pdfsig", "-nocert", path).Output;
    }
}
