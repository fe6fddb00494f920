using Microsoft.AspNetCore.Identity;
using ParIndex.Data;
using ParIndex.Data.Accounts;

namespace ParIndex.Web.Accounts;

/// <summary>ASP.NET Core Identity over the ParIndex database: lockout, password rules, the unit claim.</summary>
internal static class IdentitySetup
{
    public static IServiceCollection AddParIndexIdentity(this IServiceCollection services)
    {
        services
            .AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Password.RequiredLength = 8;
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<ParIndexDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<UnitClaimsPrincipalFactory>();
        return services;
    }
}
