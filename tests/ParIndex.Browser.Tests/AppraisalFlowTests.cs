using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ParIndex.Browser.Tests;

/// <summary>
/// In a real browser: the appraiser adjusts a leaf of Bắc Giang with a reason, the unit answers,
/// the appraiser sets the final score, the council chair approves, the coordinator publishes, and
/// the public ranking page (no login) shows the unit with its index and charts.
/// </summary>
public sealed class AppraisalFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Campaign = "PAR INDEX 2023 cấp tỉnh";

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();

    // One signed-in browser context per account, reused across the steps (fewer logins, as a real user).
    private readonly Dictionary<string, (IBrowserContext Context, IPage Page)> sessions = new(StringComparer.Ordinal);

    private async Task<(IBrowserContext Context, IPage Page)> LoginAsync(string user)
    {
        if (sessions.TryGetValue(user, out var session))
        {
            await session.Page.GotoAsync(Url("/"));
            return session;
        }

        var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/login"));
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", BrowserApp.Password);
        await page.ClickAsync("#login-button");
        await page.WaitForURLAsync(new Regex("/$"));
        sessions[user] = (context, page);
        return (context, page);
    }

    /// <summary>Opens the appraisal page of the unit's assessment in the demo campaign from the home list.</summary>
    private static async Task OpenAppraisalAsync(IPage page, string unitName)
    {
        var row = page.Locator("tr", new PageLocatorOptions { HasTextString = unitName }).Filter(new LocatorFilterOptions { HasTextString = Campaign });
        await row.Locator("a.appraisal-link").ClickAsync();
        await page.WaitForSelectorAsync(".appraisal[data-assessment]");
    }

    // The appraisal page reloads after every successful action (appraisal.js): wait for the new
    // document, so that no later step reads or screenshots the page while it is being replaced.
    private static async Task ClickAndWaitForReloadAsync(IPage page, ILocator button)
    {
        // Mark the current document; the mark is gone once the reloaded one is in place.
        await page.EvaluateAsync("() => { window.__beforeReload = true; }");
        await button.ClickAsync();
        await page.WaitForFunctionAsync("() => window.__beforeReload !== true");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static async Task ActAsync(IPage page, string action)
    {
        // The step's checklist first (ADR 0128), then the confirmation, then what happens next.
        await page.ClickAsync("#action-" + action);
        await ClickAndWaitForReloadAsync(page, page.Locator("#confirm-action[data-action='" + action + "']"));
        await Assertions.Expect(page.Locator("#action-" + action)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#action-done")).ToBeVisibleAsync();
    }

    /// <summary>Lạng Sơn, the other unit of the campaign, goes to the approved state through the API (same cookies as the pages).</summary>
    private async Task LangSonToFinalAsync()
    {
        var steps = new (string User, string Path)[]
        {
            ("lead.langson", "actions/submit"), ("appraiser", "actions/start-appraisal"), ("appraiser", "appraisal/accept-remaining"),
            ("coordinator", "actions/send-preliminary"), ("chair", "actions/approve"),
        };
        var (_, page) = await LoginAsync("editor.langson");
        var id = await page.Locator("a.appraisal-link").First.GetAttributeAsync("href");
        var assessment = Regex.Match(id!, @"/assessments/(\d+)/").Groups[1].Value;
        foreach (var (user, path) in steps)
        {
            var (c, _) = await LoginAsync(user);
            // Like the page's scripts: the API token in X-XSRF-TOKEN (a request without it, Origin or Sec-Fetch-Site is refused).
            var tokenJson = await (await c.APIRequest.GetAsync(Url("/api/antiforgery"))).JsonAsync();
            var token = tokenJson!.Value.GetProperty("token").GetString()!;
            var response = await c.APIRequest.PostAsync(Url($"/api/assessments/{assessment}/{path}"),
                new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["X-XSRF-TOKEN"] = token } });
            Assert.True(response.Ok, $"{user} {path}: {response.Status} {await response.TextAsync()}");
        }
    }

    [Fact]
    public async Task Appraiser_adjusts_unit_answers_chair_approves_and_the_public_ranking_shows_the_unit()
    {
        var shots = BrowserApp.ScreenshotFolder();
        await LangSonToFinalAsync();

        // The unit lead submits Bắc Giang's self-assessment (65,249 points from the seed table).
        var (_, lead) = await LoginAsync("lead.bacgiang");
        await OpenAppraisalAsync(lead, "Tỉnh Bắc Giang");
        await ActAsync(lead, "submit");

        // The appraiser starts, adjusts 1.1 from 1,5 to 1 with a reason (a missing reason is refused), accepts the rest.
        var (_, appraiser) = await LoginAsync("appraiser");
        await OpenAppraisalAsync(appraiser, "Tỉnh Bắc Giang");
        await ActAsync(appraiser, "start-appraisal");
        var row = appraiser.Locator("tr[data-leaf='1.1']");
        await row.Locator("input[name=score]").FillAsync("1");
        await row.Locator("button.adjust").ClickAsync();
        await Assertions.Expect(row.Locator(".row-problem")).ToContainTextAsync("lý do");
        await row.Locator("textarea[name=reason]").FillAsync("Chưa có báo cáo kết quả thực hiện kế hoạch quý IV");
        await ClickAndWaitForReloadAsync(appraiser, row.Locator("button.adjust"));
        await Assertions.Expect(appraiser.Locator("tr[data-leaf='1.1'] td.appraised")).ToHaveTextAsync(new Regex("^1(,0+)?$"));
        await Assertions.Expect(appraiser.Locator("tr[data-leaf='1.1'] .reason")).ToContainTextAsync("quý IV");
        await ClickAndWaitForReloadAsync(appraiser, appraiser.Locator("#accept-remaining"));
        await Assertions.Expect(appraiser.Locator("#accept-remaining")).ToHaveCountAsync(1);
        await Assertions.Expect(appraiser.Locator("#appraised-points")).ToHaveTextAsync("64,749");
        await appraiser.Locator("tr[data-leaf='1.1']").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(shots, "appraisal-adjusted-leaf.png") });

        var (_, coordinator) = await LoginAsync("coordinator");
        await OpenAppraisalAsync(coordinator, "Tỉnh Bắc Giang");
        await ActAsync(coordinator, "send-preliminary");

        // The unit sees the adjustment with its reason and answers it, then sends its responses.
        await lead.ReloadAsync();
        var leadRow = lead.Locator("tr[data-leaf='1.1']");
        await Assertions.Expect(leadRow.Locator(".reason")).ToContainTextAsync("Chưa có báo cáo kết quả thực hiện kế hoạch quý IV");
        await leadRow.Locator("textarea[name=response]").FillAsync("Báo cáo số 25/BC-UBND ngày 15/12/2023 đã gửi Bộ Nội vụ");
        await ClickAndWaitForReloadAsync(lead, leadRow.Locator("button.respond"));
        await Assertions.Expect(lead.Locator("tr[data-leaf='1.1'] .response")).ToContainTextAsync("25/BC-UBND");
        await lead.Locator("tr[data-leaf='1.1']").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(shots, "appraisal-unit-response.png") });
        await ActAsync(lead, "respond");

        // The appraiser reads the response and sets the final score 1,25 with a reason.
        await appraiser.ReloadAsync();
        var finalRow = appraiser.Locator("tr[data-leaf='1.1']");
        await Assertions.Expect(finalRow.Locator(".response")).ToContainTextAsync("25/BC-UBND");
        await finalRow.Locator("input[name=score]").FillAsync("1,25");
        await finalRow.Locator("textarea[name=reason]").FillAsync("Báo cáo có nhưng gửi muộn");
        await ClickAndWaitForReloadAsync(appraiser, finalRow.Locator("button.adjust"));
        await Assertions.Expect(appraiser.Locator("tr[data-leaf='1.1'] td.final")).ToHaveTextAsync(new Regex("^1,250*$"));
        // 64,999 appraised + 23,4184 survey points from the demo's sample survey.
        await Assertions.Expect(appraiser.Locator("#final-points")).ToHaveTextAsync("88,4174");
        await appraiser.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "appraisal.png") });

        var (_, chair) = await LoginAsync("chair");
        await OpenAppraisalAsync(chair, "Tỉnh Bắc Giang");
        await ActAsync(chair, "approve");
        await coordinator.ReloadAsync();
        // Publication is campaign-wide: both approved units are published at once.
        await coordinator.ClickAsync("#campaign-publish");
        await Assertions.Expect(coordinator.Locator("#status")).ToHaveTextAsync("Đã công bố");

        // The public, without logging in, finds the ranking with the unit and its index.
        await using var publicContext = await app.NewContextAsync();
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync(Url("/results"));
        await visitor.ClickAsync($"#published-campaigns a:text-is('{Campaign}')");
        var bacGiang = visitor.Locator("tr[data-unit='BG']");
        // 64,999 final points + 23,4184 survey points from the demo's sample survey (400 respondents) = 88,4174.
        await Assertions.Expect(bacGiang.Locator(".index")).ToHaveTextAsync("88,42%");
        await Assertions.Expect(bacGiang.Locator(".rank")).ToHaveTextAsync("1");
        await Assertions.Expect(visitor.Locator("canvas[data-chart-for='ranking-province']")).ToHaveAttributeAsync("data-drawn", "true");
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "public-ranking.png"), FullPage = true });

        await bacGiang.Locator("a").ClickAsync();
        await Assertions.Expect(visitor.Locator("#unit-index")).ToHaveTextAsync("88,42%");
        await Assertions.Expect(visitor.Locator("canvas[data-chart-for='fields']")).ToHaveAttributeAsync("data-drawn", "true");
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "public-unit-card.png"), FullPage = true });

        // The generated internal campaign of Bắc Giang is public from the start, labelled as sample data.
        await visitor.GotoAsync(Url("/results"));
        await visitor.ClickAsync("#published-campaigns a:has-text('2023 (dữ liệu mẫu)')");
        await Assertions.Expect(visitor.Locator("#sample-label")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("section[data-peer-group='district'] tbody tr")).ToHaveCountAsync(10);
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "public-sample-ranking.png"), FullPage = true });

        foreach (var (context, _) in sessions.Values)
        {
            await context.CloseAsync();
        }

        app.AssertNoPolicyViolations();
    }
}
