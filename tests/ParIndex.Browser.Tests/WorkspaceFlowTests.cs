using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace ParIndex.Browser.Tests;

/// <summary>
/// The self-assessment workspace (ADR 0128): the tree, "go to code", search and a filter; the submit
/// checklist, confirmation and success state; the read-only page as text; the phone layout; and
/// axe-core for the unit and the appraiser.
/// </summary>
public sealed class WorkspaceFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static string WithoutMarks(string text) =>
        new(text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());

    [Fact]
    public async Task The_unit_finds_its_way_submits_after_the_checklist_and_reads_the_result_on_a_phone()
    {
        await using var editorContext = await app.NewContextAsync();
        var page = await app.LoginAsync(editorContext, "editor.bacgiang");
        await page.ClickAsync("a[href^='/assessments/']");
        await page.WaitForSelectorAsync("#assessment-nav[aria-label]");
        var url = page.Url;

        // One field at a time: field 1 first; the tree opens field 3.
        await Assertions.Expect(page.Locator("tr[data-node='1.1']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-node='3.4.1']")).ToBeHiddenAsync();
        await page.ClickAsync("details[data-nav-field='3'] > summary");
        await Assertions.Expect(page.Locator("tr[data-node='3.4.1']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-node='1.1']")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("li[data-nav-node='3.4.1'] a")).ToBeVisibleAsync();
        Assert.InRange(await page.Locator("input:visible, select:visible, textarea:visible, button:visible, a:visible, summary:visible").CountAsync(), 1, 400);

        // Go to a code, then search a title typed without diacritics.
        await page.FillAsync("#nav-code", "1.1");
        await page.PressAsync("#nav-code", "Enter");
        await Assertions.Expect(page.Locator("tr[data-node='1.1']")).ToBeVisibleAsync();
        var title = (await page.Locator("tr[data-node='3.4.1'] td.title").InnerTextAsync()).Split('\n')[0].Trim();
        await page.FillAsync("#nav-search", WithoutMarks(title[..Math.Min(24, title.Length)]).ToUpperInvariant());
        await Assertions.Expect(page.Locator("tr[data-node='3.4.1']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-node='1.1']")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#group-pager")).ToBeHiddenAsync();

        // The filter "missing evidence/explanation" shows exactly the flagged leaves.
        await page.FillAsync("#nav-search", "");
        await page.CheckAsync("input[name='nav-filter'][value='flagged']");
        var flagged = int.Parse(await page.TextContentAsync("#leaves-flagged") ?? "0", CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("tr.leaf-row:visible")).ToHaveCountAsync(flagged);
        Assert.Equal(flagged, await page.Locator("tr.leaf-row[data-flagged='1']:visible").CountAsync());
        await page.CheckAsync("input[name='nav-filter'][value='']");

        // Guidance and the memo in words where the framework gives them.
        await Assertions.Expect(page.Locator("tr[data-node='3.4.1'] .memo")).ToContainTextAsync("điểm");
        await Axe.AssertNoSeriousViolationsAsync(page, "the self-assessment page (unit editor, editable)");

        // The lead: checklist, confirmation, success with what happens next.
        await using var leadContext = await app.NewContextAsync();
        var lead = await app.LoginAsync(leadContext, "lead.bacgiang");
        await lead.GotoAsync(url);
        await lead.ClickAsync("#submit-assessment");
        await Assertions.Expect(lead.Locator("#action-checklist")).ToBeVisibleAsync();
        await Assertions.Expect(lead.Locator("#status")).Not.ToHaveTextAsync("Đã gửi");
        await lead.Locator("#action-checklist").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "self-assessment-checklist.png") });
        await lead.ClickAsync("#confirm-action");
        await Assertions.Expect(lead.Locator("#action-done")).ToContainTextAsync("Hội đồng thẩm định");
        await Assertions.Expect(lead.Locator("#status")).ToHaveTextAsync("Đã gửi");
        await Assertions.Expect(lead.Locator("#next-deadline")).ToBeVisibleAsync();

        // Read only: values as text, no disabled inputs.
        await lead.ReloadAsync();
        Assert.Equal(0, await lead.Locator(".leaf input, .leaf textarea").CountAsync());
        Assert.True(await lead.Locator(".leaf dl.values").CountAsync() > 0);
        await Axe.AssertNoSeriousViolationsAsync(lead, "the self-assessment page (unit lead, submitted)");

        await using var appraiserContext = await app.NewContextAsync();
        var appraiser = await app.LoginAsync(appraiserContext, "appraiser");
        await appraiser.GotoAsync(url);
        await appraiser.WaitForSelectorAsync("#assessment-nav[aria-label]");
        await Axe.AssertNoSeriousViolationsAsync(appraiser, "the self-assessment page (appraiser)");

        // A phone: one criterion at a time with previous/next, nothing wider than the screen.
        await using var phoneContext = await app.NewContextAsync(new ViewportSize { Width = 390, Height = 844 });
        var phone = await app.LoginAsync(phoneContext, "editor.bacgiang");
        await phone.GotoAsync(url);
        await Assertions.Expect(phone.Locator("#group-pager")).ToBeVisibleAsync();
        var first = await phone.TextContentAsync("#group-position");
        var visibleBefore = await phone.Locator("tr[data-node]:visible").CountAsync();
        Assert.True(visibleBefore < await phone.Locator("tr[data-node][data-in-field='1']").CountAsync() + 1);
        await phone.ClickAsync("#group-next");
        await Assertions.Expect(phone.Locator("#group-position")).Not.ToHaveTextAsync(first!);
        Assert.True(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "self-assessment-phone.png"), FullPage = false });
        app.AssertNoPolicyViolations();
    }
}
