using System.Globalization;
using System.Security.Claims;

namespace ParIndex.Web.Accounts;

/// <summary>The web's source of the current user: the signed-in principal's name, roles and unit claim.</summary>
public static class CurrentUserClaims
{
    extension(CurrentUser)
    {
        public static CurrentUser From(ClaimsPrincipal principal)
        {
            ArgumentNullException.ThrowIfNull(principal);
            var name = principal.Identity?.Name ?? "";
            var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            int? unit = int.TryParse(principal.FindFirstValue(ParIndex.Data.Accounts.Roles.UnitClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
            return new CurrentUser(name, principal.FindFirstValue(ClaimTypes.GivenName) ?? name, roles, unit);
        }
    }
}
