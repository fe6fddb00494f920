using Microsoft.Playwright;

namespace ParIndex.Browser.Tests;

/// <summary>A unit editor fills the self-assessment in a real browser, and the unit lead submits it.</summary>
public sealed class SelfAssessmentFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Editor_fills_a_ratio_leaf_uploads_evidence_and_the_lead_submits()
    {
        await using var editorContext = await app.NewContextAsync();
        var page = await app.LoginAsync(editorContext, "editor.bacgiang");
        await page.ClickAsync("a[href^='/assessments/']");
        await page.WaitForSelectorAsync("#total-points");
        Assert.Equal("65,249", await page.TextContentAsync("#total-points"));
        Assert.Equal("1,4981", await page.TextContentAsync("tr[data-node='3.4.1'] .node-points"));

        // A ratio leaf: 999 of 1000 files on time → 1,5 × 0,999 = 1,4985; the totals follow.
        // The table shows one field at a time: the tree's link opens field 3 at 3.4.1.
        await page.ClickAsync("details[data-nav-field='3'] > summary");
        await page.ClickAsync("li[data-nav-node='3.4.1'] a");
        var leaf = page.Locator(".leaf[data-code='3.4.1']");
        await leaf.Locator("input[data-figure=numerator]").FillAsync("999");
        await leaf.Locator("input[data-figure=denominator]").FillAsync("1000");
        await leaf.Locator("input[data-figure=denominator]").PressAsync("Tab");
        await Assertions.Expect(page.Locator("tr[data-node='3.4.1'] .node-points")).ToHaveTextAsync("1,4985");
        await Assertions.Expect(page.Locator("#total-points")).ToHaveTextAsync("65,2494");
        await Assertions.Expect(page.Locator("tr[data-field='3'] .field-points")).ToHaveTextAsync("12,9833");
        await Assertions.Expect(page.Locator("#total-share")).ToHaveTextAsync("95,96%");
        await Assertions.Expect(leaf.Locator(".memo")).ToContainTextAsync("1,4985 điểm");

        // Evidence for the same leaf.
        var pdf = Path.Combine(Path.GetTempPath(), "bao-cao-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllTextAsync(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        await leaf.Locator("details.evidence summary").ClickAsync();
        await leaf.Locator("input[type=file]").SetInputFilesAsync(pdf);
        await leaf.Locator("input[name=documentNumber]").FillAsync("41/KH-UBND");
        await leaf.Locator(".upload-evidence").ClickAsync();
        await Assertions.Expect(leaf.Locator(".evidence-list li")).ToHaveCountAsync(1);
        await Assertions.Expect(leaf.Locator(".evidence-list li a")).ToHaveTextAsync(Path.GetFileName(pdf));
        File.Delete(pdf);

        await page.Locator("tr[data-node='3.4.1']").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "self-assessment-leaf.png") });
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "self-assessment.png") });

        // The saved values survive a reload.
        await page.ReloadAsync();
        Assert.Equal("65,2494", await page.TextContentAsync("#total-points"));
        Assert.Equal("999", await page.InputValueAsync(".leaf[data-code='3.4.1'] input[data-figure=numerator]"));

        // The unit lead submits after the checklist; the page becomes read-only, its values as text.
        await using var leadContext = await app.NewContextAsync();
        var lead = await app.LoginAsync(leadContext, "lead.bacgiang");
        await lead.ClickAsync("a[href^='/assessments/']");
        await lead.ClickAsync("#submit-assessment");
        await lead.ClickAsync("#confirm-action");
        await Assertions.Expect(lead.Locator("#status")).ToHaveTextAsync("Đã gửi");
        await Assertions.Expect(lead.Locator("#locked")).ToBeVisibleAsync();
        await Assertions.Expect(lead.Locator(".leaf[data-code='1.1'] dl.values")).ToBeVisibleAsync();
        Assert.Equal(0, await lead.Locator(".leaf input, .leaf select, .leaf textarea").CountAsync());
        await lead.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "self-assessment-submitted.png") });

        // A reload shows the result again and does not send the step twice.
        await lead.ReloadAsync();
        await Assertions.Expect(lead.Locator("#action-done")).ToBeVisibleAsync();
        await Assertions.Expect(lead.Locator("#status")).ToHaveTextAsync("Đã gửi");

        // The editor's page, reloaded, is locked too: the saved figures are text, no form is left.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#locked")).ToBeVisibleAsync();
        var locked = page.Locator(".leaf[data-code='3.4.1']");
        Assert.Equal(0, await locked.Locator("input").CountAsync());
        Assert.Contains("999", await locked.Locator("dl.values").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".upload-evidence").CountAsync());
        app.AssertNoPolicyViolations();
    }
}
