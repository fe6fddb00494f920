using Microsoft.Playwright;

namespace ParIndex.Browser.Tests;

/// <summary>
/// axe-core over every page each demo role reaches from the top bar, at desktop width and on a
/// phone (390 px), failing on serious and critical violations (issue 13). On the phone the top bar
/// must fit the screen and its menu must open. One browser host for all roles; the public pages,
/// the same for everyone, are checked once.
/// </summary>
public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] Roles =
        ["admin", "coordinator", "editor.bacgiang", "lead.bacgiang", "editor.stp", "editor.langson", "lead.langson", "appraiser", "chair"];

    private static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task Every_menu_page_of_every_role_passes_axe_on_a_desktop_and_on_a_phone()
    {
        var failures = new List<string>();
        var checkedPaths = new HashSet<string>(StringComparer.Ordinal);

        // Signed out: the login page and the public pages.
        await using (var anonymous = await app.NewContextAsync(Desktop))
        {
            var page = await anonymous.NewPageAsync();
            foreach (var path in new[] { "/login", "/results", "/verify" })
            {
                await CheckAsync(page, path, "anonymous", failures);
                checkedPaths.Add(path);
            }
        }

        foreach (var user in Roles)
        {
            await using var context = await app.NewContextAsync(Desktop);
            var page = await app.LoginAsync(context, user);

            var menu = await page.Locator("header.topbar nav a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.NotEmpty(menu);
            foreach (var path in menu.Prepend("/").Distinct(StringComparer.Ordinal))
            {
                // Home differs by role; the public pages, checked signed out, do not.
                if (checkedPaths.Contains(path) && IsPublic(path))
                {
                    continue;
                }

                await CheckAsync(page, path, user, failures);
            }
        }

        Assert.True(failures.Count == 0, "axe-core, serious and critical:\n" + string.Join("\n", failures));
        app.AssertNoPolicyViolations();
    }

    private static bool IsPublic(string path) => path is "/results" or "/verify";

    private async Task CheckAsync(IPage page, string path, string who, List<string> failures)
    {
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        var response = await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        Assert.True(response is { Ok: true }, $"{who}: {path} answered {response?.Status}");
        failures.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{who} {path} (desktop): {v}"));

        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        failures.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{who} {path} (390 px): {v}"));

        // The top bar fits a phone; its menu opens and shows the links.
        var barWidth = await page.EvaluateAsync<int>("() => document.querySelector('header.topbar').scrollWidth");
        if (barWidth > Phone.Width)
        {
            failures.Add($"{who} {path} (390 px): the top bar is {barWidth} px wide");
        }

        var toggle = page.Locator("header.topbar .menu-button");
        if (await toggle.IsVisibleAsync())
        {
            await toggle.ClickAsync();
            if (!await page.Locator("#topbar-menu a[href='/results']").IsVisibleAsync())
            {
                failures.Add($"{who} {path} (390 px): the menu does not open");
            }

            if (path == "/" && who == "coordinator")
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "topbar-menu-phone.png") });
            }

            await toggle.ClickAsync();
        }
        else
        {
            failures.Add($"{who} {path} (390 px): no menu button in the top bar");
        }
    }
}
