using System.Text.Json;
using Microsoft.Playwright;

namespace ParIndex.Browser.Tests;

/// <summary>
/// Runs axe-core in a page and fails on serious or critical violations. axe-core is the npm package
/// installed in tests/tools (scripts/test-all.sh runs <c>npm ci</c> there, as for s3rver), pinned by its
/// package-lock.json, and loaded into the page by the test.
/// Any browser test may call <see cref="AssertNoSeriousViolationsAsync"/> on the page it has open.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(ScriptPath()));

    /// <summary><c>PARINDEX_AXE</c> if set, else tests/tools/node_modules/axe-core/axe.min.js under the repository root.</summary>
    public static string ScriptPath()
    {
        if (Environment.GetEnvironmentVariable("PARINDEX_AXE") is { Length: > 0 } path)
        {
            return path;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ParIndex.slnx")))
        {
            dir = dir.Parent;
        }

        var file = Path.Combine(dir?.FullName ?? ".", "tests", "tools", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(file)
            ? file
            : throw new FileNotFoundException("axe-core is not installed: run `npm ci` in tests/tools (scripts/test-all.sh does).", file);
    }

    /// <summary>The serious and critical violations of the page as it is now, one line each (rule, impact, first targets).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Evaluated through the DevTools protocol, not as a <script> tag or eval(): the app's CSP stays
        // in force (and its violations would still fail the test) while axe is loaded.
        if (!await page.EvaluateAsync<bool>("() => !!window.axe"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + '×): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))");
        return JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }

    /// <summary>Fails with the list of serious/critical violations; <paramref name="what"/> names the page in the message.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core on {what}:\n" + string.Join("\n", violations));
    }
}
