using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Workflow;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Appraisal;

/// <summary>Appraisal, the response round, approval and publication through the API, on each database.</summary>
public abstract partial class AppraisalWorkflowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    /// <summary>A new campaign with Lạng Sơn alone, so that each test owns its assessment.</summary>
    private async Task<(int CampaignId, int AssessmentId)> NewCampaignAsync(string name)
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var units = await coordinator.GetFromJsonAsync<JsonElement>(U("/api/units"));
        var ls = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "LS").GetProperty("id").GetInt32();
        var frameworks = await coordinator.GetFromJsonAsync<JsonElement>(U("/api/frameworks"));
        var created = await coordinator.PostAsJsonAsync(U("/api/campaigns"), new
        {
            name = name + " " + Guid.NewGuid().ToString("N")[..6],
            year = 2024,
            frameworkRecordId = frameworks.EnumerateArray().First(f => f.GetProperty("frameworkId").GetString() == "par-index-province-2023").GetProperty("id").GetInt32(),
            unitIds = new[] { ls },
            selfAssessmentDeadline = DateTime.UtcNow.AddDays(10),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await created.JsonAsync();
        return (campaign.GetProperty("id").GetInt32(), campaign.GetProperty("units")[0].GetProperty("assessmentId").GetInt32());
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string action) =>
        client.PostAsync(U($"/api/assessments/{id}/actions/{action}"), null);

    private static async Task<JsonElement> AppraisalAsync(HttpClient client, int id) =>
        await client.GetFromJsonAsync<JsonElement>(U($"/api/assessments/{id}/appraisal"));

    private static JsonElement LeafOf(JsonElement appraisal, string code) =>
        appraisal.GetProperty("leaves").EnumerateArray().Single(l => l.GetProperty("code").GetString() == code);

    private Task<(string Status, int Version, int History, int Entries)> SnapshotAsync(int id) =>
        app.WithDbAsync(async db =>
        {
            var a = await db.Assessments.AsNoTracking().SingleAsync(x => x.Id == id);
            return (a.Status.ToString(), a.Version, await db.History.CountAsync(), await db.LeafEntries.CountAsync(e => e.AssessmentId == id));
        });

    [Fact]
    public async Task One_unit_goes_from_draft_to_published_and_every_step_is_in_the_history()
    {
        var (campaignId, id) = await NewCampaignAsync("Thẩm định trọn quy trình");
        using var editor = await app.LoginAsync("editor.langson");
        using var lead = await app.LoginAsync("lead.langson");
        using var appraiser = await app.LoginAsync("appraiser");
        using var coordinator = await app.LoginAsync("coordinator");
        using var chair = await app.LoginAsync("chair");

        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(id, "1.1", new { version = 0, score = "1,5", explanation = "Ban hành kế hoạch CCHC đúng hạn" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(id, "3.4.1", new { version = 0, figures = new { numerator = "999", denominator = "1000" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(lead, id, "submit")).StatusCode);

        // The unit cannot see the appraisal while it is going on, nor start it.
        await (await ActAsync(lead, id, "start-appraisal")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(appraiser, id, "start-appraisal")).StatusCode);

        // An adjustment without a reason is refused and changes nothing.
        var before = await SnapshotAsync(id);
        var noReason = await appraiser.PutAsJsonAsync(U($"/api/assessments/{id}/appraisal/1.1"), new { version = 1, accept = false, score = "1" });
        Assert.Contains("lý do", await noReason.AssertProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(id));
        Assert.Null(await app.WithDbAsync(db => db.LeafEntries.Where(e => e.AssessmentId == id && e.LeafCode == "1.1").Select(e => e.AppraisedScore).SingleAsync()));

        var adjusted = await appraiser.PutAsJsonAsync(U($"/api/assessments/{id}/appraisal/1.1"), new { version = 1, accept = false, score = "1", reason = "Kế hoạch ban hành sau ngày 31/12" });
        Assert.Equal(HttpStatusCode.OK, adjusted.StatusCode);
        // Corrected figures are read by their kind (ADR 0007): a fraction of hồ sơ is refused, naming the field.
        var fraction = await appraiser.PutAsJsonAsync(U($"/api/assessments/{id}/appraisal/3.4.1"), new { version = 1, accept = false, figures = new { numerator = "990,5", denominator = "1000" }, reason = "Sổ theo dõi" });
        await fraction.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("không phải là số nguyên", (await fraction.JsonAsync()).GetProperty("errors").GetProperty("figures.numerator")[0].GetString(), StringComparison.Ordinal);
        // A computed leaf re-computed from corrected figures: 990 of 1.000 → 1,5 × 0,99 = 1,485.
        var recomputed = await appraiser.PutAsJsonAsync(U($"/api/assessments/{id}/appraisal/3.4.1"), new { version = 1, accept = false, figures = new { numerator = "990", denominator = "1.000" }, reason = "Sổ theo dõi ghi 10 hồ sơ trễ hạn" });
        Assert.Equal(HttpStatusCode.OK, recomputed.StatusCode);
        var view = await recomputed.JsonAsync();
        Assert.Equal(1.485m, LeafOf(view, "3.4.1").GetProperty("appraisedScore").GetDecimal());
        Assert.Contains("1,485", LeafOf(view, "3.4.1").GetProperty("appraisedMemo").GetString(), StringComparison.Ordinal);

        // The preliminary result needs every leaf decided.
        Assert.Contains("chưa thẩm định", await (await ActAsync(coordinator, id, "send-preliminary")).AssertProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await appraiser.PostAsync(U($"/api/assessments/{id}/appraisal/accept-remaining"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coordinator, id, "send-preliminary")).StatusCode);

        // The unit sees the adjusted leaf with its reason and answers it.
        var seen = await AppraisalAsync(lead, id);
        var leaf = LeafOf(seen, "1.1");
        Assert.True(leaf.GetProperty("adjusted").GetBoolean());
        Assert.Equal("Kế hoạch ban hành sau ngày 31/12", leaf.GetProperty("appraisalReason").GetString());
        Assert.True(leaf.GetProperty("canRespond").GetBoolean());
        Assert.False(LeafOf(seen, "1.2").GetProperty("canRespond").GetBoolean());
        var answer = await editor.PutAsJsonAsync(U($"/api/assessments/{id}/responses/1.1"), new { version = leaf.GetProperty("version").GetInt32(), text = "Kế hoạch số 12/KH-UBND ban hành ngày 28/12 (kèm văn bản)" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await (await editor.PutAsJsonAsync(U($"/api/assessments/{id}/responses/1.2"), new { version = 1, text = "không cần" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(lead, id, "respond")).StatusCode);

        // The appraiser sets the final score after the response; the council approves; the coordinator publishes.
        var version = LeafOf(await AppraisalAsync(appraiser, id), "1.1").GetProperty("version").GetInt32();
        await (await appraiser.PutAsJsonAsync(U($"/api/assessments/{id}/appraisal/1.1"), new { version, accept = false, score = "1,5" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await appraiser.PutAsJsonAsync(U($"/api/assessments/{id}/appraisal/1.1"), new { version, accept = false, score = "1,5", reason = "Đơn vị chứng minh ban hành đúng hạn" })).StatusCode);
        await (await ActAsync(coordinator, id, "approve")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(chair, id, "approve")).StatusCode);
        var published = await ActAsync(coordinator, id, "publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("Published", (await published.JsonAsync()).GetProperty("status").GetString());

        var final = await AppraisalAsync(lead, id);
        Assert.Equal(1.5m, LeafOf(final, "1.1").GetProperty("effectiveScore").GetDecimal());
        Assert.Equal(1.485m, LeafOf(final, "3.4.1").GetProperty("effectiveScore").GetDecimal());
        Assert.Equal(2.985m, final.GetProperty("totals").GetProperty("finalPoints").GetDecimal());
        Assert.NotNull(await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.PublishedAt).SingleAsync()));

        var history = await lead.GetFromJsonAsync<JsonElement>(U($"/api/assessments/{id}/history"));
        var statuses = history.EnumerateArray().Where(h => h.GetProperty("field").GetString() == "Status").Select(h => h.GetProperty("newValue").GetString()).Reverse().ToList();
        Assert.Equal(["Submitted", "UnderAppraisal", "PreliminarySent", "Responded", "Final", "Published"], statuses);
        var leafHistory = history.EnumerateArray().Where(h => h.GetProperty("leafCode").GetString() == "1.1").ToList();
        Assert.Contains(leafHistory, h => h.GetProperty("field").GetString() == "AppraisedScore" && h.GetProperty("newValue").GetString() == "1" && h.GetProperty("reason").GetString() == "Kế hoạch ban hành sau ngày 31/12" && h.GetProperty("userName").GetString() == "appraiser");
        Assert.Contains(leafHistory, h => h.GetProperty("field").GetString() == "ResponseText" && h.GetProperty("userName").GetString() == "editor.langson");
        Assert.Contains(leafHistory, h => h.GetProperty("field").GetString() == "FinalScore" && h.GetProperty("newValue").GetString() == "1.5");
    }

    [Fact]
    public async Task An_appraisal_reason_over_its_limit_gets_400_and_a_NUL_in_it_is_removed()
    {
        var (_, id) = await NewCampaignAsync("Thẩm định giới hạn lý do");
        using var editor = await app.LoginAsync("editor.langson");
        using var lead = await app.LoginAsync("lead.langson");
        using var appraiser = await app.LoginAsync("appraiser");
        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(id, "1.1", new { version = 0, score = "1,5" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(lead, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(appraiser, id, "start-appraisal")).StatusCode);

        var before = await SnapshotAsync(id);
        var tooLong = await appraiser.PutAsJsonAsync(U($"/api/assessments/{id}/appraisal/1.1"), new { version = 1, accept = false, score = "1", reason = new string('l', ParIndex.Data.TextLimits.Reason + 1) });
        Assert.Contains("4.000", await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.True((await tooLong.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(before, await SnapshotAsync(id));

        var saved = await appraiser.PutAsJsonAsync(U($"/api/assessments/{id}/appraisal/1.1"), new { version = 1, accept = false, score = "1", reason = "Ban hành\u0000 muộn" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Ban hành muộn", await app.WithDbAsync(db => db.LeafEntries.Where(e => e.AssessmentId == id && e.LeafCode == "1.1").Select(e => e.AppraisalReason).SingleAsync()));
    }

    [Fact]
    public async Task After_publication_every_write_to_the_campaign_is_refused_with_409_and_changes_nothing()
    {
        var (campaignId, id) = await NewCampaignAsync("Đóng băng sau công bố");
        using var lead = await app.LoginAsync("lead.langson");
        using var editor = await app.LoginAsync("editor.langson");
        using var appraiser = await app.LoginAsync("appraiser");
        using var coordinator = await app.LoginAsync("coordinator");
        using var chair = await app.LoginAsync("chair");
        Assert.Equal(HttpStatusCode.OK, (await editor.SaveLeafAsync(id, "1.1", new { version = 0, score = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(lead, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(appraiser, id, "start-appraisal")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await appraiser.PostAsync(U($"/api/assessments/{id}/appraisal/accept-remaining"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coordinator, id, "send-preliminary")).StatusCode);
        // The campaign-wide steps: the chair approves every unit, the coordinator publishes them all.
        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsync(U($"/api/campaigns/{campaignId}/actions/approve"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync(U($"/api/campaigns/{campaignId}/actions/publish"), null)).StatusCode);

        var before = await SnapshotAsync(id);
        var campaignBefore = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId));
        var version = LeafOf(await AppraisalAsync(appraiser, id), "1.1").GetProperty("version").GetInt32();
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestFiles.Pdf()), "file", "bo-sung.pdf" },
            { new StringContent("1.1"), "leafCodes" },
        };
        using var uploadRequest = new HttpRequestMessage(HttpMethod.Post, U($"/api/assessments/{id}/evidence")) { Content = upload };
        uploadRequest.Headers.Add("X-XSRF-TOKEN", await AppFixture.ApiTokenAsync(editor));
        var attempts = new (string What, Task<HttpResponseMessage> Call)[]
        {
            ("leaf save", editor.SaveLeafAsync(id, "1.1", new { version, score = "0,5" })),
            ("evidence", editor.SendAsync(uploadRequest)),
            ("appraisal", appraiser.PutAsJsonAsync(U($"/api/assessments/{id}/appraisal/1.1"), new { version, accept = false, score = "0", reason = "sửa sau công bố" })),
            ("accept remaining", appraiser.PostAsync(U($"/api/assessments/{id}/appraisal/accept-remaining"), null)),
            ("response", editor.PutAsJsonAsync(U($"/api/assessments/{id}/responses/1.1"), new { version, text = "giải trình muộn" })),
            ("approve again", ActAsync(chair, id, "approve")),
            ("publish again", ActAsync(coordinator, id, "publish")),
            ("withdraw", ActAsync(lead, id, "withdraw")),
            ("campaign publish", coordinator.PostAsync(U($"/api/campaigns/{campaignId}/actions/publish"), null)),
            ("deadline", coordinator.PutAsJsonAsync(U($"/api/campaigns/{campaignId}/deadline"), new { deadline = DateTime.UtcNow.AddDays(3) })),
            ("deadline exception", coordinator.PutAsJsonAsync(U($"/api/assessments/{id}/deadline-exception"), new { deadline = DateTime.UtcNow.AddDays(3) })),
            ("response deadline", coordinator.PutAsJsonAsync(U($"/api/campaigns/{campaignId}/response-deadline"), new { deadline = DateTime.UtcNow.AddDays(3) })),
            ("bands", coordinator.PutAsJsonAsync(U($"/api/campaigns/{campaignId}/bands"), new { bands = new[] { new { name = "A", minIndex = 50 } } })),
            ("appraiser assignment", coordinator.PostAsJsonAsync(U($"/api/campaigns/{campaignId}/appraisers"), new { userName = "appraiser" })),
        };
        foreach (var (what, call) in attempts)
        {
            var response = await call;
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(before, await SnapshotAsync(id));
        var campaignAfter = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId));
        Assert.Equal((campaignBefore.SelfAssessmentDeadline, campaignBefore.ResponseDeadline, campaignBefore.BandsJson, campaignBefore.PublishedAt),
            (campaignAfter.SelfAssessmentDeadline, campaignAfter.ResponseDeadline, campaignAfter.BandsJson, campaignAfter.PublishedAt));
        Assert.Equal(0, await app.WithDbAsync(db => db.AppraiserAssignments.CountAsync(a => a.CampaignId == campaignId)));
    }

    [Fact]
    public async Task Every_illegal_transition_is_refused_without_side_effects()
    {
        var (_, id) = await NewCampaignAsync("Chuyển trạng thái sai");
        using var lead = await app.LoginAsync("lead.langson");
        using var appraiser = await app.LoginAsync("appraiser");
        using var coordinator = await app.LoginAsync("coordinator");
        using var chair = await app.LoginAsync("chair");
        // The one who may act, per action; any illegal transition is refused before roles matter.
        var actors = new Dictionary<WorkflowAction, HttpClient>
        {
            [WorkflowAction.Submit] = lead,
            [WorkflowAction.Withdraw] = lead,
            [WorkflowAction.StartAppraisal] = appraiser,
            [WorkflowAction.SendPreliminary] = coordinator,
            [WorkflowAction.Respond] = lead,
            [WorkflowAction.Approve] = chair,
            [WorkflowAction.Publish] = coordinator,
        };
        string Slug(WorkflowAction a) => WorkflowActionNames.Slug(a);
        var path = new[] { WorkflowAction.Submit, WorkflowAction.StartAppraisal, WorkflowAction.SendPreliminary, WorkflowAction.Respond, WorkflowAction.Approve, WorkflowAction.Publish };
        var refusals = 0;
        foreach (var next in path.Append((WorkflowAction)(-1)))
        {
            var snapshot = await SnapshotAsync(id);
            var status = Enum.Parse<AssessmentStatus>(snapshot.Status);
            foreach (var action in Enum.GetValues<WorkflowAction>())
            {
                if (WorkflowRules.Decide(status, action, Enum.GetValues<Role>()).IsAllowed)
                {
                    continue;
                }

                var detail = await (await ActAsync(actors[action], id, Slug(action))).AssertProblemAsync(HttpStatusCode.Conflict);
                Assert.Contains(StatusNames.Vietnamese(status), detail, StringComparison.Ordinal);
                Assert.Equal(snapshot, await SnapshotAsync(id));
                refusals++;
            }

            if (next == WorkflowAction.SendPreliminary)
            {
                Assert.Equal(HttpStatusCode.OK, (await appraiser.PostAsync(U($"/api/assessments/{id}/appraisal/accept-remaining"), null)).StatusCode);
            }

            if ((int)next >= 0)
            {
                Assert.Equal(HttpStatusCode.OK, (await ActAsync(actors[next], id, Slug(next))).StatusCode);
            }
        }

        // 7 states × 7 actions − 8 legal transitions.
        Assert.Equal(41, refusals);
    }

    [Fact]
    public async Task An_assigned_appraiser_appraises_only_the_assigned_field_and_the_unit_sees_nothing_before_the_preliminary_result()
    {
        var (campaignId, id) = await NewCampaignAsync("Phân công thẩm định");
        using var lead = await app.LoginAsync("lead.langson");
        using var appraiser = await app.LoginAsync("appraiser");
        using var coordinator = await app.LoginAsync("coordinator");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(lead, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(appraiser, id, "start-appraisal")).StatusCode);
        await (await coordinator.PostAsJsonAsync(U($"/api/campaigns/{campaignId}/appraisers"), new { userName = "lead.langson" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await appraiser.PostAsJsonAsync(U($"/api/campaigns/{campaignId}/appraisers"), new { userName = "appraiser" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync(U($"/api/campaigns/{campaignId}/appraisers"), new { userName = "appraiser", codePrefix = "2" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await appraiser.PutAsJsonAsync(U($"/api/assessments/{id}/appraisal/2.1.1"), new { version = 0, accept = true })).StatusCode);
        await (await appraiser.PutAsJsonAsync(U($"/api/assessments/{id}/appraisal/1.1"), new { version = 0, accept = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var view = await AppraisalAsync(appraiser, id);
        Assert.True(LeafOf(view, "2.1.1").GetProperty("canAppraise").GetBoolean());
        Assert.False(LeafOf(view, "1.1").GetProperty("canAppraise").GetBoolean());

        var unitView = await AppraisalAsync(lead, id);
        Assert.Equal(JsonValueKind.Null, LeafOf(unitView, "2.1.1").GetProperty("appraisedScore").ValueKind);
    }
}

public sealed class AppraisalWorkflowTestsOnSqlite(SqliteAppFixture app) : AppraisalWorkflowTests<SqliteAppFixture>(app);

public sealed class AppraisalWorkflowTestsOnPostgres(PostgresAppFixture app) : AppraisalWorkflowTests<PostgresAppFixture>(app);
