using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ParIndex.Browser.Tests;

/// <summary>
/// In a real browser: the coordinator opens the demo campaign's dashboard, sorts by points with a
/// click on the column header, filters by name, and downloads the progress table with the same
/// query through the progress pattern (busy link, status line, the server's file name).
/// </summary>
public sealed class CampaignDashboardFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Campaign = "PAR INDEX 2023 cấp tỉnh";

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();

    [Fact]
    public async Task Coordinator_sorts_filters_and_downloads_the_campaign_progress()
    {
        var shots = BrowserApp.ScreenshotFolder();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/login"));
        await page.FillAsync("#username", "coordinator");
        await page.FillAsync("#password", BrowserApp.Password);
        await page.ClickAsync("#login-button");
        await page.WaitForURLAsync(new Regex("/$"));

        await page.GotoAsync(Url("/campaigns"));
        await page.Locator("a", new PageLocatorOptions { HasTextString = Campaign }).First.ClickAsync();
        await page.WaitForSelectorAsync("#dashboard-table");
        await Assertions.Expect(page.Locator("#dashboard-table tbody tr")).ToHaveCountAsync(2);
        // The deadline input shows the stored deadline rather than an empty field.
        Assert.False(string.IsNullOrEmpty(await page.InputValueAsync("#deadline-form input[name=Deadline]")));

        // Sort: points, highest first (Bắc Giang's table is scored, Lạng Sơn's is not).
        await page.ClickAsync("th[data-sort=points] a");
        await Assertions.Expect(page.Locator("th[data-sort=points]")).ToHaveAttributeAsync("aria-sort", "ascending");
        await page.ClickAsync("th[data-sort=points] a");
        await Assertions.Expect(page.Locator("th[data-sort=points]")).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(page.Locator("#dashboard-table tbody tr").First).ToHaveAttributeAsync("data-unit", "BG");

        // Filter by name: the sort stays, one unit left, the export link carries both.
        await page.FillAsync("#dashboard-filter input[name=q]", "Lạng");
        await page.ClickAsync("#dashboard-filter button[type=submit]");
        await Assertions.Expect(page.Locator("#dashboard-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#dashboard-table tbody tr")).ToHaveAttributeAsync("data-unit", "LS");
        await Assertions.Expect(page.Locator("th[data-sort=points]")).ToHaveAttributeAsync("aria-sort", "descending");
        var href = await page.GetAttributeAsync("#dashboard-export-xlsx", "href");
        Assert.Contains("q=L%E1%BA%A1ng", href, StringComparison.Ordinal);
        Assert.Contains("sort=points&desc=1", href, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "campaign-dashboard.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#dashboard-export-xlsx"));
        Assert.Matches(@"^tien-do-2023-\d+\.xlsx$", download.SuggestedFilename);
        await Assertions.Expect(page.Locator("#busy-status")).ToContainTextAsync("Đã tải xong: tien-do-2023-");
        var file = await download.PathAsync();
        Assert.True(new FileInfo(file!).Length > 1000);
        app.AssertNoPolicyViolations();
    }
}
