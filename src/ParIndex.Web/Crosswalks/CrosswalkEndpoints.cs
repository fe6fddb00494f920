using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Application.Crosswalks;
using ParIndex.Web.Accounts;
using ParIndex.Web.Hosting;

namespace ParIndex.Web.Crosswalks;

/// <summary>
/// Stored crosswalks (coordinator), the campaign rollover (coordinator) and the suggestions it
/// leaves on each new assessment (the unit): ADR 0124, 0125.
/// </summary>
public static class CrosswalkEndpoints
{
    public static RouteGroupBuilder MapCrosswalkEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var crosswalks = api.MapGroup("/crosswalks").WithTags("Crosswalks").RequireAuthorization(Policies.Coordinator);
        crosswalks.MapGet("/", async Task<Ok<IReadOnlyList<CrosswalkSummary>>> (CrosswalkService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithSummary("Các bảng chuyển mã đã lưu giữa hai phiên bản bộ tiêu chí");
        crosswalks.MapPost("/", async Task<Created<CrosswalkView>> (CrosswalkCreateRequest request, ClaimsPrincipal principal, CrosswalkService service, CancellationToken ct) =>
            {
                var created = await service.SuggestAsync(request, CurrentUser.From(principal), ct);
                return TypedResults.Created($"/api/crosswalks/{created.Id}", created);
            })
            .WithSummary("Tạo bảng chuyển mã gợi ý (theo mã và tên đã chuẩn hoá) giữa hai bộ tiêu chí đã lưu; 409 khi cặp này đã có");
        crosswalks.MapGet("/{id:int}", async Task<Ok<CrosswalkView>> (int id, CrosswalkService service, CancellationToken ct) => TypedResults.Ok(await service.GetAsync(id, ct)))
            .WithSummary("Một bảng chuyển mã: các dòng, tên các mã, các tiêu chí lá chưa có dòng");
        crosswalks.MapPut("/{id:int}", async Task<Ok<CrosswalkView>> (int id, CrosswalkEditRequest request, ClaimsPrincipal principal, CrosswalkService service, CancellationToken ct) =>
                TypedResults.Ok(await service.SaveAsync(id, request, CurrentUser.From(principal), ct)))
            .WithSummary("Lưu toàn bộ các dòng đã sửa (kèm phiên bản đã mở; 409 khi người khác đã lưu trước)");
        crosswalks.MapGet("/{id:int}/history", async Task<Ok<IReadOnlyList<CrosswalkRevisionView>>> (int id, CrosswalkService service, CancellationToken ct) => TypedResults.Ok(await service.HistoryAsync(id, ct)))
            .WithSummary("Lịch sử các lần lưu bảng chuyển mã");
        crosswalks.MapGet("/{id:int}/file", async Task<FileContentHttpResult> (int id, CrosswalkService service, CancellationToken ct) =>
            {
                var export = await service.ExportAsync(id, ct);
                return TypedResults.File(new UTF8Encoding(false).GetBytes(export.Json), "application/json", export.FileName);
            })
            .WithSummary("Tải về tệp bảng chuyển mã (parindex-crosswalk/1)");
        // The crosswalk file is JSON, so the API takes the file itself as the body.
        crosswalks.MapPost("/import", async Task<Ok<CrosswalkView>> (bool? replace, HttpRequest request, ClaimsPrincipal principal, CrosswalkService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ImportAsync(request.Body, replace ?? false, CurrentUser.From(principal), ct)))
            .Accepts<object>("application/json")
            .WithSummary("Nhập tệp parindex-crosswalk/1 (thân yêu cầu là tệp); replace=true thay bảng đã có của cặp phiên bản");

        api.MapPost("/campaigns/{id:int}/rollover", async Task<Created<RolloverResult>> (int id, RolloverRequest request, ClaimsPrincipal principal, CampaignRolloverService service, CancellationToken ct) =>
            {
                var result = await service.RolloverAsync(id, request, CurrentUser.From(principal), ct);
                return TypedResults.Created($"/api/campaigns/{result.CampaignId}", result);
            })
            .WithTags("Campaigns").RequireAuthorization(Policies.Coordinator)
            .WithSummary("Tạo kỳ đánh giá năm sau từ kỳ này: phiên bản bộ tiêu chí, bảng chuyển mã; chuyển đơn vị, phân công, chỉ tiêu mẫu; gợi ý giải trình năm trước");

        var suggestions = api.MapGroup("/assessments/{assessmentId:int}/suggestions").WithTags("Assessments").RequireAuthorization();
        suggestions.MapGet("/", async Task<Ok<IReadOnlyList<CarriedSuggestionView>>> (int assessmentId, ClaimsPrincipal principal, CarriedSuggestionService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(assessmentId, CurrentUser.From(principal), ct)))
            .WithSummary("Gợi ý từ năm trước: giải trình và tài liệu kiểm chứng của tiêu chí tương ứng (không có điểm)");
        suggestions.MapPost("/{suggestionId:int}/accept", async Task<Ok<CarriedSuggestionView>> (int assessmentId, int suggestionId, ClaimsPrincipal principal, CarriedSuggestionService service, CancellationToken ct) =>
                TypedResults.Ok(await service.AcceptAsync(assessmentId, suggestionId, CurrentUser.From(principal), ct)))
            .WithSummary("Dùng gợi ý: thêm giải trình năm trước và sao chép tài liệu kiểm chứng vào tiêu chí");
        suggestions.MapPost("/{suggestionId:int}/ignore", async Task<Ok<CarriedSuggestionView>> (int assessmentId, int suggestionId, ClaimsPrincipal principal, CarriedSuggestionService service, CancellationToken ct) =>
                TypedResults.Ok(await service.IgnoreAsync(assessmentId, suggestionId, CurrentUser.From(principal), ct)))
            .WithSummary("Bỏ qua gợi ý");
        return api;
    }
}
