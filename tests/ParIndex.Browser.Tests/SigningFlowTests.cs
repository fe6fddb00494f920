using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParIndex.Application.Accounts;
using ParIndex.Application.Signing;
using ParIndex.Data;
using ParIndex.Tests.Shared;

namespace ParIndex.Browser.Tests;

/// <summary>The unit lead fills the report form, submits, signs the report and sees the signed record (issue 14).</summary>
public sealed class SigningFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Lead_fills_the_report_form_signs_and_sees_the_signed_record()
    {
        // The administrator's upload is the use case the admin page calls; the page itself is covered by the web tests.
        using var certificates = TestCertificates.Create();
        int assessmentId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
            var unitId = db.Units.Single(u => u.Code == "BG").Id;
            assessmentId = db.Assessments.Single(a => a.UnitId == unitId).Id;
            await scope.ServiceProvider.GetRequiredService<Pkcs12CertificateStore>()
                .UploadAsync(unitId, certificates.Pkcs12, TestCertificates.Password, CurrentUser.Operator("cli:test"), CancellationToken.None);
        }

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.FillAsync("#username", "lead.bacgiang");
        await page.FillAsync("#password", BrowserApp.Password);
        await page.ClickAsync("#login-button");
        await page.WaitForURLAsync(new Regex("/$"));
        await page.GotoAsync(new Uri(app.BaseAddress, $"/assessments/{assessmentId}").ToString());

        // From the assessment page to the report page by its link; fill and save.
        await page.ClickAsync("#open-report");
        await page.WaitForSelectorAsync("#report-form");
        await page.FillAsync("#report-documentNumber", "125/BC-UBND");
        await page.FillAsync("#report-place", "Bắc Giang");
        await page.FillAsync("#report-date", "2024-01-08");
        await page.FillAsync("#report-difficulties", "Một số đơn vị cấp huyện còn chậm cập nhật tài liệu kiểm chứng.");
        await page.FillAsync("#report-recipients", "Bộ Nội vụ;\nLưu: VT, NV.");
        await page.FillAsync("#report-signerAuthority", "TM. ỦY BAN NHÂN DÂN");
        await page.FillAsync("#report-signerTitle", "CHỦ TỊCH");
        await page.FillAsync("#report-signerName", "Nguyễn Văn Ánh");
        await page.ClickAsync("#save-report");
        await Assertions.Expect(page.Locator("#message")).ToHaveTextAsync("Đã lưu báo cáo.");
        await Assertions.Expect(page.Locator("#sign-report")).ToBeDisabledAsync();

        // Submit on the assessment page, back to the report, sign.
        await page.ClickAsync("#back-to-assessment");
        await page.ClickAsync("#submit-assessment");
        await page.ClickAsync("#confirm-action");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Đã gửi");
        await page.ClickAsync("#open-report");
        await page.ClickAsync("#sign-report");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Đã ký số báo cáo");
        var record = page.Locator(".signed-record.current");
        await Assertions.Expect(record).ToHaveCountAsync(1);
        await Assertions.Expect(record).ToContainTextAsync(TestCertificates.SignerName);
        await Assertions.Expect(record.Locator(".sha256")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "report-signed.png"), FullPage = true });

        await page.ClickAsync("#back-to-assessment");
        await Assertions.Expect(page.Locator("#signed-current")).ToBeVisibleAsync();
        app.AssertNoPolicyViolations();
    }
}
