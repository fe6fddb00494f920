using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Documents.Signing;
using ParIndex.Tests.Shared;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Signing;

/// <summary>A fixture whose app trusts the test's own root CA.</summary>
public interface ISigningApp
{
    SigningTrust Trust { get; }
}

/// <summary>
/// Issue 14, the application side of signatures: the report form page, the units' certificates,
/// the lead's signature stored as the submission's record, the superseded mark, the /verify page.
/// </summary>
public abstract class SignedReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture, ISigningApp
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    private async Task<HttpResponseMessage> UploadCertificateAsync(HttpClient admin, string unitCode, byte[] pkcs12, string password)
    {
        var unitId = await app.WithDbAsync(db => db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync());
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(pkcs12), "file", "don-vi.p12" },
            { new StringContent(password), "password" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Put, U($"/api/admin/signing-certificates/{unitId}")) { Content = form };
        request.Headers.Add("X-XSRF-TOKEN", await AppFixture.ApiTokenAsync(admin));
        return await admin.SendAsync(request);
    }

    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        return (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Fact]
    public async Task The_report_form_page_saves_validates_and_checks_role_scope_and_state()
    {
        var id = await app.AssessmentIdAsync("LS");
        var page = $"/assessments/{id}/report";
        using var editor = await app.LoginAsync("editor.langson");

        // The assessment page links the report page with one link.
        Assert.Contains($"href=\"/assessments/{id}/report\"", await editor.GetStringAsync(U($"/assessments/{id}")), StringComparison.Ordinal);

        var saved = await PageForms.PostAsync(editor, page, "#report-form", new Dictionary<string, string>
        {
            ["Form.DocumentNumber"] = "15/BC-UBND",
            ["Form.Place"] = "Lạng Sơn",
            ["Form.Date"] = "2024-01-09",
            ["Form.Difficulties"] = "Thiếu biên chế.",
            ["Form.Recipients"] = "Bộ Nội vụ;\nLưu: VT.",
            ["Form.SignerTitle"] = "CHỦ TỊCH",
            ["Form.SignerName"] = "Hồ Tiến Thiệu",
        });
        var html = await saved.Content.ReadAsStringAsync();
        Assert.True(saved.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("Đã lưu báo cáo.", html, StringComparison.Ordinal);
        var view = await (await editor.GetAsync(U($"/api/assessments/{id}/report"))).JsonAsync();
        Assert.Equal("15/BC-UBND", view.GetProperty("documentNumber").GetString());
        Assert.Equal("2024-01-09", view.GetProperty("date").GetString());
        Assert.Equal("Hồ Tiến Thiệu", view.GetProperty("signerName").GetString());
        var version = view.GetProperty("version").GetInt32();

        // Too long, a date that is not one: each named in Vietnamese under its field, nothing saved.
        var tooLong = await PageForms.PostAsync(editor, page, "#report-form", new Dictionary<string, string>
        {
            ["Form.Place"] = "Nơi khác",
            ["Form.Recipients"] = new string('x', TextLimits.Recipients + 1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var document = new HtmlParser().ParseDocument(await tooLong.Content.ReadAsStringAsync());
        Assert.Contains("Nơi nhận", document.QuerySelector("[data-error-for=recipients]")?.TextContent, StringComparison.Ordinal);
        var badDate = await PageForms.PostAsync(editor, page, "#report-form", new Dictionary<string, string> { ["Form.Date"] = "2024-02-31" });
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("Ngày báo cáo", new HtmlParser().ParseDocument(await badDate.Content.ReadAsStringAsync()).QuerySelector("[data-error-for=date]")?.TextContent, StringComparison.Ordinal);
        view = await (await editor.GetAsync(U($"/api/assessments/{id}/report"))).JsonAsync();
        Assert.Equal(version, view.GetProperty("version").GetInt32());
        Assert.Equal("Lạng Sơn", view.GetProperty("place").GetString());

        // Another unit: 403 and no form; the appraiser reads without a save button.
        using var other = await app.LoginAsync("editor.bacgiang");
        var refused = await other.GetAsync(U(page));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector("#report-form"));
        using var appraiser = await app.LoginAsync("appraiser");
        var readOnly = new HtmlParser().ParseDocument(await appraiser.GetStringAsync(U(page)));
        Assert.Null(readOnly.QuerySelector("#save-report"));
        Assert.NotNull(readOnly.QuerySelector("#report-documentNumber[disabled]"));

        // Submitted: the form is locked for the unit too, and a post is refused (409).
        using var lead = await app.LoginAsync("lead.langson");
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync(U($"/api/assessments/{id}/submit"), null)).StatusCode);
        var locked = new HtmlParser().ParseDocument(await editor.GetStringAsync(U(page)));
        Assert.NotNull(locked.QuerySelector("#report-locked"));
        Assert.Null(locked.QuerySelector("#save-report"));
        var late = await PageForms.PostAsync(editor, page, "#report-form", new Dictionary<string, string> { ["Form.Place"] = "Muộn" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync(U($"/api/assessments/{id}/withdraw"), null)).StatusCode);
    }

    [Fact]
    public async Task Certificate_upload_refuses_wrong_password_no_key_expired_and_non_admins_and_stores_it_protected()
    {
        var certificates = app.Trust.Certificates;
        using var admin = await app.LoginAsync("admin");
        Assert.Contains("sai mật khẩu", await FieldErrorAsync(await UploadCertificateAsync(admin, "LS", certificates.Pkcs12, "sai"), "file"), StringComparison.Ordinal);
        Assert.Contains("không chứa khóa bí mật", await FieldErrorAsync(await UploadCertificateAsync(admin, "LS", certificates.PublicOnlyPkcs12, TestCertificates.Password), "file"), StringComparison.Ordinal);
        Assert.Contains("chỉ có hiệu lực", await FieldErrorAsync(await UploadCertificateAsync(admin, "LS", TestCertificates.ExpiredPkcs12(), TestCertificates.Password), "file"), StringComparison.Ordinal);
        await (await UploadCertificateAsync(admin, "LS", new byte[Pkcs12PdfSigner.MaxFileBytes + 1], "x")).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        using (var coordinator = await app.LoginAsync("coordinator"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await UploadCertificateAsync(coordinator, "LS", certificates.Pkcs12, TestCertificates.Password)).StatusCode);
        }

        var lsId = await app.WithDbAsync(db => db.Units.Where(u => u.Code == "LS").Select(u => u.Id).SingleAsync());
        Assert.False(await app.WithDbAsync(db => db.SigningCertificates.AnyAsync(c => c.UnitId == lsId)));

        var stored = await UploadCertificateAsync(admin, "LS", certificates.Pkcs12, TestCertificates.Password);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var view = await stored.JsonAsync();
        Assert.Contains(TestCertificates.SignerName, view.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Contains("ParIndex Test Issuing CA", view.GetProperty("issuer").GetString(), StringComparison.Ordinal);

        // Neither the password nor the file is in the row in clear.
        var row = await app.WithDbAsync(db => db.SigningCertificates.AsNoTracking().SingleAsync(c => c.UnitId == lsId));
        Assert.True(row.ProtectedPkcs12.AsSpan().IndexOf(Encoding.UTF8.GetBytes(TestCertificates.Password)) < 0);
        Assert.True(row.ProtectedPkcs12.AsSpan().IndexOf(certificates.Pkcs12.AsSpan(0, 64)) < 0);

        // The admin page shows it; removing it leaves nothing.
        var adminPage = await admin.GetStringAsync(U("/admin/signing-certificates"));
        Assert.Contains(TestCertificates.SignerName, adminPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(U($"/api/admin/signing-certificates/{lsId}"))).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.SigningCertificates.AnyAsync(c => c.UnitId == lsId)));
    }

    [Fact]
    public async Task The_lead_signs_the_record_verifies_a_change_supersedes_it_and_a_flipped_byte_fails()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var admin = await app.LoginAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await UploadCertificateAsync(admin, "BG", app.Trust.Certificates.Pkcs12, TestCertificates.Password)).StatusCode);
        using var lead = await app.LoginAsync("lead.bacgiang");
        using var editor = await app.LoginAsync("editor.bacgiang");
        using var otherLead = await app.LoginAsync("lead.langson");
        var sign = U($"/api/assessments/{id}/report/sign");

        // A draft is not final: 409. Then submitted: only this unit's lead may sign.
        await (await lead.PostAsync(sign, null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync(U($"/api/assessments/{id}/submit"), null)).StatusCode);
        await (await editor.PostAsync(sign, null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await otherLead.PostAsync(sign, null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await app.WithDbAsync(db => db.SignedReports.CountAsync(r => r.AssessmentId == id)));

        var signed = await lead.PostAsync(sign, null);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var record = await signed.JsonAsync();
        Assert.False(record.GetProperty("superseded").GetBoolean());
        Assert.Equal(TestCertificates.SignerName, record.GetProperty("signerName").GetString());
        await (await lead.PostAsync(sign, null)).AssertProblemAsync(HttpStatusCode.Conflict);

        // The stored record: the bytes named by their SHA-256, signed on the page of the signature block.
        var recordUri = U($"/api/assessments/{id}/report/signed/{record.GetProperty("id").GetInt32()}");
        var pdf = await editor.GetByteArrayAsync(recordUri);
        Assert.Equal(record.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(pdf)));
        var report = new PdfSignatureVerifier(app.Trust.Certificates.Anchors, TimeProvider.System).Verify(pdf);
        Assert.True(report.AllValid, report.Signatures.Count > 0 ? report.Signatures[0].EnglishMessage : "no signature");
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            Assert.True(document.NumberOfPages > 2);
            var withWidget = document.GetPages().Where(p => p.GetAnnotations().Any()).Select(p => p.Number).ToList();
            Assert.Single(withWidget);
            Assert.True(withWidget[0] < document.NumberOfPages, "the signature sits on the report's signature block, not on the annex's last page");
        }

        // The verification page, signed out: valid, unchanged, the certificate, trusted.
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var verified = await PageForms.PostAsync(anonymous, "/verify", "#verify-form", new Dictionary<string, string>(), ("File", "bao-cao.pdf", pdf));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var result = new HtmlParser().ParseDocument(await verified.Content.ReadAsStringAsync());
        Assert.Equal("true", result.QuerySelector("#verify-result")?.GetAttribute("data-valid"));
        Assert.Contains("HỢP LỆ", result.QuerySelector(".signature-status")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("không thay đổi", result.QuerySelector(".unchanged")?.TextContent);
        Assert.Equal(TestCertificates.SignerName, result.QuerySelector(".signer")?.TextContent);
        Assert.Contains("ParIndex Test Issuing CA", result.QuerySelector(".issuer")?.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("tin cậy", result.QuerySelector(".trust")?.TextContent, StringComparison.Ordinal);

        // One byte flipped inside a signed stream: the page says not valid, with no exception text.
        var tampered = (byte[])pdf.Clone();
        tampered[InsideALongStream(pdf)] ^= 0x01;
        var failed = await PageForms.PostAsync(anonymous, "/verify", "#verify-form", new Dictionary<string, string>(), ("File", "bao-cao.pdf", tampered));
        var failedHtml = await failed.Content.ReadAsStringAsync();
        var failedResult = new HtmlParser().ParseDocument(failedHtml);
        Assert.Equal("false", failedResult.QuerySelector("#verify-result")?.GetAttribute("data-valid"));
        Assert.Contains("KHÔNG HỢP LỆ", failedResult.QuerySelector(".signature-status")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", failedHtml, StringComparison.Ordinal);

        // Not a PDF: a reason, 400. The API answers the same verdicts.
        var garbage = await PageForms.PostAsync(anonymous, "/verify", "#verify-form", new Dictionary<string, string>(), ("File", "x.pdf", Encoding.ASCII.GetBytes("không phải PDF")));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("Không kiểm tra được tệp này", await garbage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var apiForm = new MultipartFormDataContent { { new ByteArrayContent(tampered), "file", "bao-cao.pdf" } };
        var apiVerdict = await (await anonymous.PostAsync(U("/api/verify-pdf"), apiForm)).JsonAsync();
        Assert.False(apiVerdict.GetProperty("allValid").GetBoolean());

        // The assessment is withdrawn and one score changed: the record is superseded, still downloadable.
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync(U($"/api/assessments/{id}/withdraw"), null)).StatusCode);
        var leaf = (await editor.GetAssessmentAsync(id)).Leaf("1.1");
        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(id, "1.1", new { version = leaf.GetProperty("version").GetInt32(), score = "0,5" })).StatusCode);
        var list = await (await editor.GetAsync(U($"/api/assessments/{id}/report/signed"))).JsonAsync();
        var first = list.GetProperty("records")[0];
        Assert.True(first.GetProperty("superseded").GetBoolean());
        Assert.Contains("trạng thái nháp", first.GetProperty("supersededReason").GetString(), StringComparison.Ordinal);
        var again = await editor.GetAsync(recordUri);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.EndsWith("-da-bi-thay-the.pdf", again.Content.Headers.ContentDisposition?.FileNameStar ?? again.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal(pdf, await again.Content.ReadAsByteArrayAsync());
        Assert.Contains("signed-superseded", await editor.GetStringAsync(U($"/assessments/{id}")), StringComparison.Ordinal);
        Assert.Contains("superseded", new HtmlParser().ParseDocument(await editor.GetStringAsync(U($"/assessments/{id}/report"))).QuerySelector(".signed-record")?.ClassName, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync(U($"/api/assessments/{id}/submit"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync(sign, null)).StatusCode);
        Assert.False((await (await lead.GetAsync(U($"/api/assessments/{id}/report/signed"))).JsonAsync()).GetProperty("records")[0].GetProperty("superseded").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync(U($"/api/assessments/{id}/withdraw"), null)).StatusCode);
    }

    /// <summary>A byte in the middle of the first stream longer than 1 KiB: changing it leaves the file readable.</summary>
    private static int InsideALongStream(byte[] pdf)
    {
        var from = 0;
        while (true)
        {
            var start = pdf.AsSpan(from).IndexOf("stream\n"u8);
            Assert.True(start >= 0, "no long stream in the PDF");
            start += from + 7;
            var end = start + pdf.AsSpan(start).IndexOf("endstream"u8);
            if (end - start > 1024)
            {
                return start + ((end - start) / 2);
            }

            from = end + 9;
        }
    }
}

public sealed class SignedReportTestsOnSqlite(SigningSqliteAppFixture app) : SignedReportTests<SigningSqliteAppFixture>(app);

public sealed class SignedReportTestsOnPostgres(SigningPostgresAppFixture app) : SignedReportTests<SigningPostgresAppFixture>(app);
