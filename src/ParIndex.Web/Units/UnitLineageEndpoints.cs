using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Application.Units;
using ParIndex.Web.Accounts;
using ParIndex.Web.Hosting;

namespace ParIndex.Web.Units;

/// <summary>
/// Units over time (ADR 0126): merge, split, rename (administrator), lineage and the units that exist
/// on a day; the predecessors' results of a published unit (public); whether a campaign runs its
/// survey (coordinator, ADR 0127).
/// </summary>
public static class UnitLineageEndpoints
{
    public sealed record SurveyRunRequest(bool SurveyNotRun);

    public sealed record SurveyRunView(int CampaignId, bool SurveyNotRun);

    public static RouteGroupBuilder MapUnitLineageEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var units = api.MapGroup("/units").WithTags("Units");
        units.MapGet("/active", async Task<Ok<IReadOnlyList<UnitPeriodView>>> (string? kind, DateOnly? on, UnitLineageService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ActiveUnitsAsync(kind, on ?? service.Today(), ct)))
            .RequireAuthorization(Policies.ManageCampaignsOrUnits)
            .WithSummary("Đơn vị còn hoạt động vào một ngày (on=yyyy-MM-dd, mặc định hôm nay), có thể lọc theo loại");
        units.MapGet("/lineage", async Task<Ok<IReadOnlyList<LineageLinkView>>> (UnitLineageService service, CancellationToken ct) =>
                TypedResults.Ok(await service.LinksAsync(ct)))
            .RequireAuthorization(Policies.ManageCampaignsOrUnits);
        units.MapGet("/{id:int}/lineage", async Task<Ok<UnitLineageView>> (int id, UnitLineageService service, CancellationToken ct) =>
                TypedResults.Ok(await service.LineageAsync(id, ct)))
            .RequireAuthorization(Policies.ManageCampaignsOrUnits);
        units.MapPost("/merge", async Task<Ok<UnitChangeResult>> (MergeRequest request, ClaimsPrincipal principal, UnitLineageService service, CancellationToken ct) =>
                TypedResults.Ok(await service.MergeAsync(request, CurrentUser.From(principal), ct)))
            .RequireAuthorization(Policies.Administrator);
        units.MapPost("/split", async Task<Ok<UnitChangeResult>> (SplitRequest request, ClaimsPrincipal principal, UnitLineageService service, CancellationToken ct) =>
                TypedResults.Ok(await service.SplitAsync(request, CurrentUser.From(principal), ct)))
            .RequireAuthorization(Policies.Administrator);
        units.MapPost("/{id:int}/rename", async Task<Ok<UnitChangeResult>> (int id, RenameBody request, ClaimsPrincipal principal, UnitLineageService service, CancellationToken ct) =>
                TypedResults.Ok(await service.RenameAsync(new RenameRequest(id, request.NewName, request.EffectiveDate, request.Note), CurrentUser.From(principal), ct)))
            .RequireAuthorization(Policies.Administrator);

        var campaigns = api.MapGroup("/campaigns").WithTags("Campaigns").RequireAuthorization(Policies.Coordinator);
        campaigns.MapGet("/{id:int}/survey-run", async Task<Ok<SurveyRunView>> (int id, SurveyRunService service, CancellationToken ct) =>
            TypedResults.Ok(new SurveyRunView(id, await service.SurveyNotRunAsync(id, ct))));
        campaigns.MapPut("/{id:int}/survey-run", async Task<Ok<SurveyRunView>> (int id, SurveyRunRequest request, ClaimsPrincipal principal, SurveyRunService service, CancellationToken ct) =>
            {
                await service.SetSurveyNotRunAsync(id, request.SurveyNotRun, CurrentUser.From(principal), ct);
                return TypedResults.Ok(new SurveyRunView(id, request.SurveyNotRun));
            })
            .WithSummary("Kỳ đánh giá có thực hiện điều tra xã hội học không (surveyNotRun: true → chỉ số tính trên tổng điểm tự đánh giá tối đa)");
        return api;
    }

    /// <summary>A rename's body; the unit is in the path.</summary>
    public sealed record RenameBody(string NewName, DateOnly EffectiveDate, string? Note);

    public static IEndpointRouteBuilder MapPublicLineageEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/public/campaigns/{id:int}/units/{unitId:int}/lineage", async Task<Ok<UnitLineageResults>> (int id, int unitId, PredecessorResultsService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ForUnitAsync(id, unitId, publicOnly: true, ct)))
            .WithTags("Public results").AllowAnonymous()
            .WithSummary("Đơn vị tiền thân và kết quả kỳ trước của chúng (so sánh không trực tiếp)");
        return app;
    }
}
