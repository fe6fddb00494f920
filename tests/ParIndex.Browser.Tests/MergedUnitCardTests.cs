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
        app.AssertNoPolicyViolations();
    }
}
