using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Workflow;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Appraisal;

/// <summary>
/// Who sees what in which state (ADR 0107), and the campaign-wide actions against the single ones.
/// Part of <see cref="AppraisalWorkflowTests{TApp}"/> so that it shares its app host.
/// </summary>
public abstract partial class AppraisalWorkflowTests<TApp>
{
    private const string SecretReason = "LYDO-11 kế hoạch ban hành muộn";
    private const string StpReason = "LYDO-211 thiếu văn bản";
    private const string BgExplanation = "GT-11 giải trình của tỉnh";
    private const string StpExplanation = "GT-211 giải trình của Sở Tư pháp";

    /// <summary>What the ADR's table says one reader sees, written out here independently of the Core rule.</summary>
    private sealed record Expected(bool Opens, bool AllLeaves, bool Appraisal, bool Result, bool SelfTable, bool AppraisalTable, bool Appraisers);

    private static Expected ExpectedFor(string user, AssessmentStatus status)
    {
        var sent = status is AssessmentStatus.PreliminarySent or AssessmentStatus.Responded or AssessmentStatus.Final or AssessmentStatus.Published;
        return user switch
        {
            "admin" or "coordinator" or "appraiser" or "chair" => new(true, true, true, true, true, true, true),
            "editor.bacgiang" or "lead.bacgiang" => new(true, true, sent, sent, true, sent, false),
            "editor.stp" => new(true, false, sent, false, false, false, false),
            _ => new(false, false, false, false, false, false, false),
        };
    }

    private static Reader ReaderOf(string user) => user switch
    {
        "admin" => Reader.Administrator,
        "coordinator" => Reader.Coordinator,
        "appraiser" => Reader.Appraiser,
        "chair" => Reader.CouncilChair,
        "editor.bacgiang" => Reader.UnitEditor,
        "lead.bacgiang" => Reader.UnitLead,
        "editor.stp" => Reader.ContributingAgency,
        "editor.langson" => Reader.OtherUnit,
        _ => Reader.Anonymous,
    };

    private static async Task<string> UploadAsync(HttpClient client, int id, string leaf, string fileName)
    {
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestFiles.Pdf()), "file", fileName },
            { new StringContent(leaf), "leafCodes" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, U($"/api/assessments/{id}/evidence")) { Content = content };
        request.Headers.Add("X-XSRF-TOKEN", await AppFixture.ApiTokenAsync(client));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Every_reader_sees_exactly_what_the_read_rule_allows_in_every_state_on_every_read_path()
    {
        // A campaign of Bắc Giang alone, with field 2 assigned to Sở Tư pháp.
        using var coordinator = await app.LoginAsync("coordinator");
        var units = await coordinator.GetFromJsonAsync<JsonElement>(U("/api/units"));
        int UnitId(string code) => units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
        var frameworks = await coordinator.GetFromJsonAsync<JsonElement>(U("/api/frameworks"));
        var created = await coordinator.PostAsJsonAsync(U("/api/campaigns"), new
        {
            name = "Ai xem gì " + Guid.NewGuid().ToString("N")[..6],
            year = 2024,
            frameworkRecordId = frameworks.EnumerateArray().First(f => f.GetProperty("frameworkId").GetString() == "par-index-province-2023").GetProperty("id").GetInt32(),
            unitIds = new[] { UnitId("BG") },
            selfAssessmentDeadline = DateTime.UtcNow.AddDays(10),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await created.JsonAsync();
        var campaignId = campaign.GetProperty("id").GetInt32();
        var id = campaign.GetProperty("units")[0].GetProperty("assessmentId").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync(U($"/api/assessments/{id}/assignments"), new { codePrefix = "2", contributingUnitId = UnitId("BG-STP") })).StatusCode);

        string[] users = ["admin", "coordinator", "appraiser", "chair", "editor.bacgiang", "lead.bacgiang", "editor.stp", "editor.langson", "anonymous"];
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in users)
        {
            clients[user] = user == "anonymous"
                ? app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
                : user == "coordinator" ? coordinator : await app.LoginAsync(user);
        }

        try
        {
            // The self-assessment: the unit's leaf 1.1 and Sở Tư pháp's leaf 2.1.1, each with evidence; survey points on 2.4.1 and 8.1.1.
            Assert.Equal(HttpStatusCode.OK, (await clients["editor.bacgiang"].SaveLeafAsync(id, "1.1", new { version = 0, score = "1,5", explanation = BgExplanation })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await clients["editor.stp"].SaveLeafAsync(id, "2.1.1", new { version = 0, score = "0,5", explanation = StpExplanation })).StatusCode);
            var bgEvidence = await UploadAsync(clients["editor.bacgiang"], id, "1.1", "ke-hoach-tinh.pdf");
            var stpEvidence = await UploadAsync(clients["editor.stp"], id, "2.1.1", "van-ban-stp.pdf");
            await app.WithDbAsync(async db =>
            {
                foreach (var (code, points) in new[] { ("2.4.1", 0.5m), ("8.1.1", 1.2m) })
                {
                    db.LeafEntries.Add(new ParIndex.Data.Assessments.LeafEntry { AssessmentId = id, LeafCode = code, SurveyScore = points });
                }

                return await db.SaveChangesAsync();
            });

            var checkedStates = new List<AssessmentStatus>();
            async Task CheckAllAsync()
            {
                var status = Enum.Parse<AssessmentStatus>(await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Status.ToString()).SingleAsync()));
                checkedStates.Add(status);
                foreach (var user in users)
                {
                    await CheckAsync(user, clients[user], status);
                }
            }

            async Task CheckAsync(string user, HttpClient client, AssessmentStatus status)
            {
                var expected = ExpectedFor(user, status);
                var rights = ReadAccess.For(ReaderOf(user), status);
                var where = $"{user} @ {status}";
                // Each state is checked once; from UnderAppraisal on, leaves have been appraised.
                var anyAppraised = status >= AssessmentStatus.UnderAppraisal;
                // The Core rule says the same as the ADR's table.
                Assert.True(
                    (expected.Opens, expected.AllLeaves, expected.Appraisal, expected.Result, expected.SelfTable, expected.AppraisalTable)
                    == (rights.Opens, rights.Leaves == LeafScope.All, rights.Appraisal, rights.Result, rights.SelfAssessmentTable, rights.AppraisalTable), where);
                var refused = user == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                var refusedPage = user == "anonymous" ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden;

                // API: the self-assessment.
                var api = await client.GetAsync(U($"/api/assessments/{id}"));
                Assert.True((expected.Opens ? HttpStatusCode.OK : refused) == api.StatusCode, $"{where}: GET assessment {(int)api.StatusCode}");
                var apiText = await api.Content.ReadAsStringAsync();
                if (expected.Opens)
                {
                    var view = await api.JsonAsync();
                    var codes = view.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("code").GetString()).ToHashSet();
                    Assert.True(expected.AllLeaves == codes.Contains("1.1"), $"{where}: leaf 1.1 in the API");
                    Assert.True(codes.Contains("2.1.1"), $"{where}: leaf 2.1.1 in the API");
                    Assert.Equal(0.5m, view.Leaf("2.4.1").GetProperty("surveyScore").GetDecimal());
                    Assert.True(expected.AllLeaves == codes.Contains("8.1.1"), $"{where}: survey leaf 8.1.1 in the API");
                }

                Assert.True(expected.AllLeaves == apiText.Contains("GT-11", StringComparison.Ordinal), $"{where}: unit's explanation in the API");
                Assert.True(expected.Opens == apiText.Contains("GT-211", StringComparison.Ordinal), $"{where}: agency's explanation in the API");

                // Page: the self-assessment.
                var page = await client.GetAsync(U($"/assessments/{id}"));
                Assert.True((expected.Opens ? HttpStatusCode.OK : refusedPage) == page.StatusCode, $"{where}: self-assessment page {(int)page.StatusCode}");
                var pageText = await page.Content.ReadAsStringAsync();
                Assert.True(expected.AllLeaves == pageText.Contains("GT-11", StringComparison.Ordinal), $"{where}: unit's explanation on the page");
                Assert.True(expected.Opens == pageText.Contains("GT-211", StringComparison.Ordinal), $"{where}: agency's explanation on the page");
                Assert.True(expected.SelfTable == pageText.Contains("/table?format=xlsx", StringComparison.Ordinal), $"{where}: table download link");

                // API and page: the appraisal.
                var appraisal = await client.GetAsync(U($"/api/assessments/{id}/appraisal"));
                Assert.True((expected.Opens ? HttpStatusCode.OK : refused) == appraisal.StatusCode, $"{where}: GET appraisal {(int)appraisal.StatusCode}");
                var appraisalText = await appraisal.Content.ReadAsStringAsync();
                Assert.True((expected.Appraisal && expected.AllLeaves && anyAppraised) == appraisalText.Contains("LYDO-11", StringComparison.Ordinal), $"{where}: appraisal reason of 1.1 in the API");
                Assert.True((expected.Appraisal && anyAppraised) == appraisalText.Contains("LYDO-211", StringComparison.Ordinal), $"{where}: appraisal reason of 2.1.1 in the API");
                if (expected.Opens)
                {
                    var view = await appraisal.JsonAsync();
                    Assert.True(expected.AllLeaves == view.GetProperty("leaves").EnumerateArray().Any(l => l.GetProperty("code").GetString() == "1.1"), $"{where}: appraisal leaf 1.1");
                    var stpLeaf = LeafOf(view, "2.1.1");
                    Assert.True((expected.Appraisal && anyAppraised) == (stpLeaf.GetProperty("effectiveScore").ValueKind == JsonValueKind.Number), $"{where}: result of 2.1.1");
                    Assert.True((expected.Appraisal && anyAppraised) == (stpLeaf.GetProperty("appraisedScore").ValueKind == JsonValueKind.Number), $"{where}: appraised score of 2.1.1");
                    var totals = view.GetProperty("totals");
                    Assert.True((expected.Result && anyAppraised) == (totals.GetProperty("finalPoints").ValueKind == JsonValueKind.Number), $"{where}: final points");
                    Assert.True((expected.Result && anyAppraised) == (totals.GetProperty("appraisedPoints").ValueKind == JsonValueKind.Number), $"{where}: appraised points");
                    Assert.True((expected.Result && anyAppraised) == (totals.GetProperty("finalIndex").ValueKind == JsonValueKind.Number), $"{where}: final index");
                }

                var appraisalPage = await client.GetAsync(U($"/assessments/{id}/appraisal"));
                Assert.True((expected.Opens ? HttpStatusCode.OK : refusedPage) == appraisalPage.StatusCode, $"{where}: appraisal page {(int)appraisalPage.StatusCode}");
                var appraisalPageText = await appraisalPage.Content.ReadAsStringAsync();
                Assert.True((expected.Appraisal && expected.AllLeaves && anyAppraised) == appraisalPageText.Contains("LYDO-11", StringComparison.Ordinal), $"{where}: reason of 1.1 on the appraisal page");
                Assert.True((expected.Appraisal && anyAppraised) == appraisalPageText.Contains("LYDO-211", StringComparison.Ordinal), $"{where}: reason of 2.1.1 on the appraisal page");
                Assert.True(expected.AllLeaves == appraisalPageText.Contains("GT-11", StringComparison.Ordinal), $"{where}: unit's explanation on the appraisal page");
                Assert.True((expected.Result && anyAppraised) == appraisalPageText.Contains("id=\"final-points\"", StringComparison.Ordinal), $"{where}: final points on the appraisal page");
                Assert.True(expected.AppraisalTable == appraisalPageText.Contains("/appraisal-table?format=", StringComparison.Ordinal), $"{where}: appraisal table link");

                // History: API and page.
                var history = await client.GetAsync(U($"/api/assessments/{id}/history"));
                Assert.True((expected.Opens ? HttpStatusCode.OK : refused) == history.StatusCode, $"{where}: GET history {(int)history.StatusCode}");
                if (expected.Opens)
                {
                    var lines = (await history.JsonAsync()).EnumerateArray().ToList();
                    var appraisalLines = lines.Where(h => HistoryFields.IsAppraisal(h.GetProperty("field").GetString()!)).ToList();
                    Assert.True((expected.Appraisal && anyAppraised) == appraisalLines.Count > 0, $"{where}: appraisal lines in the history ({appraisalLines.Count})");
                    Assert.True(expected.AllLeaves == lines.Any(h => h.GetProperty("leafCode").GetString() == "1.1"), $"{where}: lines of 1.1 in the history");
                    Assert.Contains(lines, h => h.GetProperty("leafCode").GetString() == "2.1.1" && h.GetProperty("field").GetString() == "Explanation");
                }

                var leafHistory = await client.GetAsync(U($"/api/assessments/{id}/leaves/1.1/history"));
                Assert.True((expected.AllLeaves ? HttpStatusCode.OK : refused) == leafHistory.StatusCode, $"{where}: history of 1.1 {(int)leafHistory.StatusCode}");
                var leafHistoryText = await leafHistory.Content.ReadAsStringAsync();
                Assert.True((expected.Appraisal && expected.AllLeaves && anyAppraised) == leafHistoryText.Contains("LYDO-11", StringComparison.Ordinal), $"{where}: reason in the history of 1.1");

                var historyPage = await client.GetAsync(U($"/assessments/{id}/history"));
                Assert.True((expected.Opens ? HttpStatusCode.OK : refusedPage) == historyPage.StatusCode, $"{where}: history page {(int)historyPage.StatusCode}");
                var historyText = await historyPage.Content.ReadAsStringAsync();
                Assert.True((expected.Appraisal && expected.AllLeaves && anyAppraised) == historyText.Contains("LYDO-11", StringComparison.Ordinal), $"{where}: reason of 1.1 on the history page");
                Assert.True(expected.AllLeaves == historyText.Contains("GT-11", StringComparison.Ordinal), $"{where}: unit's explanation on the history page");
                Assert.DoesNotContain(">AppraisedScore<", expected.Appraisal ? "" : historyText, StringComparison.Ordinal);

                // Documents.
                var selfTable = await client.GetAsync(U($"/api/assessments/{id}/table?format=xlsx"));
                Assert.True((expected.SelfTable ? HttpStatusCode.OK : refused) == selfTable.StatusCode, $"{where}: self-assessment table {(int)selfTable.StatusCode}");
                var appraisalTable = await client.GetAsync(U($"/api/assessments/{id}/appraisal-table?format=xlsx"));
                Assert.True((expected.AppraisalTable ? HttpStatusCode.OK : refused) == appraisalTable.StatusCode, $"{where}: appraisal table {(int)appraisalTable.StatusCode}");
                if (!expected.AppraisalTable && user != "anonymous")
                {
                    await appraisalTable.AssertProblemAsync(HttpStatusCode.Forbidden);
                }

                // Evidence downloads.
                var bgFile = await client.GetAsync(U($"/api/assessments/{id}/evidence/{bgEvidence}"));
                Assert.True((expected.AllLeaves ? HttpStatusCode.OK : refused) == bgFile.StatusCode, $"{where}: unit's evidence {(int)bgFile.StatusCode}");
                var stpFile = await client.GetAsync(U($"/api/assessments/{id}/evidence/{stpEvidence}"));
                Assert.True((expected.Opens ? HttpStatusCode.OK : refused) == stpFile.StatusCode, $"{where}: agency's evidence {(int)stpFile.StatusCode}");

                // Appraiser assignments of the campaign.
                var appraisers = await client.GetAsync(U($"/api/campaigns/{campaignId}/appraisers"));
                Assert.True((expected.Appraisers ? HttpStatusCode.OK : refused) == appraisers.StatusCode, $"{where}: appraisers {(int)appraisers.StatusCode}");
            }

            await CheckAllAsync(); // Draft
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(clients["lead.bacgiang"], id, "submit")).StatusCode);
            await CheckAllAsync(); // Submitted
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(clients["appraiser"], id, "start-appraisal")).StatusCode);

            // Nothing appraised yet: no appraised total, final points or index, even for the appraisers.
            var empty = await AppraisalAsync(clients["appraiser"], id);
            Assert.Equal(JsonValueKind.Null, empty.GetProperty("totals").GetProperty("finalPoints").ValueKind);
            Assert.Equal(JsonValueKind.Null, empty.GetProperty("totals").GetProperty("finalIndex").ValueKind);
            Assert.Equal(0, empty.GetProperty("totals").GetProperty("appraised").GetInt32());
            // Nor a result per leaf: 1.1's self score 1,5 is not its result.
            Assert.Equal(JsonValueKind.Null, LeafOf(empty, "1.1").GetProperty("effectiveScore").ValueKind);
            var emptyPage = await clients["appraiser"].GetStringAsync(U($"/assessments/{id}/appraisal"));
            Assert.Contains("chưa thẩm định", emptyPage, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"final-points\"", emptyPage, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"final-index\"", emptyPage, StringComparison.Ordinal);

            var v11 = LeafOf(empty, "1.1").GetProperty("version").GetInt32();
            var v211 = LeafOf(empty, "2.1.1").GetProperty("version").GetInt32();
            Assert.Equal(HttpStatusCode.OK, (await clients["appraiser"].PutAsJsonAsync(U($"/api/assessments/{id}/appraisal/1.1"), new { version = v11, accept = false, score = "1", reason = SecretReason })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await clients["appraiser"].PutAsJsonAsync(U($"/api/assessments/{id}/appraisal/2.1.1"), new { version = v211, accept = false, score = "0", reason = StpReason })).StatusCode);
            // Two leaves appraised of many: the totals are there, and labelled as partial.
            var partial = await AppraisalAsync(clients["appraiser"], id);
            Assert.True(partial.GetProperty("totals").GetProperty("partial").GetBoolean());
            Assert.Contains("tạm tính", await clients["appraiser"].GetStringAsync(U($"/assessments/{id}/appraisal")), StringComparison.Ordinal);
            await CheckAllAsync(); // UnderAppraisal, partly appraised

            Assert.Equal(HttpStatusCode.OK, (await clients["appraiser"].PostAsync(U($"/api/assessments/{id}/appraisal/accept-remaining"), null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(coordinator, id, "send-preliminary")).StatusCode);
            await CheckAllAsync(); // PreliminarySent
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(clients["lead.bacgiang"], id, "respond")).StatusCode);
            await CheckAllAsync(); // Responded
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(clients["chair"], id, "approve")).StatusCode);
            await CheckAllAsync(); // Final
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(coordinator, id, "publish")).StatusCode);
            await CheckAllAsync(); // Published
            Assert.Equal(Enum.GetValues<AssessmentStatus>(), checkedStates.Distinct());
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    [Theory]
    [InlineData(WorkflowAction.Submit)]
    [InlineData(WorkflowAction.Withdraw)]
    [InlineData(WorkflowAction.StartAppraisal)]
    [InlineData(WorkflowAction.SendPreliminary)]
    [InlineData(WorkflowAction.Respond)]
    [InlineData(WorkflowAction.Approve)]
    [InlineData(WorkflowAction.Publish)]
    public async Task A_campaign_wide_action_refuses_what_the_single_action_refuses(WorkflowAction action)
    {
        var (campaignId, id) = await NewCampaignAsync("Một quy tắc cho cả kỳ");
        using var lead = await app.LoginAsync("lead.langson");
        using var appraiser = await app.LoginAsync("appraiser");
        using var coordinator = await app.LoginAsync("coordinator");
        using var chair = await app.LoginAsync("chair");
        Assert.Equal(HttpStatusCode.OK, (await lead.SaveLeafAsync(id, "1.1", new { version = 0, score = "1" })).StatusCode);
        // Each action in a state where the single action is refused for a reason other than who asks:
        // a state it cannot leave that way, or (send-preliminary) leaves not appraised yet.
        // The unit's own steps are never campaign-wide: the coordinator is refused both, for the role,
        // in a state where the step itself would be legal.
        var (actor, setup) = action switch
        {
            WorkflowAction.Submit => (coordinator, Array.Empty<(HttpClient, string)>()),
            WorkflowAction.Withdraw => (coordinator, [(lead, "submit")]),
            WorkflowAction.StartAppraisal => (appraiser, []),
            WorkflowAction.SendPreliminary => (coordinator, [(lead, "submit"), (appraiser, "start-appraisal")]),
            WorkflowAction.Respond => (coordinator, [(lead, "submit"), (appraiser, "start-appraisal"), (appraiser, "accept-remaining"), (coordinator, "send-preliminary")]),
            WorkflowAction.Approve => (chair, [(lead, "submit"), (appraiser, "start-appraisal")]),
            _ => (coordinator, [(lead, "submit")]),
        };
        foreach (var (who, step) in setup)
        {
            var done = step == "accept-remaining"
                ? await who.PostAsync(U($"/api/assessments/{id}/appraisal/accept-remaining"), null)
                : await ActAsync(who, id, step);
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        var before = await SnapshotAsync(id);
        var slug = WorkflowActionNames.Slug(action);
        var single = await ActAsync(actor, id, slug);
        Assert.NotEqual(HttpStatusCode.OK, single.StatusCode);
        var singleDetail = await single.AssertProblemAsync(single.StatusCode);
        var wide = await actor.PostAsync(U($"/api/campaigns/{campaignId}/actions/{slug}"), null);
        Assert.True(single.StatusCode == wide.StatusCode, $"{slug}: single {(int)single.StatusCode}, campaign-wide {(int)wide.StatusCode} {await wide.Content.ReadAsStringAsync()}");
        Assert.EndsWith(singleDetail, await wide.AssertProblemAsync(single.StatusCode), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task Unit_users_get_the_same_403_from_campaign_actions_whatever_the_states_and_cannot_read_appraiser_assignments()
    {
        // The demo campaign: Bắc Giang in draft, the sample units in other states.
        var campaignId = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Name == DemoSeeder.CampaignName).Select(c => c.Id).SingleAsync());
        var (otherCampaign, _) = await NewCampaignAsync("Trạng thái khác");
        foreach (var user in new[] { "lead.bacgiang", "editor.bacgiang", "editor.stp", "lead.langson" })
        {
            using var client = await app.LoginAsync(user);
            foreach (var action in new[] { WorkflowAction.StartAppraisal, WorkflowAction.SendPreliminary, WorkflowAction.Approve, WorkflowAction.Publish, WorkflowAction.Submit })
            {
                // Unit roles hold for their own unit only, so none of them counts for a whole campaign.
                var expected = WorkflowRules.RefuseRole(action, []);
                foreach (var campaign in new[] { campaignId, otherCampaign })
                {
                    var response = await client.PostAsync(U($"/api/campaigns/{campaign}/actions/{WorkflowActionNames.Slug(action)}"), null);
                    Assert.Equal(expected, await response.AssertProblemAsync(HttpStatusCode.Forbidden));
                }
            }

            await (await client.GetAsync(U($"/api/campaigns/{campaignId}/appraisers"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using var appraiser = await app.LoginAsync("appraiser");
        Assert.Equal(HttpStatusCode.OK, (await appraiser.GetAsync(U($"/api/campaigns/{campaignId}/appraisers"))).StatusCode);
    }
}
