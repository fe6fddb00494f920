using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;

namespace ParIndex.Web.Tests.Performance;

/// <summary>Two national samples of different sizes (5 and 40 units), generated once for the class.</summary>
public sealed class TwoNationalSites : IAsyncLifetime
{
    public NationalSite Small { get; } = new();

    public NationalSite Large { get; } = new();

    public async Task InitializeAsync()
    {
        await Small.GenerateAsync(5);
        await Large.GenerateAsync(40);
        // The small site's editor has 11 stored leaves instead of 101: a count per stored leaf shows up as a difference.
        await Small.WithDbAsync(async db =>
        {
            var unitId = await db.Users.Where(u => u.UserName == Application.Demo.NationalDemoGenerator.EditorUserName).Select(u => u.UnitId).SingleAsync();
            var open = await db.Assessments.Where(a => a.CampaignId == Small.Data.OpenCampaignId && a.UnitId == unitId).Select(a => a.Id).SingleAsync();
            return await db.LeafEntries.Where(e => e.AssessmentId == open).OrderBy(e => e.Id).Skip(11).ExecuteDeleteAsync();
        });
    }

    public async Task DisposeAsync()
    {
        await Small.DisposeAsync();
        await Large.DisposeAsync();
    }
}

/// <summary>
/// Query discipline (issue 15): the SQL commands of the main pages, API reads and the autosave do
/// not grow with the number of units or of stored leaves. Each request is made once to warm the
/// caches (framework, stored results), then counted.
/// </summary>
public sealed class QueryCountTests(TwoNationalSites sites, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<TwoNationalSites>
{
    /// <summary>A generous ceiling per request: a page that needs more is doing per-row work.</summary>
    private const int MaxCommands = 16;

    [Fact]
    public async Task Main_pages_reads_and_the_autosave_run_as_many_commands_at_5_and_40_units()
    {
        var small = await CountAsync(sites.Small);
        var large = await CountAsync(sites.Large);
        var report = string.Join("; ", small.Keys.Select(k => $"{k}: {small[k]} / {large[k]}"));
        output.WriteLine(report);
        // The save is one write: the leaf's row and its history lines in one batch, whatever the number of leaves.
        Assert.True(small["autosave writes"] == 1 && large["autosave writes"] == 1, $"the autosave writes in more than one command ({report})");
        foreach (var (name, count) in small)
        {
            // Every one of these reads the database: zero would mean the counter saw nothing.
            Assert.True(count > 0, $"{name}: no command counted ({report})");
            Assert.True(count == large[name], $"{name} runs {count} commands at 5 units and {large[name]} at 40 ({report})");
            Assert.True(count <= MaxCommands, $"{name} runs {count} commands ({report})");
        }
    }

    /// <summary>
    /// The load harness of bench/load (docs/benchmarks.md) for two seconds per scenario at two
    /// clients against the small site, so that it cannot rot: every request answered, no
    /// acknowledged save lost, the table printed.
    /// </summary>
    [Fact]
    public async Task The_load_harness_runs_every_scenario_without_failures_or_lost_saves()
    {
        var clients = new List<HttpClient> { await sites.Small.LoginAsync(Application.Demo.NationalDemoGenerator.EditorUserName), await sites.Small.LoginAsync(Application.Demo.NationalDemoGenerator.EditorUserName) };
        try
        {
            var scenarios = await LoadTest.Setup.ScenariosAsync(clients[0], Application.Demo.NationalDemoGenerator.EditorUserName, new Application.Demo.DemoOptions().Password);
            var rows = new List<(int, double, LoadTest.RoundResult, double?, double?)>();
            foreach (var scenario in new[] { scenarios.Health(), scenarios.PublicRanking(), scenarios.PublicRankingPage(), scenarios.ScoreCard(), scenarios.SelfAssessmentPage(), scenarios.AssessmentApi(), scenarios.Autosave() })
            {
                var result = await LoadTest.LoadRunner.RunAsync(scenario, clients, TimeSpan.FromSeconds(0.3), default);
                Assert.True(result.Requests > 0 && result.Failures == 0, $"{scenario.Name}: {result.Requests} requests, {result.Failures} failed");
                rows.Add((1, 0d, result, null, null));
            }

            var lost = await LoadTest.Setup.LostSavesAsync(clients[0], scenarios);
            Assert.Equal(0, lost);
            Assert.Contains("| autosave |", LoadTest.Report.Table(rows, lost), StringComparison.Ordinal);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<Dictionary<string, int>> CountAsync(NationalSite site)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var published = site.Data.PublishedCampaignId;
        var unitId = await site.WithDbAsync(db => db.Units.Where(u => u.Kind == "commune").OrderBy(u => u.Code).Select(u => u.Id).FirstAsync());
        using var anonymous = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        async Task Measure(string name, HttpClient client, Func<HttpClient, Task<HttpResponseMessage>> request)
        {
            (await request(client)).Dispose();
            using var response = await request(client);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            counts[name] = site.Counter.LastRequest;
        }

        Task<HttpResponseMessage> Get(HttpClient c, string path) => c.GetAsync(new Uri(path, UriKind.Relative));

        // Public answers are cached per snapshot and language (ADR 0140): warmed in Vietnamese, the
        // English request renders with every other cache warm (counted), and its repeat is a cache hit.
        using var english = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        english.DefaultRequestHeaders.Add("Cookie", "parindex-lang=en");
        async Task MeasureRendered(string name, string path)
        {
            (await Get(anonymous, path)).Dispose();
            foreach (var key in new[] { name, name + " (cached)" })
            {
                using var response = await Get(english, path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                counts[key] = site.Counter.LastRequest;
            }
        }

        await MeasureRendered("public ranking", $"/results/{published}");
        await MeasureRendered("public ranking page", $"/results/{published}?nhom=commune&trang=1");
        await MeasureRendered("public ranking search", $"/results/{published}?nhom=commune&q=x");
        await MeasureRendered("public score card", $"/results/{published}/units/{unitId}");
        await MeasureRendered("public score card API", $"/api/public/campaigns/{published}/units/{unitId}");
        await MeasureRendered("public ranking API", $"/api/public/campaigns/{published}/ranking?group=commune");

        using var editor = await site.LoginAsync(Application.Demo.NationalDemoGenerator.EditorUserName);
        var open = await site.WithDbAsync(async db =>
        {
            var editorUnit = await db.Users.Where(u => u.UserName == Application.Demo.NationalDemoGenerator.EditorUserName).Select(u => u.UnitId).SingleAsync();
            return await db.Assessments.Where(a => a.CampaignId == site.Data.OpenCampaignId && a.UnitId == editorUnit).Select(a => a.Id).SingleAsync();
        });
        await Measure("home", editor, c => Get(c, "/"));
        await Measure("self-assessment page", editor, c => Get(c, $"/assessments/{open}"));
        await Measure("assessment API", editor, c => Get(c, $"/api/assessments/{open}"));

        // The autosave of a leaf scored directly (no level, no figures), twice with the version it has.
        var leaf = BuiltInFrameworks.Province2023.Leaves().First(l => !l.IsSurvey && l.EffectiveRule is ManualRule && l.Max >= 0.5m).Code;
        var token = await Infrastructure.AppFixture.ApiTokenAsync(editor);
        await Measure("autosave", editor, async c =>
        {
            var version = await site.WithDbAsync(db => db.LeafEntries.Where(e => e.AssessmentId == open && e.LeafCode == leaf).Select(e => (int?)e.Version).SingleOrDefaultAsync()) ?? 0;
            using var put = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/assessments/{open}/leaves/{leaf}", UriKind.Relative))
            {
                Content = new StringContent($$"""{"version": {{version}}, "score": 0.5, "explanation": "Đo số lệnh SQL"}""", Encoding.UTF8, "application/json"),
            };
            put.Headers.Add("X-XSRF-TOKEN", token);
            return await c.SendAsync(put);
        });
        counts["autosave writes"] = site.Counter.LastRequestWrites;
        return counts;
    }
}
