namespace ParIndex.Web.Tests.Pages;

/// <summary>
/// Every script and stylesheet in wwwroot is loaded by the app shell. A merge once dropped the
/// self-assessment navigator's script tag silently; only a browser test noticed.
/// </summary>
public sealed class StaticAssetReferenceTests
{
    [Fact]
    public void Every_script_and_stylesheet_of_wwwroot_is_referenced_by_the_app_shell()
    {
        var web = Path.Combine(Problems.EnglishDetailSourceTests.RepositoryRoot(), "src", "ParIndex.Web");
        var shell = File.ReadAllText(Path.Combine(web, "Components", "App.razor"));
        var assets = new[] { ("js", "*.js"), ("css", "*.css") }
            .SelectMany(a => Directory.GetFiles(Path.Combine(web, "wwwroot", a.Item1), a.Item2).Select(f => a.Item1 + "/" + Path.GetFileName(f)))
            .ToList();
        Assert.NotEmpty(assets);
        Assert.Contains("js/phone-layout.js", assets);
        var missing = assets.Where(a => !shell.Contains("\"" + a + "\"", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not loaded by App.razor: " + string.Join(", ", missing));
    }
}
