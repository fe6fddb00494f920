using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParIndex.Application.Accounts;
using ParIndex.Application.Campaigns;
using ParIndex.Application.Demo;
using ParIndex.Data;

namespace ParIndex.Browser.Tests;

/// <summary>
/// The crosswalk page on a phone-sized screen, by keyboard (ADR 0124): a coordinator changes the
/// sample merge (1.1 + 1.2 → 1.1) into "1.1 continues 1.1, 1.2 removed", saves with Enter, and the
/// year-on-year page of a rolled-over sample campaign compares 1.1 directly from then on.
/// </summary>
public sealed class CrosswalkFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_mapping_edited_and_saved_on_a_narrow_screen_is_what_the_comparison_uses()
    {
        var (campaignId, unitId, crosswalkId) = await RolledOverSampleAsync();
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.FillAsync("#username", "coordinator");
        await page.FillAsync("#password", BrowserApp.Password);
        await page.ClickAsync("#login-button");
        await page.WaitForURLAsync(new Regex("/$"));

        var change = new Uri(app.BaseAddress, $"/campaigns/{campaignId}/units/{unitId}/change").ToString();
        await page.GotoAsync(change);
        await Assertions.Expect(page.Locator("tr[data-code='1.1']")).ToHaveAttributeAsync("data-comparison", "combined");
        await Assertions.Expect(page.Locator("tr[data-code='1.5'] .not-comparable")).ToHaveTextAsync("không so sánh được");

        await page.GotoAsync(new Uri(app.BaseAddress, "/crosswalks").ToString());
        await page.ClickAsync($"a[href='/crosswalks/{crosswalkId}']");
        var merged = page.Locator("#rows tbody tr").Filter(new LocatorFilterOptions { Has = page.Locator("input[id^='from-'][value='1.1, 1.2']") });
        await Assertions.Expect(merged).ToHaveCountAsync(1);
        // Every input has a label a screen reader announces.
        var from = merged.GetByLabel(new Regex("^Mã cũ dòng \\d+$"));
        await from.FillAsync("1.1");
        await merged.GetByLabel(new Regex("^Loại dòng \\d+$")).SelectOptionAsync("");
        var rows = await page.Locator("#rows tbody tr").CountAsync();
        var blank = page.Locator($"#from-{rows - 2}");
        await blank.FillAsync("1.2");
        // The table fits the screen: each row is stacked, nothing scrolls sideways.
        var box = await page.Locator("#rows").BoundingBoxAsync();
        Assert.True(box!.Width <= 390, $"the rows are {box.Width}px wide");
        await page.Locator("#crosswalk-form").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "crosswalk-390.png") });
        await blank.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#crosswalk-message")).ToContainTextAsync("Đã lưu bảng chuyển mã (phiên bản 3)");
        await Assertions.Expect(page.Locator("#history tbody tr").First).ToContainTextAsync("sửa trên trang");

        await page.GotoAsync(change);
        var row = page.Locator("tr[data-code='1.1']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-comparison", "direct");
        await Assertions.Expect(row).Not.ToContainTextAsync("(gộp)");
        app.AssertNoPolicyViolations();
    }

    /// <summary>The sample department campaign of 2023 rolled over to the sample 2024 version (through the use case).</summary>
    private async Task<(int Campaign, int Unit, int Crosswalk)> RolledOverSampleAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
        var source = await db.Campaigns.Where(c => c.Name == SampleCampaignGenerator.CampaignName(2023)).Select(c => c.Id).SingleAsync();
        var framework = await db.Frameworks.Where(f => f.FrameworkId == DemoCrosswalkSeeder.SampleFrameworkId).Select(f => f.Id).SingleAsync();
        var crosswalk = await db.Crosswalks.Where(c => c.IsSample).Select(c => c.Id).SingleAsync();
        var result = await scope.ServiceProvider.GetRequiredService<CampaignRolloverService>()
            .RolloverAsync(source, new RolloverRequest("Chỉ số CCHC mẫu 2024", 2024, framework, crosswalk, null), CurrentUser.Operator("test"), CancellationToken.None);
        var unit = await db.Assessments.Where(a => a.CampaignId == result.CampaignId).OrderBy(a => a.UnitId).Select(a => a.UnitId).FirstAsync();
        return (result.CampaignId, unit, crosswalk);
    }
}
