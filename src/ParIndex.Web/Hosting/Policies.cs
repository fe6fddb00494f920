using Microsoft.AspNetCore.Authorization;
using ParIndex.Data.Accounts;

namespace ParIndex.Web.Hosting;

/// <summary>Role policies. Unit scope is checked by the handlers, which know the unit of the data.</summary>
public static class Policies
{
    public const string Administrator = nameof(Administrator);
    public const string Coordinator = nameof(Coordinator);
    public const string ManageCampaignsOrUnits = nameof(ManageCampaignsOrUnits);

    public static AuthorizationBuilder AddParIndexPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Coordinator, p => p.RequireRole(Roles.Coordinator))
            .AddPolicy(ManageCampaignsOrUnits, p => p.RequireRole(Roles.Administrator, Roles.Coordinator));
    }
}
