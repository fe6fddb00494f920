using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ParIndex.Browser.Tests;

/// <summary>
/// Numbers typed the way Vietnamese staff type them (ADR 0007): the page reads each figure by its
/// kind before sending, shows what it read, and never sends what it cannot read.
/// </summary>
public sealed class FigureEntryFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_count_typed_with_a_thousands_dot_is_saved_as_thousands_and_garbage_is_never_sent()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.FillAsync("#username", "editor.bacgiang");
        await page.FillAsync("#password", BrowserApp.Password);
        await page.ClickAsync("#login-button");
        await page.WaitForURLAsync(new Regex("/$"));
        await page.ClickAsync("a[href^='/assessments/']");
        await page.WaitForSelectorAsync("#total-points");
        Assert.Equal("65,249", await page.TextContentAsync("#total-points"));

        // The seed's 3.4.1 counts are shown as the page writes counts: 14.981 of 15.000 (the table
        // shows one field at a time: "go to code" opens field 3).
        await GoToAsync(page, "3.4.1");
        var leaf = page.Locator(".leaf[data-code='3.4.1']");
        var numerator = leaf.Locator("input[data-figure=numerator]");
        Assert.Equal("14.981", await numerator.InputValueAsync());
        Assert.Equal("count", await numerator.GetAttributeAsync("data-kind"));

        // 14.000 is fourteen thousand: 1,5 × 14000 / 15000 = 1,4, and the total drops by 0,0981 only.
        var saves = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "PUT" && request.Url.Contains("/leaves/", StringComparison.Ordinal))
            {
                saves++;
            }
        };
        await numerator.FillAsync("14.000");
        await Assertions.Expect(leaf.Locator("output.field-check[data-for=numerator]")).ToHaveTextAsync("= 14.000");
        await numerator.PressAsync("Tab");
        await Assertions.Expect(leaf.Locator(".save-state")).ToHaveTextAsync("Đã lưu ✓");
        // 1,4 written with the column's four decimals, like every other cell of the points column.
        await Assertions.Expect(page.Locator("tr[data-node='3.4.1'] .node-points")).ToHaveTextAsync("1,4000");
        Assert.Empty(await TableNumberTests.ProblemsAsync(page));
        await Assertions.Expect(page.Locator("#total-points")).ToHaveTextAsync("65,1509");
        await Assertions.Expect(leaf.Locator(".memo")).ToContainTextAsync("1,4 điểm");
        Assert.Equal(1, saves);
        await page.Locator("tr[data-node='3.4.1']").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "figure-thousands.png") });

        // Garbage in a figure: a Vietnamese message beside it, nothing sent, nothing changed.
        await numerator.FillAsync("abc");
        await Assertions.Expect(leaf.Locator("output.field-check[data-for=numerator]")).ToHaveTextAsync("\"abc\" không phải là số hợp lệ.");
        await numerator.PressAsync("Tab");
        await Assertions.Expect(leaf.Locator(".save-state")).ToHaveTextAsync("Chưa lưu: hãy sửa số chưa hợp lệ");
        Assert.Equal("true", await numerator.GetAttributeAsync("aria-invalid"));

        // A fraction in a count is refused too, with the rule.
        await numerator.FillAsync("1,5");
        await Assertions.Expect(leaf.Locator("output.field-check[data-for=numerator]")).ToContainTextAsync("\"1,5\" không phải là số nguyên");

        // Garbage in a score: the same, in Vietnamese, never the framework's text.
        await GoToAsync(page, "1.1");
        var scoreLeaf = page.Locator(".leaf[data-code='1.1']");
        await scoreLeaf.Locator("input[name=score]").FillAsync("abc");
        await scoreLeaf.Locator("input[name=score]").PressAsync("Tab");
        await Assertions.Expect(scoreLeaf.Locator("output.field-check[data-for=score]")).ToHaveTextAsync("Điểm \"abc\" không phải là số hợp lệ (ví dụ 1,5).");
        await Assertions.Expect(scoreLeaf.Locator(".save-state")).ToHaveTextAsync("Chưa lưu: hãy sửa số chưa hợp lệ");
        Assert.Equal(1, saves);
        Assert.Equal("65,1509", await page.TextContentAsync("#total-points"));
        await page.Locator("tr[data-node='1.1']").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "score-invalid.png") });
        Assert.DoesNotContain("Failed to read", await page.ContentAsync(), StringComparison.Ordinal);
        await GoToAsync(page, "3.4.1");
        await page.Locator("tr[data-node='3.4.1']").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "figure-invalid.png") });

        // The saved count survives a reload, written as the page writes counts.
        await page.ReloadAsync();
        await GoToAsync(page, "3.4.1");
        Assert.Equal("14.000", await page.InputValueAsync(".leaf[data-code='3.4.1'] input[data-figure=numerator]"));
        Assert.Equal("65,1509", await page.TextContentAsync("#total-points"));
    }

    /// <summary>The navigator's "go to code": shows the leaf's field and waits until the leaf is visible.</summary>
    private static async Task GoToAsync(IPage page, string code)
    {
        await page.FillAsync("#nav-code", code);
        await page.ClickAsync("#nav-go");
        await Assertions.Expect(page.Locator($"tr[data-node='{code}']")).ToBeVisibleAsync();
    }
}
