using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application.Frameworks;
using ParIndex.Core.Workflow;
using ParIndex.Data.Assessments;
using ParIndex.Data.Evidence;
using ParIndex.Web.Accounts;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Campaigns;

/// <summary>
/// The coordinator's campaign dashboard on each database: figures per unit from stored entries,
/// evidence and assignments; the deadline of each unit's step and overdue; sort, filter and paging;
/// the export with the same query; access. One campaign of three units made by the test.
/// </summary>
public abstract class CampaignDashboardTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly DateTime Past = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Future = new(2099, 6, 30, 10, 0, 0, DateTimeKind.Utc);

    private sealed record Seeded(int CampaignId, string Name, int Bg, int Ls, int Stp, string[] SelfLeaves, string SurveyLeaf);

    private Seeded? seeded;

    /// <summary>
    /// BG: three leaves scored (1; 2,5; 0,25 — the first with evidence), one not applicable, a survey
    /// leaf with 3,125 survey points, two assignments (one finished), overdue (campaign deadline past).
    /// LS: nothing entered, its own exception in the future. STP: submitted, one leaf of 4 points.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        if (seeded is not null)
        {
            return seeded;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParIndex.Data.ParIndexDbContext>();
        var demo = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Name == DemoSeeder.CampaignName);
        var framework = scope.ServiceProvider.GetRequiredService<FrameworkCache>().Get(await db.Frameworks.SingleAsync(f => f.Id == demo.FrameworkRecordId));
        var self = framework.Leaves().Where(l => !l.IsSurvey).Select(l => l.Code).ToArray();
        var survey = framework.Leaves().First(l => l.IsSurvey).Code;
        var units = await db.Units.Where(u => u.Code == "BG" || u.Code == "LS" || u.Code == "BG-STP").ToDictionaryAsync(u => u.Code, u => u.Id);
        var coordinator = CurrentUser.Operator("test-coordinator");
        // xUnit makes a test object per test, so each test seeds its own campaign, named apart.
        var name = $"Bảng tiến độ {app.ProviderName} {Guid.NewGuid():N}"[..40];
        var created = await scope.ServiceProvider.GetRequiredService<CampaignService>().CreateAsync(
            new CampaignRequest(name, 2031, demo.FrameworkRecordId, [units["BG"], units["LS"], units["BG-STP"]], Past), coordinator, default);
        int AssessmentOf(string code) => created.Units.Single(u => u.UnitId == units[code]).AssessmentId;
        var (bg, ls, stp) = (AssessmentOf("BG"), AssessmentOf("LS"), AssessmentOf("BG-STP"));

        var now = DateTime.UtcNow;
        LeafEntry Entry(int assessment, string code, decimal? points, bool notApplicable = false) =>
            new() { AssessmentId = assessment, LeafCode = code, Points = points, Score = points, NotApplicable = notApplicable, UpdatedAt = now };
        var withEvidence = Entry(bg, self[0], 1m);
        withEvidence.Evidence.Add(new EvidenceFile
        {
            AssessmentId = bg, FileName = "kh.pdf", ContentType = "application/pdf", Sha256 = new string('a', 64), UploadedBy = "test", StorageName = "kh", UploadedAt = now,
        });
        db.LeafEntries.AddRange(
            withEvidence,
            Entry(bg, self[1], 2.5m),
            Entry(bg, self[2], 0.25m),
            Entry(bg, self[3], null, notApplicable: true),
            Entry(bg, self[4], null), // explanation only: not scored
            new LeafEntry { AssessmentId = bg, LeafCode = survey, SurveyScore = 3.125m, UpdatedAt = now },
            Entry(stp, self[0], 4m));
        db.Assignments.AddRange(
            new ParIndex.Data.Campaigns.Assignment { AssessmentId = bg, CodePrefix = self[1], ContributingUnitId = units["BG-STP"] },
            new ParIndex.Data.Campaigns.Assignment { AssessmentId = bg, CodePrefix = self[5], ContributingUnitId = units["LS"] });
        await db.SaveChangesAsync();
        await db.Assessments.Where(a => a.Id == ls).ExecuteUpdateAsync(s => s.SetProperty(a => a.DeadlineException, Future));
        await db.Assessments.Where(a => a.Id == stp).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssessmentStatus.Submitted));
        return seeded = new Seeded(created.Id, name, bg, ls, stp, self, survey);
    }

    private async Task<CampaignDashboardView> DashboardAsync(int campaign, DashboardQuery query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CampaignDashboard>().GetAsync(campaign, query, default);
    }

    [Fact]
    public async Task Each_unit_has_its_figures_deadline_and_overdue_mark_and_the_campaign_its_totals()
    {
        var s = await SeedAsync();
        var view = await DashboardAsync(s.CampaignId, new DashboardQuery());
        var rows = view.Rows.ToDictionary(r => r.AssessmentId);
        Assert.Equal(3, view.Matching);

        var bg = rows[s.Bg];
        Assert.Equal(s.SelfLeaves.Length, bg.LeavesToScore);
        Assert.Equal(4, bg.LeavesScored); // three with points and one not applicable
        Assert.Equal(Math.Round(400m / s.SelfLeaves.Length, 2, MidpointRounding.AwayFromZero), bg.ScoredPercent);
        Assert.Equal(1m + 2.5m + 0.25m + 3.125m, bg.Points);
        Assert.Equal(2, bg.MissingEvidence); // 2,5 and 0,25 claim points without a file
        Assert.Equal((2, 1), (bg.Assignments, bg.AssignmentsFinished));
        Assert.Equal(((DateTime?)Past, false, true), (bg.Deadline, bg.HasException, bg.Overdue));

        var ls = rows[s.Ls];
        Assert.Equal((0, 0m, 0), (ls.LeavesScored, ls.Points, ls.MissingEvidence));
        Assert.Equal(((DateTime?)Future, true, false), (ls.Deadline, ls.HasException, ls.Overdue));

        var stp = rows[s.Stp];
        Assert.Equal(AssessmentStatus.Submitted, stp.State);
        Assert.Equal((1, 4m, 1), (stp.LeavesScored, stp.Points, stp.MissingEvidence));
        Assert.Equal((null, false), (stp.Deadline, stp.Overdue)); // the appraisers' step: no deadline of the unit

        var t = view.Totals;
        Assert.Equal((3, 5, 3, 2, 1, 1, 1), (t.Units, t.LeavesScored, t.MissingEvidence, t.Assignments, t.AssignmentsFinished, t.Overdue, t.WithException));
        Assert.Equal(3 * s.SelfLeaves.Length, t.LeavesToScore);
        Assert.Equal(2, t.States[AssessmentStatus.Draft]);
        Assert.Equal(1, t.States[AssessmentStatus.Submitted]);
    }

    [Fact]
    public async Task The_table_sorts_filters_and_pages_on_the_server()
    {
        var s = await SeedAsync();
        // Points: BG 6,875, STP 4, LS 0.
        Assert.Equal([s.Bg, s.Stp, s.Ls], (await DashboardAsync(s.CampaignId, new DashboardQuery(Sort: DashboardSort.Points, Descending: true))).Rows.Select(r => r.AssessmentId));
        Assert.Equal([s.Ls, s.Stp, s.Bg], (await DashboardAsync(s.CampaignId, new DashboardQuery(Sort: DashboardSort.Points))).Rows.Select(r => r.AssessmentId));
        // Deadline: earliest first, a unit without one last either way.
        Assert.Equal([s.Bg, s.Ls, s.Stp], (await DashboardAsync(s.CampaignId, new DashboardQuery(Sort: DashboardSort.Deadline))).Rows.Select(r => r.AssessmentId));
        Assert.Equal([s.Ls, s.Bg, s.Stp], (await DashboardAsync(s.CampaignId, new DashboardQuery(Sort: DashboardSort.Deadline, Descending: true))).Rows.Select(r => r.AssessmentId));

        Assert.Equal([s.Bg], (await DashboardAsync(s.CampaignId, new DashboardQuery(OverdueOnly: true))).Rows.Select(r => r.AssessmentId));
        Assert.Equal([s.Stp], (await DashboardAsync(s.CampaignId, new DashboardQuery(State: AssessmentStatus.Submitted))).Rows.Select(r => r.AssessmentId));
        Assert.Equal([s.Ls], (await DashboardAsync(s.CampaignId, new DashboardQuery(Search: "lạng"))).Rows.Select(r => r.AssessmentId));
        Assert.Equal([s.Stp], (await DashboardAsync(s.CampaignId, new DashboardQuery(Kind: "department"))).Rows.Select(r => r.AssessmentId));
        var missing = await DashboardAsync(s.CampaignId, new DashboardQuery(MissingEvidenceOnly: true, Sort: DashboardSort.MissingEvidence, Descending: true));
        Assert.Equal([s.Bg, s.Stp], missing.Rows.Select(r => r.AssessmentId));
        Assert.Equal(3, missing.Totals.Units); // totals are the campaign's, whatever the filter

        var second = await DashboardAsync(s.CampaignId, new DashboardQuery(Sort: DashboardSort.Points, Descending: true, Page: 2, PageSize: 2));
        Assert.Equal((3, 2, 2), (second.Matching, second.Pages, second.Query.Page));
        Assert.Equal([s.Ls], second.Rows.Select(r => r.AssessmentId));
        var beyond = await DashboardAsync(s.CampaignId, new DashboardQuery(Page: 99, PageSize: 2));
        Assert.Equal(2, beyond.Query.Page);
    }

    [Fact]
    public async Task The_api_and_the_export_follow_the_query_and_only_the_coordinator_gets_them()
    {
        var s = await SeedAsync();
        using var coordinator = await app.LoginAsync("coordinator");
        var json = await coordinator.GetFromJsonAsync<JsonElement>(new Uri($"/api/campaigns/{s.CampaignId}/dashboard?sort=points&desc=1&size=2", UriKind.Relative));
        Assert.Equal(3, json.GetProperty("matching").GetInt32());
        Assert.Equal(s.Bg, json.GetProperty("rows")[0].GetProperty("assessmentId").GetInt32());
        await (await coordinator.GetAsync(new Uri($"/api/campaigns/{s.CampaignId}/dashboard?sort=colour", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await coordinator.GetAsync(new Uri($"/api/campaigns/{s.CampaignId}/dashboard?state=Lost", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await coordinator.GetAsync(new Uri("/api/campaigns/987654/dashboard", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);

        var xlsx = await coordinator.GetAsync(new Uri($"/api/campaigns/{s.CampaignId}/dashboard/export?format=xlsx&overdue=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal($"tien-do-2031-{s.CampaignId}.xlsx", xlsx.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(workbook));
            var text = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText;
            Assert.Contains("Tỉnh Bắc Giang", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Lạng Sơn", text, StringComparison.Ordinal); // filtered out: not overdue
            Assert.Contains("Lọc: quá hạn", text, StringComparison.Ordinal);
        }

        var pdf = await coordinator.GetAsync(new Uri($"/api/campaigns/{s.CampaignId}/dashboard/export?format=pdf", UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var read = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", read.GetPages().Select(p => p.Text));
            Assert.True(text.Contains("6,875", StringComparison.Ordinal), text); // BG: 1 + 2,5 + 0,25 + 3,125, with three decimals as 4,000 below
            Assert.Contains("4,000", text, StringComparison.Ordinal);
        }

        await (await coordinator.GetAsync(new Uri($"/api/campaigns/{s.CampaignId}/dashboard/export?format=docx", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
        using var editor = await app.LoginAsync("editor.bacgiang");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(new Uri($"/api/campaigns/{s.CampaignId}/dashboard", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(new Uri($"/api/campaigns/{s.CampaignId}/dashboard/export?format=xlsx", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Home_pages_list_each_roles_tasks_first_with_their_deadlines()
    {
        var s = await SeedAsync();
        async Task<IReadOnlyList<TaskItem>> TasksOf(string user)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var principal = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<ParIndex.Data.Accounts.AppUser>>()
                .CreateUserPrincipalAsync((await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ParIndex.Data.Accounts.AppUser>>().FindByNameAsync(user))!);
            return await scope.ServiceProvider.GetRequiredService<MyTasks>().TasksAsync(CurrentUser.From(principal), default);
        }

        var name = s.Name;
        // Lạng Sơn's lead: submit by its own exception's date.
        var lead = (await TasksOf("lead.langson")).Where(t => t.CampaignName == name).ToList();
        var own = Assert.Single(lead, t => t.What == "Duyệt và gửi bản tự đánh giá");
        Assert.Equal(((DateTime?)Future, false), (own.Due, own.Overdue));
        // … and, as a contributing agency, the criterion of Bắc Giang's table given to it (past the campaign's deadline), listed first.
        Assert.Equal($"Chấm các tiêu chí được giao ({s.SelfLeaves[5]})", lead[0].What);
        // The justice department scores the criterion assigned to it in Bắc Giang's table, overdue.
        var justice = (await TasksOf("editor.stp")).Where(t => t.CampaignName == name).ToList();
        Assert.Equal($"Chấm các tiêu chí được giao ({s.SelfLeaves[1]})", Assert.Single(justice).What);
        Assert.True(justice[0].Overdue);
        // The coordinator: one line per campaign and step, not per unit.
        var coordinator = (await TasksOf("coordinator")).Where(t => t.CampaignName == name).ToList();
        var late = Assert.Single(coordinator);
        Assert.Equal((1, $"/campaigns/{s.CampaignId}?overdue=1"), (late.Count, late.Link));
        var appraiser = (await TasksOf("appraiser")).Where(t => t.CampaignName == name).ToList();
        Assert.Equal(1, Assert.Single(appraiser).Count); // the submitted one

        using var client = await app.LoginAsync("lead.langson");
        var html = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/?q=L%E1%BA%A1ng", UriKind.Relative)));
        Assert.Contains(html.QuerySelectorAll("#my-tasks tbody tr"), r => r.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.All(html.QuerySelectorAll("#assessment-list tbody tr"), r => Assert.Contains("Lạng Sơn", r.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_shows_the_current_deadline_sort_marks_and_no_edit_forms_once_published()
    {
        var s = await SeedAsync();
        using var coordinator = await app.LoginAsync("coordinator");
        var html = new HtmlParser().ParseDocument(await coordinator.GetStringAsync(new Uri($"/campaigns/{s.CampaignId}?sort=points&desc=1", UriKind.Relative)));
        // 01/01/2001 00:00 UTC is 07:00 in Vietnam.
        Assert.Equal("2001-01-01T07:00", html.QuerySelector("#deadline-form input[name=Deadline]")!.GetAttribute("value"));
        Assert.Equal("descending", html.QuerySelector("th[data-sort=points]")!.GetAttribute("aria-sort"));
        Assert.Equal(["BG", "BG-STP", "LS"], html.QuerySelectorAll("#dashboard-table tbody tr").Select(r => r.GetAttribute("data-unit")));
        Assert.Contains("sort=points&desc=1", html.QuerySelector("#dashboard-export-pdf")!.GetAttribute("href"), StringComparison.Ordinal);

        var published = await app.WithDbAsync(db => db.Campaigns.Where(c => c.PublishedAt != null).Select(c => c.Id).FirstAsync());
        var frozen = new HtmlParser().ParseDocument(await coordinator.GetStringAsync(new Uri($"/campaigns/{published}", UriKind.Relative)));
        Assert.NotNull(frozen.QuerySelector("#published-notice"));
        Assert.Null(frozen.QuerySelector("#deadline-form"));
        Assert.Empty(frozen.QuerySelectorAll("input[type=datetime-local]"));
    }
}

public sealed class CampaignDashboardTestsOnSqlite(SqliteAppFixture app) : CampaignDashboardTests<SqliteAppFixture>(app);

public sealed class CampaignDashboardTestsOnPostgres(PostgresAppFixture app) : CampaignDashboardTests<PostgresAppFixture>(app);
