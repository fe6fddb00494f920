using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using ParIndex.Application.Results;
using ParIndex.Web.Localization;

namespace ParIndex.Web.Results;

/// <summary>
/// HTTP caching of the published results (ADR 0133): every anonymous GET of a public results page or
/// API answer carries an entity tag made of the stored snapshot's content hash and the request's
/// variant (path, query, language), and a matching <c>If-None-Match</c> is answered 304 without
/// rendering. A new snapshot (re-publication) changes every tag. Signed-in users get no tag: their
/// pages carry their name and menu.
/// </summary>
public static partial class PublicResultsCaching
{
    [GeneratedRegex(@"^/(?:results|api/public/campaigns)/(\d{1,9})(?:/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ResultsPath();

    public static IApplicationBuilder UsePublicResultsCaching(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            || http.User.Identity?.IsAuthenticated == true
            || ResultsPath().Match(http.Request.Path.Value ?? "") is not { Success: true } match
            || !int.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var campaignId))
        {
            await next(http);
            return;
        }

        var hash = await NewestHashAsync(http, campaignId);
        if (hash is null)
        {
            // Nothing stored yet: the page stores it (or says "not published"); the next request gets a tag.
            await next(http);
            return;
        }

        var tag = new EntityTagHeaderValue("\"" + hash[..16] + "-" + Variant(http) + "\"", isWeak: true);
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(tag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            http.Response.Headers.ETag = tag.ToString();
            return;
        }

        // Set before rendering (not when the response starts) so that the output cache stores them
        // with the page (ADR 0140); taken off again if the answer is not a 200.
        http.Response.Headers.ETag = tag.ToString();
        // Stored results change only with a new snapshot: revalidate each time, answer 304 while it holds.
        http.Response.Headers.CacheControl = "public, no-cache";
        http.Response.OnStarting(() =>
        {
            if (http.Response.StatusCode != StatusCodes.Status200OK)
            {
                http.Response.Headers.Remove(HeaderNames.ETag);
                http.Response.Headers.Remove(HeaderNames.CacheControl);
            }

            return Task.CompletedTask;
        });
        await next(http);
    });

    /// <summary>
    /// The newest snapshot's hash of the campaign, read once per request (the output cache's key and
    /// the entity tag share it).
    /// </summary>
    internal static async Task<string?> NewestHashAsync(HttpContext http, int campaignId)
    {
        var key = (typeof(PublicResultsCaching), campaignId);
        if (http.Items.TryGetValue(key, out var known))
        {
            return (string?)known;
        }

        var hash = await http.RequestServices.GetRequiredService<ResultSnapshotService>().NewestHashAsync(campaignId, http.RequestAborted);
        http.Items[key] = hash;
        return hash;
    }

    /// <summary>What else the answer depends on: path, query and the language cookie.</summary>
    private static string Variant(HttpContext http)
    {
        var text = http.Request.Path + http.Request.QueryString + "|" + Texts.For(http).Language;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
