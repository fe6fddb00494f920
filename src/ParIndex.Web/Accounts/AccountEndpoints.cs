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
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return TypedResults.LocalRedirect(target);
        });
        return app;
    }
}
