using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using ParIndex.Web.Accounts;

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
        // Two status-code layers: the inner one re-executes page requests to /error/{code}; for /api
        // it is switched off, and the outer one writes ProblemDetails. (A UseWhen branch cannot
        // re-execute through routing, so the switch is a feature flag instead.)
        app.UseStatusCodePages();
        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (IsApi(context) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>Whether the request (before any error re-execution changed its path) is for the API.</summary>
    internal static bool IsApi(HttpContext context)
    {
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Request.Path.Value;
        return new PathString(path).StartsWithSegments("/api");
    }
}
