using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ParIndex.Web.Localization;

namespace ParIndex.Browser.Tests;

/// <summary>
/// With the English cookie, every page a user reaches reads in English (issue 13, ADR 0137): no text
/// with Vietnamese-only letters (ăâđêôơư, tone marks) outside an element marked <c>lang="vi"</c>, which
/// is how the pages mark Vietnamese data (unit names, criteria titles, explanations). The pages are
/// those of the top bar of each demo role and the pages linked from them, one page per route (the
/// appraisal page, the history, a submit confirmation, the public ranking and score card…), in one
/// browser context, one page after another.
/// </summary>
public sealed partial class EnglishPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] Roles =
        ["admin", "coordinator", "editor.bacgiang", "lead.bacgiang", "editor.stp", "editor.langson", "lead.langson", "appraiser", "chair"];

    // A page per route is enough (they differ by data, not by wording); more would make the test slow.
    private const int MaxPagesPerRole = 40;

    // Checked in the browser: each text node and user-facing attribute with a Vietnamese-only letter
    // (after NFD: đ, breve, circumflex, horn and the five tone marks), unless its nearest lang is vi.
    private const string FindVietnameseScript = """
        () => {
          const vietnamese = /[đĐ\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323]/;
          const isVi = el => { const owner = el && el.closest('[lang]'); return !!owner && owner.getAttribute('lang').toLowerCase().startsWith('vi'); };
          const found = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!parent || parent.closest('script, style, template, noscript')) continue;
            const text = node.textContent.trim();
            if (text && vietnamese.test(text.normalize('NFD')) && !isVi(parent)) found.push(text);
          }
          for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt], input[type=submit][value], input[type=button][value]')) {
            for (const name of ['title', 'aria-label', 'placeholder', 'alt', 'value']) {
              if (name === 'value' && el.tagName !== 'INPUT') continue;
              const value = (el.getAttribute(name) || '').trim();
              if (value && vietnamese.test(value.normalize('NFD')) && !isVi(el)) found.push(name + '="' + value + '"');
            }
          }
          // A marked name glued to the English words around it ("(Tốt)from 80%"): Razor drops the
          // space between an element and the text after it inside a code block.
          for (const el of document.body.querySelectorAll('[lang]')) {
            const next = el.nextSibling, previous = el.previousSibling;
            if (next && next.nodeType === 3 && /^[A-Za-z0-9]/.test(next.textContent) && /[A-Za-z0-9)À-ỹ]$/.test(el.textContent)) found.push('glued: ' + el.textContent.slice(-20) + next.textContent.slice(0, 20));
            if (previous && previous.nodeType === 3 && /[A-Za-z0-9]$/.test(previous.textContent) && /^[A-Za-z0-9(À-ỹ]/.test(el.textContent)) found.push('glued: ' + previous.textContent.slice(-20) + el.textContent.slice(0, 20));
          }
          return [...new Set(found)].slice(0, 40);
        }
        """;

    [Fact]
    public async Task Every_page_of_every_role_reads_in_English_with_Vietnamese_data_marked()
    {
        var failures = new List<string>();
        var visited = 0;
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        var publicSeen = new HashSet<string>(StringComparer.Ordinal);
        await SetEnglishAsync(context);
        visited += await CrawlAsync(page, "anonymous", ["/login", "/results", "/verify"], publicSeen, failures);

        foreach (var user in Roles)
        {
            await context.ClearCookiesAsync();
            await SetEnglishAsync(context);
            await page.GotoAsync(Url("/login"));
            await page.FillAsync("#username", user);
            await page.FillAsync("#password", BrowserApp.Password);
            await page.ClickAsync("#login-button");
            await page.WaitForURLAsync(new Regex("/$"));
            var menu = await page.Locator("header.topbar nav a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            visited += await CrawlAsync(page, user, menu.Prepend("/"), publicSeen, failures);
        }

        if (failures.Count > 0)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder(), "english-pages-failure.png"), FullPage = false });
        }

        Assert.True(failures.Count == 0, $"Vietnamese text outside lang=\"vi\" on {failures.Count} of {visited} pages in English:\n" + string.Join("\n", failures));
        Assert.True(visited > 60, $"only {visited} pages were walked");
        app.AssertNoPolicyViolations();
    }

    private async Task SetEnglishAsync(IBrowserContext context) =>
        await context.AddCookiesAsync([new Cookie { Name = Texts.CookieName, Value = "en", Url = app.BaseAddress.ToString().TrimEnd('/') }]);

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();

    /// <summary>Visits the start pages and the pages they link to, one per route shape, and records Vietnamese text outside lang="vi".</summary>
    private async Task<int> CrawlAsync(IPage page, string who, IEnumerable<string> start, HashSet<string> publicSeen, List<string> failures)
    {
        var queue = new Queue<string>(start.Distinct(StringComparer.Ordinal));
        var shapes = new HashSet<string>(queue.Select(Shape), StringComparer.Ordinal);
        var count = 0;
        while (queue.Count > 0 && count < MaxPagesPerRole)
        {
            var path = queue.Dequeue();

            // The public pages read the same for everyone: checked once.
            if (path.StartsWith("/results", StringComparison.Ordinal) || path.StartsWith("/verify", StringComparison.Ordinal))
            {
                if (!publicSeen.Add(Shape(path)))
                {
                    continue;
                }
            }

            var response = await page.GotoAsync(Url(path));
            if (response is null || !response.Ok || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            count++;
            var vietnamese = await page.EvaluateAsync<string[]>(FindVietnameseScript);
            if (vietnamese.Length > 0)
            {
                failures.Add($"{who} {path}: " + string.Join(" | ", vietnamese));
            }

            foreach (var target in await PageLinks.FollowableAsync(page))
            {
                if (!shapes.Add(Shape(target)))
                {
                    continue;
                }

                queue.Enqueue(target);
            }
        }

        return count;
    }

    private static string Shape(string path) => PageLinks.Shape(path);
}
