using System.Globalization;
using ParIndex.Data.Accounts;

namespace ParIndex.Web.Hosting;

/// <summary>
/// Opens a logging scope for each request with the user name, the user's unit and the request id,
/// so that every log line written while the request runs carries them. Runs after authentication.
/// </summary>
internal sealed class RequestLogScope(RequestDelegate next, ILogger<RequestLogScope> logger)
{
    public const string UserNameKey = "UserName";
    public const string UnitIdKey = "UnitId";
    public const string RequestIdKey = "RequestId";

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        var userName = user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;
        int? unitId = int.TryParse(user.FindFirst(Roles.UnitClaim)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
        var values = new Dictionary<string, object?>
        {
            [UserNameKey] = userName,
            [UnitIdKey] = unitId,
            [RequestIdKey] = context.TraceIdentifier,
        };
        using (logger.BeginScope(values))
        {
            await next(context);
        }
    }
}

internal static class RequestLogScopeExtensions
{
    /// <summary>Adds <see cref="RequestLogScope"/>; call after <c>UseAuthentication</c>.</summary>
    public static IApplicationBuilder UseRequestLogScope(this IApplicationBuilder app) => app.UseMiddleware<RequestLogScope>();
}
