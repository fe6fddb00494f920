using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using ParIndex.Web.Accounts;
using ParIndex.Web.Problems;

namespace ParIndex.Web.Security;

/// <summary>Sessions, login, cross-site request checks, security headers and error pages (ADR 0108).</summary>
public static class SecuritySetup
{
    /// <summary>Call after <c>AddIdentity</c>.</summary>
    public static IServiceCollection AddParIndexSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthSessionOptions>(configuration.GetSection("Auth"));
        services.AddSingleton<DbTicketStore>();
        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>, SessionCookieSetup>();
        services.AddScoped<LoginService>();
        return services;
    }

    /// <summary>Call first in the pipeline (after forwarded headers): it wraps error handling too.</summary>
    public static WebApplication UseParIndexSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<CrossSiteRequestGuard>();
        // Pages get a styled error page; the API keeps ProblemDetails (its exception handlers answer first).
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            CreateScopeForErrors = true,
            StatusCodeSelector = e => e is DomainException d ? d.Status : StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true));
        return app;
    }

    internal static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
