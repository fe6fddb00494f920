using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParIndex.Core.Frameworks;
using ParIndex.Data;
using ParIndex.Data.Campaigns;

namespace ParIndex.Browser.Tests;

/// <summary>
/// The framework library on a phone-sized screen (ADR 0122): a coordinator clones the 2023
/// provincial framework to next year's draft, raises one leaf's maximum in the editor, sees the sum
/// problem at the leaf's parent, puts it back and activates the draft. No page scrolls sideways.
/// </summary>
public sealed class FrameworkEditorFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int Width = 390;

    // Validation and autosave are round trips after a pause; a loaded test machine needs more than the 5 s default.
    private static readonly LocatorAssertionsToHaveTextOptions Text = new() { Timeout = 20_000 };

    [Fact]
    public async Task A_broken_sum_shows_at_the_parent_and_the_fixed_draft_is_activated()
    {
        var leaf = BuiltInFrameworks.Province2023.Leaves().First(l => !l.IsSurvey);
        var parent = leaf.Code[..leaf.Code.LastIndexOf('.')];
        var province = await WithDbAsync(db => db.Frameworks.Where(f => f.FrameworkId == BuiltInFrameworks.Province2023Id).Select(f => f.Id).SingleAsync());

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(Width, 844);
        await page.GotoAsync(Url("/login"));
        await page.FillAsync("#username", "coordinator");
        await page.FillAsync("#password", BrowserApp.Password);
        await page.ClickAsync("#login-button");
        await page.WaitForURLAsync(new Regex("/$"));

        // On a phone the top bar's links are folded behind its menu button.
        await page.ClickAsync(".topbar .menu-button");
        await page.ClickAsync("#nav-frameworks");
        await page.WaitForURLAsync(new Regex("/frameworks$"));
        await AssertFitsAsync(page, "framework-list");
        await page.ClickAsync($"#framework-list a[href='/frameworks/{province}']");
        await Assertions.Expect(page.Locator("#framework-state")).ToHaveAttributeAsync("data-state", "Active");
        await AssertFitsAsync(page, "framework-view");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sao chép sang năm sau (2024)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#framework-state")).ToHaveAttributeAsync("data-state", "Draft");
        var draft = int.Parse(new Uri(page.Url).Segments[^1], CultureInfo.InvariantCulture);

        await page.ClickAsync("#edit-framework");
        await Assertions.Expect(page.Locator("#fw-problem-count")).ToHaveTextAsync("không có vấn đề", Text);
        var max = page.Locator($"li[data-code='{leaf.Code}'] > fieldset > .fw-number input");
        var original = await max.InputValueAsync();
        Assert.Equal(leaf.Max, decimal.Parse(original, CultureInfo.InvariantCulture));
        await max.FillAsync((leaf.Max + 1m).ToString(CultureInfo.InvariantCulture));
        var parentProblems = page.Locator($"ul[data-problems-for='{parent}'] li");
        await Assertions.Expect(parentProblems).ToContainTextAsync("khác tổng điểm chuẩn", new() { Timeout = Text.Timeout });
        await Assertions.Expect(page.Locator($"li[data-code='{parent}']")).ToHaveClassAsync(new Regex("has-problem"));
        await Assertions.Expect(page.Locator("#fw-status")).ToContainTextAsync("Đã lưu", new() { Timeout = Text.Timeout });
        await AssertFitsAsync(page, null);
        await page.Locator($"li[data-code='{parent}'] > fieldset").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "framework-editor-sum-problem-390.png") });

        // The draft was saved with its problem, so activation is refused until it is fixed.
        Assert.Equal(FrameworkState.Draft, await WithDbAsync(db => db.Frameworks.Where(f => f.Id == draft).Select(f => f.State).SingleAsync()));
        await max.FillAsync(original);
        await Assertions.Expect(parentProblems).ToHaveCountAsync(0, new() { Timeout = Text.Timeout });
        await Assertions.Expect(page.Locator("#fw-problem-count")).ToHaveTextAsync("không có vấn đề", Text);
        await page.ClickAsync("#fw-activate");
        await page.WaitForURLAsync(new Regex($"/frameworks/{draft}$"));
        await Assertions.Expect(page.Locator("#framework-state")).ToHaveAttributeAsync("data-state", "Active");
        Assert.Equal(FrameworkState.Active, await WithDbAsync(db => db.Frameworks.Where(f => f.Id == draft).Select(f => f.State).SingleAsync()));

        await page.GotoAsync(Url($"/frameworks/diff?old={province}&new={draft}"));
        await AssertFitsAsync(page, "framework-diff");
        app.AssertNoPolicyViolations();
    }

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();

    /// <summary>Nothing scrolls sideways at phone width; the page is kept as a screenshot to look at.</summary>
    private static async Task AssertFitsAsync(IPage page, string? screenshot)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var widest = width <= Width ? "" : await page.EvaluateAsync<string>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className).slice(-3).join(', ')");
        Assert.True(width <= Width, $"{page.Url} is {width}px wide at {Width}px: {widest}");
        if (screenshot is not null)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), $"{screenshot}-390.png"), FullPage = true });
        }
    }

    private async Task<T> WithDbAsync<T>(Func<ParIndexDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ParIndexDbContext>());
    }
}
