using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Web.Accounts;
using ParIndex.Web.Hosting;

namespace ParIndex.Web.Admin;

/// <summary>Units and users (administrator). Units can also be read by the coordinator, who builds campaigns from them.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var units = api.MapGroup("/units").WithTags("Units");
        units.MapGet("/", async Task<Ok<IReadOnlyList<UnitView>>> (AdminService admin, CancellationToken ct) => TypedResults.Ok(await admin.UnitsAsync(ct)))
            .RequireAuthorization(Policies.ManageCampaignsOrUnits);
        units.MapPost("/", async Task<Created<UnitView>> (UnitRequest request, AdminService admin, ClaimsPrincipal principal, CancellationToken ct) =>
            {
                var unit = await admin.SaveUnitAsync(null, request, CurrentUser.From(principal).UserName, ct);
                return TypedResults.Created($"/api/units/{unit.Id}", unit);
            })
            .RequireAuthorization(Policies.Administrator);
        units.MapPut("/{id:int}", async Task<Ok<UnitView>> (int id, UnitRequest request, AdminService admin, ClaimsPrincipal principal, CancellationToken ct) =>
            TypedResults.Ok(await admin.SaveUnitAsync(id, request, CurrentUser.From(principal).UserName, ct)))
            .RequireAuthorization(Policies.Administrator);

        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Administrator);
        users.MapGet("/", async Task<Ok<IReadOnlyList<UserView>>> (AdminService admin, CancellationToken ct) => TypedResults.Ok(await admin.UsersAsync(ct)));
        users.MapPost("/", async Task<Created<UserView>> (UserRequest request, AdminService admin, CancellationToken ct) =>
        {
            var user = await admin.SaveUserAsync(null, request, ct);
            return TypedResults.Created($"/api/users/{user.Id}", user);
        });
        users.MapPut("/{id}", async Task<Ok<UserView>> (string id, UserRequest request, AdminService admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.SaveUserAsync(id, request, ct)));
        return api;
    }
}
