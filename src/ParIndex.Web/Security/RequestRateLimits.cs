using System.Threading.RateLimiting;
using ParIndex.Web.Localization;

namespace ParIndex.Web.Security;

/// <summary>
/// Per client address limits on the two anonymous posts that cost the server most:
/// login attempts (<c>RateLimits:LoginPerMinute</c>, default 20), on top of the per-account lockout,
/// so that guessing across many accounts from one address is slowed down too; and checks of a
/// signed PDF (<c>RateLimits:VerifyPerMinute</c>, default 30; the page and the API), each of which
/// parses an uploaded file of up to several megabytes and verifies its signatures.
/// </summary>
public static class RequestRateLimits
{
    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var loginPerMinute = configuration.GetValue("RateLimits:LoginPerMinute", 20);
        var verifyPerMinute = configuration.GetValue("RateLimits:VerifyPerMinute", 30);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                LimitOf(http.Request) switch
                {
                    Limit.Login => PerMinute("login:" + Address(http), loginPerMinute),
                    Limit.Verify => PerMinute("verify:" + Address(http), verifyPerMinute),
                    _ => RateLimitPartition.GetNoLimiter("other"),
                });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                var english = Texts.For(context.HttpContext).IsEnglish;
                var login = LimitOf(context.HttpContext.Request) == Limit.Login;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = (login, english) switch
                        {
                            (true, true) => "Too many sign-in attempts",
                            (true, false) => "Quá nhiều lần đăng nhập",
                            (false, true) => "Too many signature checks",
                            (false, false) => "Quá nhiều lần kiểm tra chữ ký",
                        },
                        Detail = (login, english) switch
                        {
                            (true, true) => "There have been too many sign-in attempts from this address. Try again in a minute.",
                            (true, false) => "Có quá nhiều lần đăng nhập từ địa chỉ này. Hãy thử lại sau một phút.",
                            (false, true) => "There have been too many signature checks from this address. Try again in a minute.",
                            (false, false) => "Có quá nhiều lần kiểm tra chữ ký từ địa chỉ này. Hãy thử lại sau một phút.",
                        },
                    },
                });
            };
        });
    }

    private enum Limit
    {
        None,
        Login,
        Verify,
    }

    private static Limit LimitOf(HttpRequest request) =>
        !HttpMethods.IsPost(request.Method) ? Limit.None
        : request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase) ? Limit.Login
        : request.Path.Equals("/verify", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/api/verify-pdf", StringComparison.OrdinalIgnoreCase) ? Limit.Verify
        : Limit.None;

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
