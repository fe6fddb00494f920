using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Documents.Signing;
using ParIndex.Web.Accounts;
using ParIndex.Web.Assessments;
using ParIndex.Web.Hosting;

namespace ParIndex.Web.Signing;

/// <summary>
/// Digital signatures (issue 14): the units' certificates (admin), the lead's signature of the
/// self-assessment report and its stored records, and the check of any signed PDF (ADR 0130, 0131).
/// </summary>
public static class SigningEndpoints
{
    public static RouteGroupBuilder MapSigningEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var reports = api.MapGroup("/assessments").WithTags("Signing");
        reports.MapGet("/{id:int}/report/signed", async Task<Ok<SignedReportsView>> (int id, ClaimsPrincipal principal, SignedReportService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(id, CurrentUser.From(principal), ct)))
            .WithSummary("Các bản báo cáo tự đánh giá đã ký số (mới nhất trước), bản nào đã bị thay thế, và người dùng có được ký không");

        reports.MapPost("/{id:int}/report/sign", async Task<Ok<SignedReportView>> (int id, ClaimsPrincipal principal, SignedReportService service, CancellationToken ct) =>
                TypedResults.Ok(await service.SignAsync(id, CurrentUser.From(principal), ct)))
            .WithSummary("Lãnh đạo đơn vị ký số báo cáo tự đánh giá (PAdES) bằng chứng thư số của đơn vị; từ khi đã gửi bản tự đánh giá");

        reports.MapGet("/{id:int}/report/signed/{recordId:int}", async Task<FileContentHttpResult> (int id, int recordId, ClaimsPrincipal principal, SignedReportService service, CancellationToken ct) =>
            {
                var file = await service.FileAsync(id, recordId, CurrentUser.From(principal), ct);
                return TypedResults.File(file.Pdf, "application/pdf", file.FileName);
            })
            .WithSummary("Tải về bản báo cáo đã ký số (bản đã bị thay thế có hậu tố -da-bi-thay-the)");

        var certificates = api.MapGroup("/admin/signing-certificates").WithTags("Signing").RequireAuthorization(Policies.Administrator);
        certificates.MapGet("/", async Task<Ok<IReadOnlyList<SigningCertificateView>>> (ClaimsPrincipal principal, Pkcs12CertificateStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.ListAsync(CurrentUser.From(principal), ct)))
            .WithSummary("Chứng thư số của các đơn vị (chủ thể, tổ chức cấp, hiệu lực; không bao giờ có khóa)");

        certificates.MapPut("/{unitId:int}", async Task<Ok<SigningCertificateView>> (int unitId, IFormCollection form, ClaimsPrincipal principal, Pkcs12CertificateStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.UploadAsync(unitId, await ReadFileAsync(form, Pkcs12CertificateStore.MaxFileBytes, ct), form["password"].ToString(), CurrentUser.From(principal), ct)))
            .DisableAntiforgery()
            .AddEndpointFilter<AntiforgeryHeaderFilter>()
            .WithSummary("Tải lên (hoặc thay) tệp chứng thư số PKCS#12 của đơn vị kèm mật khẩu (file, password)");

        certificates.MapDelete("/{unitId:int}", async Task<NoContent> (int unitId, ClaimsPrincipal principal, Pkcs12CertificateStore store, CancellationToken ct) =>
            {
                await store.RemoveAsync(unitId, CurrentUser.From(principal), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Gỡ chứng thư số của đơn vị");
        return reports;
    }

    /// <summary>The check of a signed PDF, open to anyone like the /verify page (ADR 0131).</summary>
    public static IEndpointRouteBuilder MapVerifyEndpoint(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/verify-pdf", async Task<Ok<PdfVerificationReport>> (IFormCollection form, PdfVerificationService verifier, CancellationToken ct) =>
                TypedResults.Ok(verifier.Verify(await ReadFileAsync(form, verifier.MaxBytes, ct))))
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Signing")
            .WithSummary("Kiểm tra chữ ký số của một tệp PDF (file): chữ ký, tài liệu không bị sửa, chứng thư số, chuỗi tin cậy");
        return app;
    }

    /// <summary>The form's <c>file</c>, refused before it is read when larger than <paramref name="limit"/>.</summary>
    internal static async Task<byte[]> ReadFileAsync(IFormCollection form, long limit, CancellationToken ct)
    {
        var file = form.Files["file"] ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null || file.Length == 0)
        {
            return [];
        }

        if (file.Length > limit)
        {
            throw DomainException.TooLarge($"Tệp quá lớn (giới hạn {limit / 1024} KiB).", $"The file is too large (limit {limit / 1024} KiB).");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
