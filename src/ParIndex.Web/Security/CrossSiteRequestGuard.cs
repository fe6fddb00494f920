using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace ParIndex.Web.Security;

/// <summary>
/// Refuses state-changing requests (POST, PUT, PATCH, DELETE) that another site could have made
/// with the user's cookie. A request passes when the browser says it comes from this origin
/// (<c>Sec-Fetch-Site: same-origin</c>, or without that header an <c>Origin</c> equal to the app's
/// own), or when it carries a valid antiforgery token. Anything else — another port of the same
/// host, a same-site subdomain, or no evidence at all — gets 403. SameSite=Lax alone does not stop
/// a same-site page, which is why this exists (ADR 0108).
/// </summary>
internal sealed class CrossSiteRequestGuard(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems, ILogger<CrossSiteRequestGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            await next(context);
            return;
        }

        if (FromOwnOrigin(context.Request) || await HasValidTokenAsync(context))
        {
            await next(context);
            return;
        }

        logger.LogWarning("Refused a cross-site {Method} to {Path} (Sec-Fetch-Site {Site}, Origin {Origin})",
            method, context.Request.Path, context.Request.Headers["Sec-Fetch-Site"].ToString(), context.Request.Headers.Origin.ToString());
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Yêu cầu từ trang khác bị từ chối",
                Detail = "Yêu cầu thay đổi dữ liệu phải được gửi từ chính trang ParIndex. Hãy mở lại trang và thử lại.",
            },
        });
    }

    /// <summary>What the browser says about where the request comes from.</summary>
    internal static bool FromOwnOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            // The browser's own verdict wins: same-site (another port, a subdomain) is not same-origin.
            return string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase);
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || !Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var own = request.Scheme + "://" + request.Host.Value;
        return string.Equals(uri.GetLeftPart(UriPartial.Authority), own, StringComparison.OrdinalIgnoreCase)
            && string.Equals(origin.TrimEnd('/'), own, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<bool> HasValidTokenAsync(HttpContext context)
    {
        // A token only a page of this app can read: in the X-XSRF-TOKEN header, or a form field.
        if (!context.Request.Headers.ContainsKey("X-XSRF-TOKEN") && !context.Request.HasFormContentType)
        {
            return false;
        }

        try
        {
            // The token is bound to the user; this runs before the authentication middleware.
            var user = await context.AuthenticateAsync();
            if (user.Succeeded)
            {
                context.User = user.Principal;
            }

            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException or IOException or BadHttpRequestException)
        {
            return false;
        }
    }
}
