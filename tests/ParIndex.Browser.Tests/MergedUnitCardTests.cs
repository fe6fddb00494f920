using Microsoft.Playwright;

namespace ParIndex.Browser.Tests;

/// <summary>
/// In a real browser, without signing in: the sample merged department's public score card shows its
/// two predecessors' previous results side by side with the "not a direct comparison" mark, and says
/// that the campaign ran no survey (ADR 0126, 0127).
/// </summary>
public sealed class MergedUnitCardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_merged_units_card_shows_its_predecessors_side_by_side()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/results").ToString());
        await page.Locator("a", new PageLocatorOptions { HasTextString = "Chỉ số CCHC các sở tỉnh Bắc Giang 2025" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#survey-not-run")).ToContainTextAsync("không thực hiện điều tra xã hội học");
        await page.Locator("a", new PageLocatorOptions { HasTextString = "sau hợp nhất" }).First.ClickAsync();

        await Assertions.Expect(page.Locator("#not-direct")).ToHaveTextAsync("So sánh không trực tiếp");
        var rows = page.Locator("#predecessor-results tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Sở");
        await Assertions.Expect(page.Locator("link[rel=icon]")).ToHaveAttributeAsync("href", "favicon.svg");
        var icon = await page.APIRequest.GetAsync(new Uri(app.BaseAddress, "/favicon.svg").ToString());
        Assert.Equal(200, icon.Status);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "merged-unit-card.png"), FullPage = true });

        // On a phone the card, with its predecessors' table, fits the screen.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#not-direct")).ToBeVisibleAsync();
        await AssertFitsAsync(page, 390);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "merged-unit-card-390.png") });
        app.AssertNoPolicyViolations();
    }

    [Fact]
    public async Task The_lineage_page_lists_the_sample_merge_on_a_desktop_and_on_a_phone()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", BrowserApp.Password);
        await page.ClickAsync("#login-button");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/$"));
        await page.GotoAsync(new Uri(app.BaseAddress, "/admin/units/lineage").ToString());
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("BG-STC-2025");
        await AssertFitsAsync(page, 1400);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "unit-lineage.png"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("BG-STC-2025");
        await AssertFitsAsync(page, 390);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "unit-lineage-390.png"), FullPage = true });
        app.AssertNoPolicyViolations();
    }

    /// <summary>Nothing on the page scrolls sideways.</summary>
    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > width)
        {
            // Name the outermost elements that stick out, so the failure says where to look.
            var wide = await page.EvaluateAsync<string[]>(@"w => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > w + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1))
                .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : ''))", width);
            Assert.Fail($"{page.Url} is {scrollWidth}px wide on a {width}px screen: {string.Join(", ", wide)}");
        }
    }
}
