using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Data.Accounts;

namespace ParIndex.Web.Accounts;

/// <summary>Logout (a form post with antiforgery) and the language switch.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();
        group.MapPost("/logout", async (SignInManager<AppUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        });
        group.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            var culture = code == "en" ? "en" : "vi";
            http.Response.Cookies.Append(Localization.Texts.CookieName, culture,
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return TypedResults.LocalRedirect(IsLocalPath(returnUrl) ? returnUrl : "/");
        });
        return app;
    }

    /// <summary>
    /// A path on this site: one leading <c>/</c> not followed by <c>/</c> or <c>\</c> (browsers read
    /// <c>/\evil.example</c> as another host) and no control character. The same rule as
    /// <c>LocalRedirect</c>'s own check, which throws (a 500) instead of answering.
    /// </summary>
    internal static bool IsLocalPath([NotNullWhen(true)] string? url) =>
        url is ['/', ..] && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.Any(char.IsControl);
}
