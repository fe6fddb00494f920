using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Web.Accounts;
using ParIndex.Web.Hosting;

namespace ParIndex.Web.Campaigns;

/// <summary>Campaigns, deadlines and assignments (coordinator). The framework list is the library's (FrameworkEndpoints).</summary>
public static class CampaignEndpoints
{
    public static RouteGroupBuilder MapCampaignEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var campaigns = api.MapGroup("/campaigns").WithTags("Campaigns").RequireAuthorization(Policies.Coordinator);
        campaigns.MapGet("/", async Task<Ok<IReadOnlyList<CampaignView>>> (CampaignService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)));
        campaigns.MapGet("/{id:int}", async Task<Ok<CampaignView>> (int id, CampaignService service, CancellationToken ct) => TypedResults.Ok(await service.GetAsync(id, ct)));
        campaigns.MapPost("/", async Task<Created<CampaignView>> (CampaignRequest request, CampaignService service, CancellationToken ct) =>
        {
            var campaign = await service.CreateAsync(request, ct);
            return TypedResults.Created($"/api/campaigns/{campaign.Id}", campaign);
        });
        campaigns.MapPut("/{id:int}/deadline", async Task<Ok<CampaignView>> (int id, DeadlineRequest request, ClaimsPrincipal principal, CampaignService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SetDeadlineAsync(id, request.Deadline, CurrentUser.From(principal), ct)));

        var perAssessment = api.MapGroup("/assessments/{assessmentId:int}").WithTags("Campaigns").RequireAuthorization(Policies.Coordinator);
        perAssessment.MapPut("/deadline-exception", async Task<Ok<CampaignView>> (int assessmentId, DeadlineRequest request, ClaimsPrincipal principal, CampaignService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SetDeadlineExceptionAsync(assessmentId, request.Deadline, CurrentUser.From(principal), ct)));
        perAssessment.MapPost("/assignments", async Task<Ok<CampaignView>> (int assessmentId, AssignmentRequest request, ClaimsPrincipal principal, CampaignService service, CancellationToken ct) =>
            TypedResults.Ok(await service.AssignAsync(assessmentId, request, CurrentUser.From(principal), ct)));
        perAssessment.MapDelete("/assignments/{assignmentId:int}", async Task<Ok<CampaignView>> (int assessmentId, int assignmentId, ClaimsPrincipal principal, CampaignService service, CancellationToken ct) =>
            TypedResults.Ok(await service.UnassignAsync(assessmentId, assignmentId, CurrentUser.From(principal), ct)));
        return api;
    }
}
