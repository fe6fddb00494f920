using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ParIndex.Application;
using ParIndex.Application.Results;
using ParIndex.Data.Providers;
using ParIndex.Web.Localization;

namespace ParIndex.Web.Tests.Performance;

/// <summary>A national sample of 5 units, generated once for the class.</summary>
public sealed class SmallNationalSite : IAsyncLifetime
{
    public NationalSite Site { get; } = new();

    public Task InitializeAsync() => Site.GenerateAsync(5);

    public Task DisposeAsync() => Site.DisposeAsync().AsTask();
}

/// <summary>
/// Output caching of the rendered public results per stored snapshot (ADR 0140): a repeated
/// anonymous request is served without rendering, a new snapshot stored by another process changes
/// the page, signed-in and English answers never mix with the anonymous Vietnamese ones, and
/// the cache is bounded.
/// </summary>
public sealed class PublicOutputCacheTests(SmallNationalSite fixture) : IClassFixture<SmallNationalSite>
{
    private NationalSite Site => fixture.Site;

    [Fact]
    public async Task A_repeated_anonymous_page_is_served_from_the_cache_with_its_tag_and_without_cookies()
    {
        var campaign = Site.Data.PublishedCampaignId;
        using var anonymous = Anonymous(Site);
        foreach (var path in new[] { $"/results/{campaign}?nhom=commune&trang=1", $"/results/{campaign}/units/{await UnitOfKindAsync("province")}", $"/api/public/campaigns/{campaign}/ranking?group=commune" })
        {
            var (first, rendered) = await GetAsync(anonymous, path);
            var (second, cached) = await GetAsync(anonymous, path);
            Assert.True(rendered > 1, $"{path}: the first request ran {rendered} commands");
            // Only the newest snapshot's hash is read: the key of the cached answer.
            Assert.Equal(1, cached);
            Assert.Equal(first.Body, second.Body);
            Assert.NotNull(second.ETag);
            Assert.Equal(first.ETag, second.ETag);
            Assert.False(second.SetsCookie, $"{path}: a cached answer sets a cookie");
            Assert.Contains("default-src 'self'", second.Csp, StringComparison.Ordinal);
        }

        // A browser holding the tag gets 304 from the cache.
        var page = $"/results/{campaign}?nhom=commune&trang=1";
        var tag = (await GetAsync(anonymous, page)).Answer.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(page, UriKind.Relative));
        conditional.Headers.TryAddWithoutValidation("If-None-Match", tag);
        using var notModified = await anonymous.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task A_snapshot_stored_by_another_process_changes_the_cached_page()
    {
        var campaign = Site.Data.PublishedCampaignId;
        using var anonymous = Anonymous(Site);
        var path = $"/results/{campaign}?nhom=province";
        var before = (await GetAsync(anonymous, path)).Answer;
        var oldName = await Site.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign).Select(c => c.Name).SingleAsync());
        Assert.Contains(oldName, before.Body, StringComparison.Ordinal);

        var newName = oldName + " (đính chính)";
        await Site.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, newName)));
        // The live data changed but the stored snapshot did not: still the cached page.
        var (unchanged, commands) = await GetAsync(anonymous, path);
        Assert.Equal(1, commands);
        Assert.Equal(before.Body, unchanged.Body);

        // Re-publication on another instance: a separate service provider stores the next version.
        await Site.StoreSnapshotElsewhereAsync(campaign);
        var (after, rendered) = await GetAsync(anonymous, path);
        Assert.True(rendered > 1);
        Assert.Contains(newName, after.Body, StringComparison.Ordinal);
        Assert.NotEqual(before.ETag, after.ETag);
    }

    [Fact]
    public async Task Signed_in_and_english_answers_do_not_leak_into_anonymous_vietnamese_ones()
    {
        var campaign = Site.Data.PublishedCampaignId;
        var unit = await UnitOfKindAsync("commune");
        using var anonymous = Anonymous(Site);
        using var editor = await Site.LoginAsync(Application.Demo.NationalDemoGenerator.EditorUserName);

        // Anonymous first, then signed in: the signed-in user gets a page rendered for them.
        var cardPath = $"/results/{campaign}/units/{unit}";
        var anonymousCard = (await GetAsync(anonymous, cardPath)).Answer;
        Assert.DoesNotContain("/account/logout", anonymousCard.Body, StringComparison.Ordinal);
        var (signedIn, signedInCommands) = await GetAsync(editor, cardPath);
        Assert.True(signedInCommands > 1);
        Assert.Contains("/account/logout", signedIn.Body, StringComparison.Ordinal);
        Assert.Null(signedIn.ETag);

        // Signed in first, then anonymous: nothing of the user's page is served to the anonymous visitor.
        var rankingPath = $"/results/{campaign}?nhom=commune&q=a";
        var (signedInRanking, _) = await GetAsync(editor, rankingPath);
        Assert.Contains("/account/logout", signedInRanking.Body, StringComparison.Ordinal);
        var (anonymousRanking, rendered) = await GetAsync(anonymous, rankingPath);
        Assert.True(rendered > 1, "the anonymous page came from a signed-in render");
        Assert.DoesNotContain("/account/logout", anonymousRanking.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Application.Demo.NationalDemoGenerator.EditorUserName, anonymousRanking.Body, StringComparison.Ordinal);

        // Vietnamese cached, then English: rendered in English, and each is cached apart.
        var vi = (await GetAsync(anonymous, cardPath)).Answer;
        var (en, enCommands) = await GetAsync(anonymous, cardPath, "en");
        Assert.True(enCommands > 1);
        Assert.Contains("<html lang=\"en\"", en.Body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\"", vi.Body, StringComparison.Ordinal);
        var (enAgain, enCached) = await GetAsync(anonymous, cardPath, "en");
        var (viAgain, viCached) = await GetAsync(anonymous, cardPath);
        Assert.Equal((1, 1), (enCached, viCached));
        Assert.Equal(en.Body, enAgain.Body);
        Assert.Equal(vi.Body, viAgain.Body);
        Assert.NotEqual(en.ETag, vi.ETag);
    }

    [Fact]
    public async Task The_cache_is_bounded_in_bytes_in_all_and_per_answer()
    {
        var options = Site.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value;
        Assert.Equal(64L * 1024 * 1024, options.SizeLimit);
        Assert.Equal(1024L * 1024, options.MaximumBodySize);

        // An answer above the per-entry bound is rendered every time.
        await using var tight = Site.WithWebHostBuilder(b => b.UseSetting("PublicResults:OutputCacheEntryKilobytes", "1"));
        Assert.Equal(1024, tight.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.MaximumBodySize);
        using var anonymous = tight.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var path = $"/results/{Site.Data.PublishedCampaignId}?nhom=district";
        var (first, _) = await GetAsync(anonymous, path);
        Assert.True(first.Body.Length > 1024);
        var (_, again) = await GetAsync(anonymous, path);
        Assert.True(again > 1, "an answer above the bound was cached");
    }

    private sealed record Answer(string Body, string? ETag, bool SetsCookie, string? Csp);

    private static HttpClient Anonymous(WebApplicationFactory<Program> site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private Task<int> UnitOfKindAsync(string kind) =>
        Site.WithDbAsync(db => db.Units.Where(u => u.Kind == kind).OrderBy(u => u.Code).Select(u => u.Id).FirstAsync());

    /// <summary>One GET, its answer and the SQL commands it ran.</summary>
    private async Task<(Answer Answer, int Commands)> GetAsync(HttpClient client, string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (language is not null)
        {
            request.Headers.Add("Cookie", $"{Texts.CookieName}={language}");
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return (new Answer(body, response.Headers.ETag?.ToString(), response.Headers.Contains("Set-Cookie"),
            response.Headers.TryGetValues("Content-Security-Policy", out var csp) ? string.Join(",", csp) : null), Site.Counter.LastRequest);
    }
}
