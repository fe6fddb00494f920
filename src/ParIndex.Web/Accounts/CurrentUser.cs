using System.Globalization;
using System.Security.Claims;
using ParIndex.Data.Accounts;

namespace ParIndex.Web.Accounts;

/// <summary>The signed-in user as the permission checks see them: name, roles, unit scope.</summary>
public sealed record CurrentUser(string UserName, string DisplayName, IReadOnlySet<string> Roles, int? UnitId)
{
    public bool IsIn(string role) => Roles.Contains(role);

    public bool IsAdministrator => IsIn(ParIndex.Data.Accounts.Roles.Administrator);

    public bool IsCoordinator => IsIn(ParIndex.Data.Accounts.Roles.Coordinator);

    /// <summary>Roles that see every assessment of every unit.</summary>
    public bool SeesAllUnits => IsAdministrator || IsCoordinator
        || IsIn(ParIndex.Data.Accounts.Roles.Appraiser) || IsIn(ParIndex.Data.Accounts.Roles.CouncilChair);

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var name = principal.Identity?.Name ?? "";
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        int? unit = int.TryParse(principal.FindFirstValue(ParIndex.Data.Accounts.Roles.UnitClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
        return new CurrentUser(name, principal.FindFirstValue(ClaimTypes.GivenName) ?? name, roles, unit);
    }
}
