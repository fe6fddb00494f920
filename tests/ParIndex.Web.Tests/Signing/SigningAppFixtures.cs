using Microsoft.AspNetCore.Hosting;
using ParIndex.Tests.Shared;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Signing;

/// <summary>
/// The test's own certificate chain, its root written to a file the app trusts
/// (<c>Signing:TrustAnchors</c>), so that a signature made in the app verifies as trusted.
/// </summary>
public sealed class SigningTrust : IDisposable
{
    private readonly string anchorFile = Path.Combine(Path.GetTempPath(), "parindex-trust-" + Guid.NewGuid().ToString("N") + ".pem");

    internal TestCertificates Certificates { get; } = TestCertificates.Create();

    public void Configure(IWebHostBuilder builder)
    {
        File.WriteAllText(anchorFile, Certificates.RootPem);
        builder.UseSetting("Signing:TrustAnchors:0", anchorFile);
    }

    public void Dispose()
    {
        Certificates.Dispose();
        File.Delete(anchorFile);
    }
}

public sealed class SigningSqliteAppFixture : SqliteAppFixture, ISigningApp
{
    public SigningTrust Trust { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Trust.Configure(builder);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Trust.Dispose();
    }
}

public sealed class SigningPostgresAppFixture : PostgresAppFixture, ISigningApp
{
    public SigningTrust Trust { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Trust.Configure(builder);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Trust.Dispose();
    }
}
