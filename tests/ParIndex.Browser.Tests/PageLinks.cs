using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ParIndex.Browser.Tests;

/// <summary>
/// What the page-walking tests (English pages, numbers in tables) share: the links of a page worth
/// following, and the route shape that makes two paths the same page for a walk.
/// </summary>
public static partial class PageLinks
{
    /// <summary>The page's same-site links without their fragment, leaving out the API, account actions, error pages and downloads.</summary>
    public static async Task<IEnumerable<string>> FollowableAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var links = await page.Locator("a[href^='/']:not([download])").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        return links.Select(l => l.Split('#')[0]).Where(t => t.Length > 0 && !NotPages().IsMatch(t));
    }

    /// <summary>
    /// The route of a path: numbers replaced, the query dropped (sorting and filters show the same
    /// page) but for the confirmation (<c>?confirm=submit</c>) and one criterion's history (<c>?leaf=</c>).
    /// </summary>
    public static string Shape(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('?', 2);
        var shape = Digits().Replace(parts[0], "#");
        if (parts.Length == 2)
        {
            shape += string.Concat(parts[1].Split('&')
                .Where(p => p.StartsWith("confirm=", StringComparison.Ordinal) || p.StartsWith("leaf=", StringComparison.Ordinal))
                .Select(p => "?" + (p.StartsWith("leaf=", StringComparison.Ordinal) ? "leaf" : p)));
        }

        return shape;
    }

    // Not pages: the API, signing out and switching language, error pages, exports.
    [GeneratedRegex(@"^/(api|account|error)(/|$)|logout|download|\.(xlsx|pdf|docx|csv|json|zip)\b|format=", RegexOptions.IgnoreCase)]
    private static partial Regex NotPages();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
