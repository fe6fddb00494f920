using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Accounts;

/// <summary>Outside demo mode: no demo data, one administrator from configuration, the built-in framework.</summary>
public sealed class BootstrapTests(BootstrapTests.BareApp app) : IClassFixture<BootstrapTests.BareApp>
{
    public sealed class BareApp : AppFixture
    {
        private readonly string file = Path.Combine(Path.GetTempPath(), "parindex-bare-" + Guid.NewGuid().ToString("N") + ".db");

        public override string ProviderName => "Sqlite";

        protected override string ConnectionString => $"Data Source={file};Pooling=False";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Enabled", "false");
            builder.UseSetting("Admin:InitialPassword", "Khoi@Tao2024");
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_empty_installation_has_only_the_initial_administrator_and_the_built_in_framework()
    {
        Assert.Equal(0, await app.WithDbAsync(db => db.Units.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));
        using var admin = await app.LoginAsync("admin", "Khoi@Tao2024");
        var users = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/users", UriKind.Relative));
        Assert.Equal("Administrator", Assert.Single(users.EnumerateArray()).GetProperty("role").GetString());
        using var anonymous = app.CreateClient();
        Assert.NotEqual(HttpStatusCode.Redirect, (await AppFixture.TryLoginAsync(anonymous, "editor.bacgiang", AppFixture.Password)).StatusCode);
        Assert.Contains(await app.WithDbAsync(db => db.Frameworks.Select(f => f.FrameworkId).ToListAsync()), id => id == "par-index-province-2023");
    }
}
