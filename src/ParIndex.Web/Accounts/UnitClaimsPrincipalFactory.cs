using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ParIndex.Data.Accounts;

namespace ParIndex.Web.Accounts;

/// <summary>Adds the user's unit (the scope of every unit permission) and full name to the cookie.</summary>
internal sealed class UnitClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(Roles.UnitClaim, unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        identity.AddClaim(new Claim(ClaimTypes.GivenName, string.IsNullOrWhiteSpace(user.FullName) ? user.UserName ?? "" : user.FullName));
        return identity;
    }
}
