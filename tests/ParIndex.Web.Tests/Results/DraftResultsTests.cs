using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Web.Tests.Infrastructure;
using static ParIndex.Web.Tests.Surveys.SurveyTestData;

namespace ParIndex.Web.Tests.Results;

/// <summary>
/// Staff results served from a stored draft (ADR 0144): refreshed after a save, a submit, an
/// appraisal change, a unit edit and a survey import; a stale draft is shown marked "being
/// updated" while one computation runs; the public never sees a draft; the role checks are the
/// same as before. On each database.
/// </summary>
public abstract class DraftResultsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    private sealed record Draft(long Id, DateTime AsOf, string? Stamp, int Count);

    private Task<Draft?> StoredDraftAsync(int campaignId) =>
        app.WithDbAsync(async db =>
        {
            var drafts = await db.ResultSnapshots.AsNoTracking().Where(s => s.CampaignId == campaignId && s.IsDraft).ToListAsync();
            Assert.All(drafts, d => Assert.Equal(0, d.Version));
            return drafts.Count == 0 ? null : new Draft(drafts[0].Id, drafts[0].CreatedAt, drafts[0].InputsStamp, drafts.Count);
        });

    private DraftResultsRefresher Refresher => app.Services.GetRequiredService<DraftResultsRefresher>();

    private static async Task<JsonElement> StaffResultsAsync(HttpClient staff, int campaignId)
    {
        var response = await staff.GetAsync(U($"/api/campaigns/{campaignId}/results"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static JsonElement UnitOf(JsonElement results, string code) =>
        results.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitCode").GetString() == code);

    private async Task<(int CampaignId, int Bg, int Ls)> CampaignAsync(string name)
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var campaignId = await CreateCampaignAsync(coordinator, name + " " + Guid.NewGuid().ToString("N")[..6]);
        var ids = await app.WithDbAsync(db => db.Assessments.Where(a => a.CampaignId == campaignId).Select(a => new { a.Id, a.Unit!.Code }).ToListAsync());
        return (campaignId, ids.Single(a => a.Code == "BG").Id, ids.Single(a => a.Code == "LS").Id);
    }

    [Fact]
    public async Task The_draft_is_stored_once_and_refreshed_after_a_save_a_submit_an_appraisal_change_and_a_unit_edit()
    {
        Refresher.StaleWait = Timeout.InfiniteTimeSpan;
        var (campaignId, _, ls) = await CampaignAsync("Kết quả tạm tính");
        using var coordinator = await app.LoginAsync("coordinator");
        using var editor = await app.LoginAsync("editor.langson");
        using var lead = await app.LoginAsync("lead.langson");
        using var appraiser = await app.LoginAsync("appraiser");
        using var admin = await app.LoginAsync("admin");

        var first = await StaffResultsAsync(coordinator, campaignId);
        Assert.False(first.GetProperty("draft").GetProperty("updating").GetBoolean());
        Assert.Equal(0m, UnitOf(first, "LS").GetProperty("finalPoints").GetDecimal());
        var stored = (await StoredDraftAsync(campaignId))!;
        Assert.Equal(1, stored.Count);
        Assert.Equal(stored.AsOf, first.GetProperty("draft").GetProperty("asOf").GetDateTime(), TimeSpan.FromMilliseconds(1));

        // Nothing changed: the same draft is served, not recomputed.
        await StaffResultsAsync(coordinator, campaignId);
        Assert.Equal(stored.Id, (await StoredDraftAsync(campaignId))!.Id);

        // A save of the unit (the autosave path): the next read computes it once.
        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(ls, "1.1", new { version = 0, score = "1,5" })).StatusCode);
        var saved = await StaffResultsAsync(coordinator, campaignId);
        Assert.Equal(1.5m, UnitOf(saved, "LS").GetProperty("finalPoints").GetDecimal());
        var afterSave = (await StoredDraftAsync(campaignId))!;
        Assert.NotEqual(stored.Id, afterSave.Id);
        Assert.True(afterSave.AsOf > stored.AsOf);
        Assert.NotEqual(stored.Stamp, afterSave.Stamp);

        // Submit, then an appraisal adjustment: the status and the appraised score show.
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync(U($"/api/assessments/{ls}/actions/submit"), null)).StatusCode);
        Assert.Equal("Submitted", UnitOf(await StaffResultsAsync(coordinator, campaignId), "LS").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await appraiser.PostAsync(U($"/api/assessments/{ls}/actions/start-appraisal"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await appraiser.PutAsJsonAsync(U($"/api/assessments/{ls}/appraisal/1.1"),
            new { version = 1, accept = false, score = "1", reason = "Kế hoạch ban hành sau hạn" })).StatusCode);
        var appraised = await StaffResultsAsync(coordinator, campaignId);
        Assert.Equal(1m, UnitOf(appraised, "LS").GetProperty("finalPoints").GetDecimal());
        var unitId = UnitOf(appraised, "LS").GetProperty("unitId").GetInt32();
        var card = await (await coordinator.GetAsync(U($"/api/campaigns/{campaignId}/results/units/{unitId}"))).JsonAsync();
        Assert.Equal(1m, card.GetProperty("unit").GetProperty("finalPoints").GetDecimal());
        Assert.False(card.GetProperty("campaign").GetProperty("draft").GetProperty("updating").GetBoolean());

        // A unit renamed by the administrator (recorded in the history now): the staff results carry the new name.
        var unit = (await admin.GetFromJsonAsync<JsonElement>(U("/api/units"))).EnumerateArray().Single(u => u.GetProperty("id").GetInt32() == unitId);
        var name = unit.GetProperty("name").GetString()!;
        object Edit(string newName) => new
        {
            code = "LS",
            name = newName,
            kind = unit.GetProperty("kind").GetString(),
            parentId = unit.GetProperty("parentId").ValueKind == JsonValueKind.Null ? (int?)null : unit.GetProperty("parentId").GetInt32(),
            region = unit.GetProperty("region").GetString(),
        };
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(U($"/api/units/{unitId}"),
                Edit(name + " (sửa)"))).StatusCode);
            Assert.Equal(name + " (sửa)", UnitOf(await StaffResultsAsync(coordinator, campaignId), "LS").GetProperty("unitName").GetString());
        }
        finally
        {
            await admin.PutAsJsonAsync(U($"/api/units/{unitId}"), Edit(name));
        }

        // The staff page of the year-on-year change says as of when.
        var page = await coordinator.GetStringAsync(U($"/campaigns/{campaignId}/units/{unitId}/change"));
        Assert.Contains("id=\"draft-state\" data-updating=\"false\"", page, StringComparison.Ordinal);

        // Role checks are unchanged: a unit's users and the public get no staff results; the public sees nothing unpublished.
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(U($"/api/campaigns/{campaignId}/results"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync(U($"/api/campaigns/{campaignId}/results/units/{unitId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(U($"/api/campaigns/{campaignId}/results/export?format=json"))).StatusCode);
        var denied = await editor.GetAsync(U($"/campaigns/{campaignId}/units/{unitId}/change"));
        Assert.Equal(HttpStatusCode.Found, denied.StatusCode);
        Assert.StartsWith("/forbidden", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(U($"/api/campaigns/{campaignId}/results"))).StatusCode);
        foreach (var path in new[] { $"/api/public/campaigns/{campaignId}/results", $"/api/public/campaigns/{campaignId}/ranking", $"/api/public/campaigns/{campaignId}/units/{unitId}",
                     $"/api/public/campaigns/{campaignId}/results/export?format=json", $"/results/{campaignId}", $"/results/{campaignId}/units/{unitId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(U(path))).StatusCode);
        }
    }

    [Fact]
    public async Task A_stale_draft_is_shown_marked_updating_and_concurrent_readers_share_one_computation()
    {
        var (campaignId, bg, _) = await CampaignAsync("Kết quả đang cập nhật");
        using var coordinator = await app.LoginAsync("coordinator");
        using var editor = await app.LoginAsync("editor.bacgiang");
        Refresher.StaleWait = Timeout.InfiniteTimeSpan;
        var before = await StaffResultsAsync(coordinator, campaignId);

        // Readers that do not wait get the older draft, marked, with its time; one computation starts.
        Refresher.StaleWait = TimeSpan.Zero;
        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(bg, "1.1", new { version = 0, score = "1,5" })).StatusCode);
        var stale = await StaffResultsAsync(coordinator, campaignId);
        Assert.True(stale.GetProperty("draft").GetProperty("updating").GetBoolean());
        Assert.Equal(before.GetProperty("draft").GetProperty("asOf").GetDateTime(), stale.GetProperty("draft").GetProperty("asOf").GetDateTime());
        Assert.Equal(0m, UnitOf(stale, "BG").GetProperty("finalPoints").GetDecimal());
        await Refresher.RefreshAsync(campaignId);
        var fresh = await StaffResultsAsync(coordinator, campaignId);
        Assert.False(fresh.GetProperty("draft").GetProperty("updating").GetBoolean());
        Assert.Equal(1.5m, UnitOf(fresh, "BG").GetProperty("finalPoints").GetDecimal());

        // Several readers after a change: one computation, one new draft, the same time for all.
        Refresher.StaleWait = Timeout.InfiniteTimeSpan;
        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(bg, "1.2", new { version = 0, score = "0,5" })).StatusCode);
        var readers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => StaffResultsAsync(coordinator, campaignId)));
        Assert.Single(readers.Select(r => r.GetProperty("draft").GetProperty("asOf").GetDateTime()).Distinct());
        Assert.All(readers, r => Assert.Equal(2m, UnitOf(r, "BG").GetProperty("finalPoints").GetDecimal()));
        Assert.Equal(1, (await StoredDraftAsync(campaignId))!.Count);

        // An export waits for the current data whatever the wait of the pages.
        Refresher.StaleWait = TimeSpan.Zero;
        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(bg, "1.3.1", new { version = 0, score = "0,25" })).StatusCode);
        var export = JsonDocument.Parse(await coordinator.GetStringAsync(U($"/api/campaigns/{campaignId}/results/export?format=json"))).RootElement;
        Assert.Equal("chưa công bố", export.GetProperty("notice").GetString());
        Assert.False(export.GetProperty("results").GetProperty("draft").GetProperty("updating").GetBoolean());
        Assert.Equal(2.25m, UnitOf(export.GetProperty("results"), "BG").GetProperty("finalPoints").GetDecimal());
    }

    [Fact]
    public async Task A_survey_import_and_its_deletion_refresh_the_draft()
    {
        Refresher.StaleWait = Timeout.InfiniteTimeSpan;
        using var coordinator = await app.LoginAsync("coordinator");
        var (campaignId, _, _) = await CampaignAsync("Kết quả sau điều tra");
        var questionnaireId = await CreateQuestionnaireAsync(coordinator, campaignId, Questionnaire("phieu-nguoi-dan", "nguoi-dan"));
        Assert.Equal(0m, UnitOf(await StaffResultsAsync(coordinator, campaignId), "BG").GetProperty("surveyPoints").GetDecimal());

        var token = await AppFixture.ApiTokenAsync(coordinator);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Id(questionnaireId)), "questionnaireId" },
            { new StringContent("wide"), "shape" },
            { new StringContent("id"), "respondentColumn" },
            { new StringContent("don_vi"), "unitColumn" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("id,don_vi,Q1,Q2,Q3\nr1,BG,5,4,A\nr2,BG,4,3,B\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "tra-loi.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, U($"/api/campaigns/{campaignId}/surveys/batches")) { Content = form };
        request.Headers.Add("X-XSRF-TOKEN", token);
        var imported = await coordinator.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);

        // 8.1.1: 1,3125; 8.1.2: 0,9375; 2.4.1: 0,8 (SurveyImportWebTests).
        Assert.Equal(3.05m, UnitOf(await StaffResultsAsync(coordinator, campaignId), "BG").GetProperty("surveyPoints").GetDecimal());
        var batchId = (await imported.JsonAsync()).GetProperty("batch").GetProperty("id").GetInt32();
        using var delete = new HttpRequestMessage(HttpMethod.Delete, U($"/api/campaigns/{campaignId}/surveys/batches/{batchId}"));
        delete.Headers.Add("X-XSRF-TOKEN", token);
        Assert.True((await coordinator.SendAsync(delete)).IsSuccessStatusCode);
        Assert.Equal(0m, UnitOf(await StaffResultsAsync(coordinator, campaignId), "BG").GetProperty("surveyPoints").GetDecimal());
    }

    [Fact]
    public async Task The_freshness_key_follows_history_rows_committed_late_survey_batches_and_crosswalks()
    {
        var (campaignId, bg, _) = await CampaignAsync("Khoá dữ liệu");
        async Task<string> StampAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DraftResultsService>().StampAsync(campaignId, default);
        }

        var stamp = await StampAsync();
        Assert.Equal(stamp, await StampAsync());

        // A history row whose id is below the newest (its transaction took the id first and committed last) still changes the key.
        var (newest, below) = await app.WithDbAsync(async db =>
        {
            var history = Enumerable.Range(0, 2).Select(_ => new ParIndex.Data.History.HistoryEntry { At = DateTime.UtcNow, UserName = "test", Entity = "Assessment", AssessmentId = bg, Field = "Test" }).ToList();
            db.History.AddRange(history);
            await db.SaveChangesAsync();
            return (history[1].Id, history[0].Id);
        });
        var withBoth = await StampAsync();
        Assert.NotEqual(stamp, withBoth);
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"History\" WHERE \"Id\" = {below}"));
        Assert.NotEqual(withBoth, await StampAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"History\" WHERE \"Id\" = {newest}"));

        // A survey batch of the campaign (a long import's own row), and a crosswalk change.
        stamp = await StampAsync();
        using var coordinator = await app.LoginAsync("coordinator");
        var questionnaireId = await CreateQuestionnaireAsync(coordinator, campaignId, Questionnaire("phieu-khoa", "nguoi-dan"));
        stamp = await StampAsync();
        await InsertBatchAsync(app, campaignId, questionnaireId, await UnitIdAsync(app, "BG"), ("r1", "Q1", "5"));
        Assert.NotEqual(stamp, stamp = await StampAsync());
        await app.WithDbAsync(async db =>
        {
            var crosswalk = await db.Crosswalks.FirstAsync();
            crosswalk.Version++;
            return await db.SaveChangesAsync();
        });
        Assert.NotEqual(stamp, await StampAsync());
    }

    [Fact]
    public async Task Public_readers_never_see_a_draft_and_a_publication_is_the_next_published_version()
    {
        Refresher.StaleWait = Timeout.InfiniteTimeSpan;
        var campaignId = await app.WithDbAsync(db => db.Campaigns.Where(c => c.PublishedAt != null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        using var anonymous = app.CreateClient();
        var publicResults = await anonymous.GetAsync(U($"/api/public/campaigns/{campaignId}/results"));
        Assert.Equal(HttpStatusCode.OK, publicResults.StatusCode);
        using var coordinator = await app.LoginAsync("coordinator");
        Assert.True((await StaffResultsAsync(coordinator, campaignId)).TryGetProperty("draft", out _));
        var draft = (await StoredDraftAsync(campaignId))!;

        // The draft's figures are made different: a public reader that picked it would show them.
        await app.WithDbAsync(db => db.ResultSnapshotUnits.Where(u => u.SnapshotId == draft.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.UnitName, "BẢN NHÁP")));
        await app.WithDbAsync(db => db.ResultSnapshots.Where(s => s.Id == draft.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SummaryJson, x => x.SummaryJson.Replace("\"campaignName\":\"", "\"campaignName\":\"BẢN NHÁP "))));
        var unitId = await app.WithDbAsync(db => db.Assessments.Where(a => a.CampaignId == campaignId).Select(a => a.UnitId).FirstAsync());
        foreach (var path in new[] { $"/api/public/campaigns/{campaignId}/results", $"/api/public/campaigns/{campaignId}/ranking", $"/api/public/campaigns/{campaignId}/units/{unitId}",
                     $"/api/public/campaigns/{campaignId}/results/export?format=json", $"/results/{campaignId}", $"/results/{campaignId}/units/{unitId}" })
        {
            using var fresh = app.CreateClient();
            var response = await fresh.GetAsync(U(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "v=" + Guid.NewGuid().ToString("N")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("BẢN NHÁP", body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"draft\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("-d\"", response.Headers.ETag?.Tag ?? "", StringComparison.Ordinal);
        }

        // A re-publication stores the next published version; the draft (version 0) is not counted and stays.
        await using var scope = app.Services.CreateAsyncScope();
        var snapshots = scope.ServiceProvider.GetRequiredService<ResultSnapshotService>();
        var versions = await app.WithDbAsync(db => db.ResultSnapshots.Where(s => s.CampaignId == campaignId && !s.IsDraft).Select(s => s.Version).ToListAsync());
        await snapshots.StoreAsync(campaignId, "test", default);
        Assert.Equal(versions.Max() + 1, (await snapshots.HeaderAsync(campaignId, default)).Version);
        Assert.Equal(draft.Id, (await StoredDraftAsync(campaignId))!.Id);
    }
}

public sealed class DraftResultsTestsOnSqlite(SqliteAppFixture app) : DraftResultsTests<SqliteAppFixture>(app);

public sealed class DraftResultsTestsOnPostgres(PostgresAppFixture app) : DraftResultsTests<PostgresAppFixture>(app);
