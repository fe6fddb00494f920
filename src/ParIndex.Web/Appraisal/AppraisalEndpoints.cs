using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Core.Ranking;
using ParIndex.Web.Accounts;
using ParIndex.Web.Hosting;

namespace ParIndex.Web.Appraisal;

/// <summary>The appraisal API: per-leaf appraisal and response, workflow actions, campaign approval and publication.</summary>
public static class AppraisalEndpoints
{
    public static RouteGroupBuilder MapAppraisalEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var assessments = api.MapGroup("/assessments/{id:int}").WithTags("Appraisal");

        assessments.MapGet("/appraisal", async Task<Ok<AppraisalView>> (int id, ClaimsPrincipal principal, AppraisalService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(id, CurrentUser.From(principal), ct)))
            .WithSummary("Bảng thẩm định: điểm tự đánh giá, điểm thẩm định, giải trình, điểm cuối cùng");

        assessments.MapPut("/appraisal/{code}", async Task<Ok<AppraisalView>> (int id, string code, AppraisalRequest request, ClaimsPrincipal principal, AppraisalService service, CancellationToken ct) =>
            TypedResults.Ok(await service.AppraiseLeafAsync(id, code, request, CurrentUser.From(principal), ct)))
            .WithSummary("Chấp nhận hoặc điều chỉnh điểm một tiêu chí (điều chỉnh phải có lý do)");

        assessments.MapPost("/appraisal/accept-remaining", async Task<Ok<AppraisalView>> (int id, ClaimsPrincipal principal, AppraisalService service, CancellationToken ct) =>
            TypedResults.Ok(await service.AcceptRemainingAsync(id, CurrentUser.From(principal), ct)))
            .WithSummary("Chấp nhận điểm tự đánh giá của mọi tiêu chí chưa thẩm định");

        assessments.MapPut("/responses/{code}", async Task<Ok<AppraisalView>> (int id, string code, ResponseRequest request, ClaimsPrincipal principal, AppraisalService service, CancellationToken ct) =>
            TypedResults.Ok(await service.RespondLeafAsync(id, code, request, CurrentUser.From(principal), ct)))
            .WithSummary("Đơn vị giải trình một tiêu chí bị điều chỉnh điểm");

        assessments.MapPost("/actions/{action}", async Task<Ok<AssessmentView>> (int id, string action, ClaimsPrincipal principal, AssessmentService service, CancellationToken ct) =>
            TypedResults.Ok(await service.TransitionAsync(id, ParseAction(action), CurrentUser.From(principal), ct)))
            .WithSummary("Chuyển trạng thái: submit, withdraw, start-appraisal, send-preliminary, respond, approve, publish");

        var campaigns = api.MapGroup("/campaigns/{id:int}").WithTags("Appraisal");

        campaigns.MapPost("/actions/{action}", async Task<Ok<CampaignActionResult>> (int id, string action, ClaimsPrincipal principal, CampaignAppraisalService service, CancellationToken ct) =>
            TypedResults.Ok(new CampaignActionResult(await service.ApplyToAllAsync(id, ParseAction(action), CurrentUser.From(principal), ct))))
            .WithSummary("Áp dụng một bước cho mọi đơn vị của kỳ đánh giá (vd. approve, publish); không đơn vị nào thay đổi nếu một đơn vị không được");

        campaigns.MapGet("/appraisers", async Task<Ok<IReadOnlyList<AppraiserAssignmentView>>> (int id, ClaimsPrincipal principal, CampaignAppraisalService service, CancellationToken ct) =>
            TypedResults.Ok(await service.AssignmentsAsync(id, CurrentUser.From(principal), ct)))
            .WithSummary("Phân công thẩm định");

        campaigns.MapPost("/appraisers", async Task<Ok<IReadOnlyList<AppraiserAssignmentView>>> (int id, AppraiserAssignmentRequest request, ClaimsPrincipal principal, CampaignAppraisalService service, CancellationToken ct) =>
            TypedResults.Ok(await service.AssignAsync(id, request, CurrentUser.From(principal), ct)))
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Giao đơn vị hoặc lĩnh vực cho một thành viên Tổ thẩm định");

        campaigns.MapDelete("/appraisers/{assignmentId:int}", async Task<Ok<IReadOnlyList<AppraiserAssignmentView>>> (int id, int assignmentId, ClaimsPrincipal principal, CampaignAppraisalService service, CancellationToken ct) =>
            TypedResults.Ok(await service.UnassignAsync(id, assignmentId, CurrentUser.From(principal), ct)))
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Bỏ một phân công thẩm định");

        campaigns.MapPut("/response-deadline", async Task<NoContent> (int id, ResponseDeadlineRequest request, ClaimsPrincipal principal, CampaignAppraisalService service, CancellationToken ct) =>
            {
                await service.SetResponseDeadlineAsync(id, request.Deadline, CurrentUser.From(principal), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Hạn giải trình kết quả sơ bộ");

        campaigns.MapPut("/bands", async Task<NoContent> (int id, BandScheme bands, ClaimsPrincipal principal, CampaignAppraisalService service, CancellationToken ct) =>
            {
                await service.SetBandsAsync(id, bands, CurrentUser.From(principal), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Các nhóm xếp loại theo chỉ số (vd. A ≥ 90%)");

        campaigns.MapPut("/previous", async Task<NoContent> (int id, PreviousCampaignRequest request, ClaimsPrincipal principal, CampaignAppraisalService service, CancellationToken ct) =>
            {
                await service.SetPreviousAsync(id, request, CurrentUser.From(principal), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Kỳ đánh giá năm trước để so sánh, kèm bảng chuyển mã khi mã tiêu chí thay đổi");

        return api;
    }

    private static Core.Workflow.WorkflowAction ParseAction(string action) =>
        WorkflowActionNames.Parse(action) ?? throw DomainException.NotFound($"Không có bước \"{action}\" (dùng submit, withdraw, start-appraisal, send-preliminary, respond, approve, publish).", $"There is no step \"{action}\" (use submit, withdraw, start-appraisal, send-preliminary, respond, approve, publish).");
}

public sealed record CampaignActionResult(int Assessments);
