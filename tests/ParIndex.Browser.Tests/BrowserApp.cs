using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ParIndex.Browser.Tests;

/// <summary>
/// The app on Kestrel at 127.0.0.1 on a free port (SQLite, demo mode) and Debian's Chromium driven
/// by Playwright. No browser is downloaded: the executable comes from <c>PARINDEX_CHROMIUM</c> or
/// <c>/usr/bin/chromium</c>.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "ParIndex@2023";

    private readonly string database = Path.Combine(Path.GetTempPath(), "parindex-browser-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly string evidence = Path.Combine(Path.GetTempPath(), "parindex-browser-evidence-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public BrowserApp() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:ParIndex", $"Data Source={database};Pooling=False");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Demo:SeedTable", Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2023-self-assessment.txt"));
        builder.UseSetting("Evidence:StoragePath", evidence);
    }

    public async Task InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        playwright = await Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable("PARINDEX_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await DisposeAsync();
        foreach (var path in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(path);
        }

        if (Directory.Exists(evidence))
        {
            Directory.Delete(evidence, recursive: true);
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> violations = new();

    /// <summary>
    /// A browser context whose pages report every Content-Security-Policy violation and script error
    /// to <see cref="AssertNoPolicyViolations"/>: the pages must work under the app's policy (ADR 0108).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? new ViewportSize { Width = 1400, Height = 1000 } });
        context.Page += (_, page) =>
        {
            page.Console += (_, message) =>
            {
                if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    violations.Enqueue(page.Url + ": " + message.Text);
                }
            };
            page.PageError += (_, error) => violations.Enqueue(page.Url + ": " + error);
        };
        return context;
    }

    /// <summary>A new page in <paramref name="context"/>, signed in as the demo account <paramref name="user"/>, on the home page.</summary>
    public async Task<IPage> LoginAsync(IBrowserContext context, string user)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(BaseAddress, "/login").ToString());
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#login-button");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/$"));
        return page;
    }

    public void AssertNoPolicyViolations() => Assert.True(violations.IsEmpty, string.Join("\n", violations));

    /// <summary><c>artifacts/screenshots</c> at the repository root (found from the test's folder).</summary>
    public static string ScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ParIndex.slnx")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
