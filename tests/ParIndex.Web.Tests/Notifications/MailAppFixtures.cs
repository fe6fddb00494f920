using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Notifications;

/// <summary>
/// The app with notifications wired to a real SMTP server of the test (<see cref="SmtpSink"/>). The
/// background pass is off: tests run passes themselves, at the instant they choose.
/// </summary>
public abstract class MailAppFixture : AppFixture
{
    public const string PublicBaseUrl = "https://parindex.example.vn";

    public SmtpSink Smtp { get; private set; } = null!;

    public static Dictionary<string, string> MailSettings(int smtpPort) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:UseTls"] = "None",
        ["Smtp:From"] = "PAR INDEX <parindex@test.invalid>",
        ["Smtp:TimeoutSeconds"] = "5",
        ["App:PublicBaseUrl"] = PublicBaseUrl,
        ["Notifications:Enabled"] = "false",
        ["Notifications:SettleSeconds"] = "0",
    };

    public override async Task InitializeAsync()
    {
        Smtp = await SmtpSink.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in MailSettings(Smtp.Port))
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>One notification pass (plan and send) as if it were <paramref name="now"/>.</summary>
    public Task<NotificationPassResult> PassAsync(DateTime now) => Pass(Services, now);

    public static async Task<NotificationPassResult> Pass(IServiceProvider services, DateTime now)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationPass>().RunAsync(now, CancellationToken.None);
    }
}

public sealed class SqliteMailAppFixture : MailAppFixture
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "parindex-mail-" + Guid.NewGuid().ToString("N") + ".db");

    public override string ProviderName => "Sqlite";

    protected override string ConnectionString => $"Data Source={file};Pooling=False";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

public sealed class PostgresMailAppFixture : MailAppFixture
{
    private readonly string database = "parindex_mail_" + Guid.NewGuid().ToString("N")[..12];

    public override string ProviderName => "Postgres";

    protected override string ConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(PostgresAppFixture.ServerConnectionString) { Database = database }.ConnectionString;

    public override async Task InitializeAsync()
    {
        await TestPostgres.CreateDatabaseAsync(database);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(database);
    }
}
