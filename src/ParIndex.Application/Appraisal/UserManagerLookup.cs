using Microsoft.AspNetCore.Identity;
using ParIndex.Data.Accounts;

namespace ParIndex.Application.Appraisal;

/// <summary>Checks an account's role by user name (for appraiser assignments).</summary>
public sealed class UserManagerLookup(UserManager<AppUser> users)
{
    public async Task<bool> IsInRoleAsync(string userName, string role)
    {
        var user = await users.FindByNameAsync(userName);
        return user is not null && await users.IsInRoleAsync(user, role);
    }
}
