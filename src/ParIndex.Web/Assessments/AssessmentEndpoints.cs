using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Web.Accounts;

namespace ParIndex.Web.Assessments;

/// <summary>The self-assessment API: the tree with totals, leaf saves, submit/withdraw, history and evidence.</summary>
public static class AssessmentEndpoints
{
    public static RouteGroupBuilder MapAssessmentEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/assessments").WithTags("Assessments");

        group.MapGet("/", async Task<Ok<IReadOnlyList<AssessmentSummary>>> (ClaimsPrincipal principal, AssessmentService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(CurrentUser.From(principal), ct)))
            .WithSummary("Các bản tự đánh giá người dùng được xem");

        group.MapGet("/{id:int}", async Task<Ok<AssessmentView>> (int id, ClaimsPrincipal principal, AssessmentService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(id, CurrentUser.From(principal), ct)))
            .WithSummary("Cây tiêu chí với điểm, ghi chú tính toán và tổng điểm");

        group.MapPut("/{id:int}/leaves/{code}", async Task<Ok<LeafSaveResult>> (int id, string code, LeafSaveRequest request, ClaimsPrincipal principal, AssessmentService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SaveLeafAsync(id, code, request, CurrentUser.From(principal), ct)))
            .WithSummary("Lưu một tiêu chí (kèm phiên bản đã sửa; 409 nếu người khác đã lưu trước)");

        group.MapPost("/{id:int}/submit", async Task<Ok<AssessmentView>> (int id, ClaimsPrincipal principal, AssessmentService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SubmitAsync(id, CurrentUser.From(principal), ct)))
            .WithSummary("Lãnh đạo đơn vị gửi bản tự đánh giá");

        group.MapPost("/{id:int}/withdraw", async Task<Ok<AssessmentView>> (int id, ClaimsPrincipal principal, AssessmentService service, CancellationToken ct) =>
            TypedResults.Ok(await service.WithdrawAsync(id, CurrentUser.From(principal), ct)))
            .WithSummary("Rút lại bản tự đánh giá (trước khi thẩm định)");

        group.MapGet("/{id:int}/history", async Task<Ok<IReadOnlyList<HistoryView>>> (int id, string? leaf, ClaimsPrincipal principal, AssessmentService service, CancellationToken ct) =>
            TypedResults.Ok(await service.HistoryAsync(id, leaf, CurrentUser.From(principal), ct)))
            .WithSummary("Lịch sử thay đổi của bản tự đánh giá");

        group.MapGet("/{id:int}/leaves/{code}/history", async Task<Ok<IReadOnlyList<HistoryView>>> (int id, string code, ClaimsPrincipal principal, AssessmentService service, CancellationToken ct) =>
            TypedResults.Ok(await service.HistoryAsync(id, code, CurrentUser.From(principal), ct)))
            .WithSummary("Lịch sử thay đổi của một tiêu chí");

        group.MapPost("/{id:int}/evidence", async Task<Created<EvidenceView>> (
                int id,
                IFormCollection form,
                ClaimsPrincipal principal,
                EvidenceService service,
                CancellationToken ct) =>
            {
                var file = form.Files["file"] ?? (form.Files.Count > 0 ? form.Files[0] : null)
                    ?? throw DomainException.Invalid("Chưa chọn tệp tài liệu kiểm chứng.", "No evidence file was chosen.");
                var documentDate = form["documentDate"].ToString();
                DateOnly? date = string.IsNullOrWhiteSpace(documentDate) ? null : ParseDate(documentDate);
                var leafCodes = form["leafCodes"].SelectMany(v => (v ?? "").Split(',')).ToList();
                await using var stream = file.OpenReadStream();
                var view = await service.UploadAsync(id, leafCodes, file.FileName, file.Length, stream, form["documentNumber"].ToString(), date, CurrentUser.From(principal), ct);
                return TypedResults.Created($"/api/assessments/{id}/evidence/{view.Id}", view);
            })
            .DisableAntiforgery()
            .AddEndpointFilter<AntiforgeryHeaderFilter>()
            .WithSummary("Tải lên tài liệu kiểm chứng (PDF, PNG, JPEG, DOCX, XLSX)");

        group.MapPost("/{id:int}/evidence/{evidenceId:guid}/leaves", async Task<Ok<EvidenceView>> (int id, Guid evidenceId, EvidenceAttachRequest request, ClaimsPrincipal principal, EvidenceService service, CancellationToken ct) =>
                TypedResults.Ok(await service.AttachAsync(id, evidenceId, request.LeafCodes ?? [], CurrentUser.From(principal), ct)))
            .WithSummary("Dùng lại tài liệu đã tải lên cho tiêu chí khác của cùng bản tự đánh giá");

        group.MapGet("/{id:int}/checklist/{action}", async Task<Ok<ActionChecklist>> (int id, string action, ClaimsPrincipal principal, ActionChecklistService service, CancellationToken ct) =>
                TypedResults.Ok(await service.GetAsync(id, WorkflowActionNames.Parse(action)
                    ?? throw DomainException.NotFound($"Không có bước \"{action}\".", $"There is no step \"{action}\"."), CurrentUser.From(principal), ct)))
            .WithSummary("Danh sách kiểm tra trước một bước (tiêu chí chưa chấm, thiếu tài liệu/giải trình, phần được giao chưa xong) và bước tiếp theo");

        group.MapGet("/{id:int}/evidence/{evidenceId:guid}", async Task<FileStreamHttpResult> (int id, Guid evidenceId, ClaimsPrincipal principal, EvidenceService service, CancellationToken ct) =>
            {
                var (file, content) = await service.OpenAsync(id, evidenceId, CurrentUser.From(principal), ct);
                return TypedResults.File(content, file.ContentType, file.FileName);
            })
            .WithSummary("Tải về tài liệu kiểm chứng");

        group.MapDelete("/{id:int}/evidence/{evidenceId:guid}", async Task<NoContent> (int id, Guid evidenceId, ClaimsPrincipal principal, EvidenceService service, CancellationToken ct) =>
            {
                await service.DeleteAsync(id, evidenceId, CurrentUser.From(principal), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Xoá tài liệu kiểm chứng (khi chưa gửi)");

        return api;
    }

    private static DateOnly ParseDate(string text)
    {
        string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
        return DateOnly.TryParseExact(text.Trim(), formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw DomainException.Invalid($"Ngày ban hành \"{text}\" không hợp lệ (dùng dd/MM/yyyy).", $"The date of issue \"{text}\" is not valid (use dd/MM/yyyy).");
    }
}

/// <summary>
/// Validates the antiforgery token of a multipart upload sent by script (header or form field),
/// turning a missing token into a ProblemDetails 400 rather than an empty response.
/// </summary>
/// <summary>The leaves an uploaded document should also back.</summary>
public sealed record EvidenceAttachRequest(IReadOnlyList<string>? LeafCodes);

internal sealed class AntiforgeryHeaderFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            throw new DomainException(ErrorKind.Invalid, "Phiên làm việc không hợp lệ",
                "Mã chống giả mạo yêu cầu (antiforgery) thiếu hoặc đã hết hạn. Hãy tải lại trang rồi thử lại.")
            {
                EnglishTitle = "Session expired",
                EnglishDetail = "The antiforgery token is missing or has expired. Reload the page and try again.",
            };
        }

        return await next(context);
    }
}
