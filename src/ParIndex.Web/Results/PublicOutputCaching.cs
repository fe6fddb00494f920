using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OutputCaching;
using ParIndex.Web.Localization;

namespace ParIndex.Web.Results;

/// <summary>
/// Output caching of the rendered public results (ADR 0140): the ranking pages, the score cards and
/// their JSON reads are rendered once per stored snapshot and variant, then served from memory. The
/// key holds the newest snapshot's hash, read from the database on every request, so a
/// re-publication on any instance changes the key everywhere. Only anonymous requests are served or
/// stored, only 200 answers that set no cookie, and the store is bounded in bytes.
/// </summary>
public static partial class PublicOutputCaching
{
    public const string Section = "PublicResults";

    /// <summary>How long an entry of a snapshot lives; a newer snapshot bypasses it at once.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // Pages and JSON reads of one campaign's published results; not the downloads (PublicDownloadCache) nor the report PDF.
    [GeneratedRegex(@"^/(?:results/(\d{1,9})(?:/units/\d{1,9})?|api/public/campaigns/(\d{1,9})/(?:results|ranking|units/\d{1,9}))/?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CachedPath();

    public static IServiceCollection AddPublicOutputCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var megabytes = Math.Clamp(configuration.GetValue($"{Section}:OutputCacheMegabytes", 64L), 0, 4096);
        var entryKilobytes = Math.Clamp(configuration.GetValue($"{Section}:OutputCacheEntryKilobytes", 1024L), 1, 65536);
        return services.AddOutputCache(options =>
        {
            options.SizeLimit = megabytes * 1024 * 1024;
            options.MaximumBodySize = entryKilobytes * 1024;
            options.DefaultExpirationTimeSpan = Lifetime;
            options.AddBasePolicy(new SnapshotPolicy());
        });
    }

    /// <summary>After authentication (anonymous only) and before <see cref="PublicResultsCaching"/> (which it shares the snapshot read with).</summary>
    public static IApplicationBuilder UsePublicOutputCaching(this IApplicationBuilder app) => app.UseOutputCache();

    /// <summary>The campaign of a cached public results path, or null.</summary>
    internal static int? CampaignOf(PathString path) =>
        CachedPath().Match(path.Value ?? "") is { Success: true } m
        && int.TryParse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    private sealed class SnapshotPolicy : IOutputCachePolicy
    {
        async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                || Personal(http)
                || CampaignOf(http.Request.Path) is not { } campaignId)
            {
                return;
            }

            var hash = await PublicResultsCaching.NewestHashAsync(http, campaignId);
            if (hash is null)
            {
                // Not stored yet (or not published): the page stores it or answers "not found"; cache from the next request.
                return;
            }

            context.EnableOutputCaching = true;
            context.AllowCacheLookup = true;
            context.AllowCacheStorage = true;
            // Concurrent misses of one key wait for a single render.
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = Lifetime;
            var vary = context.CacheVaryByRules;
            vary.QueryKeys = "*";
            vary.VaryByValues["snapshot"] = hash;
            vary.VaryByValues["lang"] = Texts.For(http).Language;
            // Blazor's enhanced navigation asks with its own Accept header; keep its answers apart.
            vary.VaryByValues["nav"] = http.Request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.OrdinalIgnoreCase) ? "enhanced" : "page";
            context.Tags.Add("results-" + campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var http = context.HttpContext;
            // A cookie set (session, antiforgery, language) or anything but a plain 200 is never stored.
            if (http.Response.StatusCode != StatusCodes.Status200OK || http.Response.Headers.SetCookie.Count > 0 || Personal(http))
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }

        /// <summary>A signed-in user's page carries the name and menu: never served from or stored in the cache.</summary>
        private static bool Personal(HttpContext http) =>
            http.User.Identity?.IsAuthenticated == true || http.Request.Headers.Authorization.Count > 0;
    }
}
