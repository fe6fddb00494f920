using System.Threading.RateLimiting;
using ParIndex.Web.Localization;

namespace ParIndex.Web.Accounts;

/// <summary>
/// Limits login attempts per client address (<c>RateLimits:LoginPerMinute</c>, default 20), on top of
/// the per-account lockout: guessing across many accounts from one address is slowed down too.
/// </summary>
public static class LoginRateLimit
{
    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:LoginPerMinute", 20);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "login:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("other"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                var english = Texts.For(context.HttpContext).IsEnglish;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = english ? "Too many sign-in attempts" : "Quá nhiều lần đăng nhập",
                        Detail = english
                            ? "There have been too many sign-in attempts from this address. Try again in a minute."
                            : "Có quá nhiều lần đăng nhập từ địa chỉ này. Hãy thử lại sau một phút.",
                    },
                });
            };
        });
    }
}
