using Microsoft.AspNetCore.Identity;
using ParIndex.Data.Units;

namespace ParIndex.Data.Accounts;

/// <summary>A person who logs in. Their role is an Identity role; their scope is one unit.</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    /// <summary>The unit the user acts for; null for system-wide roles (administrator, coordinator of the ministry).</summary>
    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }
}
