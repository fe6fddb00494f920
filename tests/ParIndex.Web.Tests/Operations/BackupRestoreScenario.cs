using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Operations;

/// <summary>An instance of the app on a given database, with extra settings (restored copies, stores).</summary>
public sealed class OperationsApp(string provider, string connectionString, IReadOnlyDictionary<string, string> settings) : AppFixture
{
    public override string ProviderName => provider;

    protected override string ConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>What a restore must give back: every published ranking and every assessment's totals, as the API shows them.</summary>
internal sealed record RankingSnapshot(IReadOnlyDictionary<int, string> PublishedResults, IReadOnlyDictionary<int, string> AssessmentTotals)
{
    public static async Task<RankingSnapshot> TakeAsync(AppFixture app)
    {
        using var anonymous = app.CreateClient();
        var campaigns = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/public/campaigns", UriKind.Relative));
        var results = new Dictionary<int, string>();
        foreach (var campaign in campaigns.EnumerateArray())
        {
            var id = campaign.GetProperty("id").GetInt32();
            var response = await anonymous.GetAsync(new Uri($"/api/public/campaigns/{id}/results", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            results[id] = await response.Content.ReadAsStringAsync();
        }

        using var admin = await app.LoginAsync("admin");
        var totals = new Dictionary<int, string>();
        foreach (var summary in (await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/assessments", UriKind.Relative))).EnumerateArray())
        {
            var id = summary.GetProperty("id").GetInt32();
            totals[id] = (await admin.GetAssessmentAsync(id)).GetProperty("totals").GetRawText();
        }

        return new RankingSnapshot(results, totals);
    }

    /// <summary>The demo has published, ranked campaigns: a comparison of empty snapshots would prove nothing.</summary>
    public void AssertNotTrivial()
    {
        Assert.True(PublishedResults.Count >= 2, "The demo should publish two sample campaigns.");
        Assert.All(PublishedResults.Values, json =>
            Assert.True(JsonDocument.Parse(json).RootElement.GetProperty("units").GetArrayLength() > 5, "A published campaign without units."));
        Assert.True(AssessmentTotals.Count > PublishedResults.Count);
    }

    public void AssertSameAs(RankingSnapshot other)
    {
        Assert.Equal(PublishedResults.Keys.Order(), other.PublishedResults.Keys.Order());
        foreach (var (id, json) in PublishedResults)
        {
            Assert.Equal(json, other.PublishedResults[id]);
        }

        Assert.Equal(AssessmentTotals.Keys.Order(), other.AssessmentTotals.Keys.Order());
        foreach (var (id, json) in AssessmentTotals)
        {
            Assert.Equal(json, other.AssessmentTotals[id]);
        }
    }
}

/// <summary>The write made just before the backup (a save and an evidence upload on Lạng Sơn's assessment) and its check in the copy.</summary>
internal sealed record LastWrite(int AssessmentId, string Leaf, string Explanation, decimal Score, Guid EvidenceId, byte[] EvidenceBytes)
{
    private const string Editor = "editor.langson";

    public static async Task<LastWrite> MakeAsync(AppFixture app)
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync(Editor);
        var explanation = "Lưu ngay trước khi sao lưu " + Guid.NewGuid().ToString("N")[..8];
        var version = (await editor.GetAssessmentAsync(id)).Leaf("1.1").GetProperty("version").GetInt32();
        var saved = await editor.SaveLeafAsync(id, "1.1", new { version, score = "1,5", explanation });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var bytes = TestFiles.Pdf(padding: 3000);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "ke-hoach-cchc.pdf");
        content.Add(new StringContent("1.1"), "leafCodes");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/assessments/{id}/evidence", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-XSRF-TOKEN", await AppFixture.ApiTokenAsync(editor));
        var uploaded = await editor.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var evidenceId = (await uploaded.JsonAsync()).GetProperty("id").GetGuid();
        return new LastWrite(id, "1.1", explanation, 1.5m, evidenceId, bytes);
    }

    /// <summary>Saves the same value again and again until told to stop: writes racing the backup that change no figure.</summary>
    public async Task<int> RewriteUntilAsync(AppFixture app, Task stop)
    {
        using var editor = await app.LoginAsync(Editor);
        var version = (await editor.GetAssessmentAsync(AssessmentId)).Leaf(Leaf).GetProperty("version").GetInt32();
        var writes = 0;
        do
        {
            var response = await editor.SaveLeafAsync(AssessmentId, Leaf, new { version, score = "1,5", explanation = Explanation });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            version = (await response.JsonAsync()).GetProperty("leaf").GetProperty("version").GetInt32();
            writes++;
        }
        while (!stop.IsCompleted);
        return writes;
    }

    public async Task AssertInAsync(AppFixture restored)
    {
        using var editor = await restored.LoginAsync(Editor);
        var leaf = (await editor.GetAssessmentAsync(AssessmentId)).Leaf(Leaf);
        Assert.Equal(Score, leaf.GetProperty("score").GetDecimal());
        Assert.Equal(Explanation, leaf.GetProperty("explanation").GetString());
        Assert.Contains(leaf.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("id").GetGuid() == EvidenceId);
        var download = await editor.GetAsync(new Uri($"/api/assessments/{AssessmentId}/evidence/{EvidenceId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(EvidenceBytes, await download.Content.ReadAsByteArrayAsync());
    }

    public static async Task AssertReadyAsync(AppFixture app)
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }
}
