using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application;
using ParIndex.Data.Providers;

namespace ParIndex.Cli.Database;

/// <summary>
/// <c>--provider</c> and <c>--connection</c> of every command that opens the ParIndex database, with
/// the web app's environment variables (<c>Database__Provider</c>, <c>ConnectionStrings__ParIndex</c>)
/// as fallback. Unlike the web app the CLI has no default database: it needs a connection string.
/// </summary>
internal sealed class DatabaseOptions
{
    public Option<string?> Provider { get; } = new("--provider") { Description = "Sqlite hoặc Postgres (mặc định: biến môi trường Database__Provider, rồi Sqlite)" };

    public Option<string?> Connection { get; } = new("--connection") { Description = "Chuỗi kết nối (mặc định: biến môi trường ConnectionStrings__ParIndex)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    /// <summary>The provider name given or from the environment (unparsed).</summary>
    public string? ProviderName(ParseResult parse) => parse.GetValue(Provider) ?? Environment.GetEnvironmentVariable("Database__Provider");

    /// <summary>The connection string given or from the environment.</summary>
    public string? ConnectionString(ParseResult parse) => parse.GetValue(Connection) ?? Environment.GetEnvironmentVariable("ConnectionStrings__ParIndex");

    /// <summary>The database named on the command line, or null after writing why not.</summary>
    public ParIndexDatabase? Resolve(ParseResult parse, TextWriter stderr) => Resolve(ProviderName(parse), ConnectionString(parse), stderr);

    /// <summary>The database of a provider name and a connection string, or null after writing why not.</summary>
    public static ParIndexDatabase? Resolve(string? provider, string? connection, TextWriter stderr)
    {
        if (!ParIndexDatabase.TryParseProvider(provider, out _))
        {
            stderr.WriteLine($"Lỗi: --provider: {ParIndexDatabase.UnknownProviderMessage(provider)}");
            return null;
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            stderr.WriteLine("Lỗi: cần chuỗi kết nối cơ sở dữ liệu: --connection \"Data Source=…/parindex.db\" hoặc biến môi trường ConnectionStrings__ParIndex.");
            return null;
        }

        return ParIndexDatabase.Describe(provider, connection);
    }

    /// <summary>
    /// A service provider with the database and every use case, as the web app registers them
    /// (<c>AddParIndexDatabase</c>, <c>AddParIndexApplication</c>), plus Identity's managers without
    /// cookies; other settings (evidence store, demo) come from the environment as for the web app.
    /// </summary>
    public static ServiceProvider Services(ParIndexDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ParIndexDatabase.ProviderKey] = database.Provider.ToString(),
                ["ConnectionStrings:" + ParIndexDatabase.ConnectionStringName] = database.ConnectionString,
            })
            .Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddParIndexDatabase(configuration)
            .AddParIndexApplication(configuration)
            .AddParIndexAccountStore()
            .BuildServiceProvider();
    }
}
