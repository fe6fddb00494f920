using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ParIndex.Browser.Tests;

/// <summary>
/// On a 390 px phone: the top bar folds its links behind one menu button (open, follow a link,
/// folded again after the navigation, Escape closes), no page is wider than the screen (wide tables
/// scroll in their own focusable box), and on a desktop the links are shown without the button.
/// </summary>
public sealed class PhoneLayoutFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();

    [Fact]
    public async Task Administrator_uses_the_folded_menu_and_no_page_is_wider_than_a_phone()
    {
        var shots = BrowserApp.ScreenshotFolder();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(Url("/login"));
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", BrowserApp.Password);
        await page.ClickAsync("#login-button");
        await page.WaitForURLAsync(new Regex("/$"));

        var menu = page.Locator(".topbar .menu-button");
        var users = page.Locator("#topbar-menu a[href='/admin/users']");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(users).ToBeHiddenAsync();
        Assert.Equal(0, await PageOverflowAsync(page));

        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(users).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".topbar .session button.link")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "phone-menu-open.png") });

        await users.ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/users$"));
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(users).ToBeHiddenAsync();
        Assert.Equal(0, await PageOverflowAsync(page));
        // The users' table is wider than the phone: it scrolls in its own box, reachable by keyboard.
        var box = page.Locator("main .table-scroll[role=region][tabindex='0']");
        await Assertions.Expect(box.First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "phone-users.png"), FullPage = true });

        await menu.ClickAsync();
        await Assertions.Expect(users).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(users).ToBeHiddenAsync();
        await Assertions.Expect(menu).ToBeFocusedAsync();

        foreach (var path in new[] { "/admin/units", "/admin/signing-certificates", "/verify", "/results" })
        {
            await page.GotoAsync(Url(path));
            Assert.True(await PageOverflowAsync(page) == 0, path + " is wider than a 390 px screen");
        }

        // The public ranking is a list on a phone: rank, unit and index on one line, the rest labelled under it.
        await page.GotoAsync(Url("/results"));
        await page.Locator("main a[href^='/results/']").First.ClickAsync();
        var row = page.Locator("table.ranking tbody tr").First;
        await Assertions.Expect(row).ToBeVisibleAsync();
        var rank = (await row.Locator("td.rank").BoundingBoxAsync())!;
        var index = (await row.Locator("td.index").BoundingBoxAsync())!;
        var points = (await row.Locator("td.detail").First.BoundingBoxAsync())!;
        Assert.True(Math.Abs(rank.Y - index.Y) < rank.Height, $"rank at y={rank.Y}, index at y={index.Y}: not on one line");
        Assert.True(index.X + index.Width <= 390 && points.Y > rank.Y, $"index ends at x={index.X + index.Width}; details at y={points.Y}");
        Assert.StartsWith("Điểm đạt: ", await row.Locator("td.detail").First.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content.replaceAll('\"', '') + td.textContent"), StringComparison.Ordinal);
        Assert.Equal(0, await PageOverflowAsync(page));
        // The bar chart names every unit on a phone: Chart.js skips the names that do not fit, so
        // the chart is as tall as its bars need and the names wrap.
        Assert.Equal(await page.Locator("table.ranking").First.Locator("tbody tr").CountAsync(),
            await page.EvaluateAsync<int>("() => Chart.getChart(document.querySelector('canvas[data-chart-for]')).scales.y.ticks.length"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "phone-ranking.png") });

        await page.SetViewportSizeAsync(1400, 1000);
        await page.GotoAsync(Url("/"));
        await Assertions.Expect(menu).ToBeHiddenAsync();
        await Assertions.Expect(users).ToBeVisibleAsync();
        app.AssertNoPolicyViolations();
    }

    [Fact]
    public async Task The_appraisal_page_labels_each_number_on_a_phone()
    {
        await using var context = await app.NewContextAsync(new ViewportSize { Width = 390, Height = 844 });
        var page = await app.LoginAsync(context, "appraiser");
        await page.Locator("a.appraisal-link").First.ClickAsync();
        await page.WaitForSelectorAsync(".appraisal[data-assessment]");
        var row = page.Locator("tr.leaf-row").First;
        foreach (var (cell, label) in new[] { ("td.self", "Tự đánh giá: "), ("td.appraised", "Thẩm định: "), ("td.final", "Cuối cùng: ") })
        {
            Assert.Equal(label, await row.Locator(cell).EvaluateAsync<string>("td => getComputedStyle(td, '::before').content.replaceAll('\"', '')"));
        }

        Assert.Equal(0, await PageOverflowAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "phone-appraisal.png") });
    }

    private static Task<int> PageOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
}
