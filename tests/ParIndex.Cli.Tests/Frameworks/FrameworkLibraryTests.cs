using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application;
using ParIndex.Application.Accounts;
using ParIndex.Application.Campaigns;
using ParIndex.Application.Demo;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Cli.Tests.Database;
using ParIndex.Core.Frameworks;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Data.Providers;
using ParIndex.Data.Units;

namespace ParIndex.Cli.Tests.Frameworks;

/// <summary>
/// The framework library (ADR 0122) through its use case and through <c>parindex framework …</c>,
/// on a real database: states, import refused with every problem, clone to the next year, the
/// revision check, activation refused with problems, frozen versions, role checks.
/// </summary>
public abstract class FrameworkLibraryTests : IAsyncLifetime
{
    private static readonly CurrentUser Coordinator = CurrentUser.Operator("test:coordinator");
    private static readonly CurrentUser UnitEditor = new("editor", "Cán bộ", new HashSet<string>(StringComparer.Ordinal) { Roles.UnitEditor }, 1);

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "parindex-fwlib-" + Guid.NewGuid().ToString("N"));

    protected abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    public virtual Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_draft_is_cloned_edited_with_a_revision_check_activated_only_without_problems_then_frozen_and_retired()
    {
        await using var services = await SeededAsync();
        await using var scope = services.CreateAsyncScope();
        var library = scope.ServiceProvider.GetRequiredService<FrameworkLibrary>();
        var province = (await library.ListAsync(Coordinator, default)).Single(f => f.FrameworkId == BuiltInFrameworks.Province2023Id);
        Assert.Equal("Active", province.State);

        // A file with a wrong sum is refused with the problem at the parent; nothing is stored.
        var before = (await library.ListAsync(Coordinator, default)).Count;
        var broken = WithMax(BuiltInFrameworks.Province2023, "1.1", 2m, "broken-2023");
        var refused = await Assert.ThrowsAsync<DomainException>(() => library.ImportAsync(FrameworkFile.ToJson(broken), Coordinator, default));
        Assert.Equal(ErrorKind.Invalid, refused.Kind);
        Assert.Contains(refused.Errors, e => e.Field == "1");
        Assert.Equal(before, (await library.ListAsync(Coordinator, default)).Count);

        // Clone to the next year: a draft with the year in its id, version 1, its parent named.
        var draft = await library.CloneAsync(province.Id, new FrameworkCloneRequest(Year: 2024), Coordinator, default);
        Assert.Equal(("par-index-province-2024", "1", 2024, "Draft"), (draft.FrameworkId, draft.Version, draft.Year, draft.State));
        Assert.Equal(BuiltInFrameworks.Province2023Id + "/1", draft.ClonedFrom);

        // A campaign cannot use a draft.
        var unitId = await AddUnitAsync(scope.ServiceProvider);
        var campaignRefused = await Assert.ThrowsAsync<FieldValidationException>(() => scope.ServiceProvider.GetRequiredService<CampaignService>()
            .CreateAsync(new CampaignRequest("Kỳ thử", 2024, draft.Id, [unitId], null), default));
        Assert.Equal("frameworkRecordId", Assert.Single(campaignRefused.Errors).Field);

        // Edit a maximum: saved (a draft may have problems), the sum problem sits at the parent.
        var detail = await library.GetAsync(draft.Id, Coordinator, default);
        var edited = WithMax(FrameworkFile.Read(detail.Json), "1.1", 2m, null);
        var saved = await library.SaveDraftAsync(draft.Id, new FrameworkSaveRequest(detail.Summary.Revision, FrameworkFile.ToJson(edited)), Coordinator, default);
        Assert.Equal(detail.Summary.Revision + 1, saved.Summary.Revision);
        Assert.Contains(saved.Problems, p => p.Code == "1");
        Assert.Contains(saved.History, h => h.What == "Content" && h.Reason!.Contains("1.1 max", StringComparison.Ordinal));

        // A stale edit is a conflict, and activation is refused while problems remain.
        var stale = await Assert.ThrowsAsync<DomainException>(() => library.SaveDraftAsync(draft.Id, new FrameworkSaveRequest(detail.Summary.Revision, detail.Json), Coordinator, default));
        Assert.Equal(ErrorKind.Conflict, stale.Kind);
        var notYet = await Assert.ThrowsAsync<DomainException>(() => library.ActivateAsync(draft.Id, new FrameworkStateRequest(), Coordinator, default));
        Assert.Contains(notYet.Errors, e => e.Field == "1");

        // Fixed, activated, frozen, then retired once.
        var fixedDraft = await library.SaveDraftAsync(draft.Id, new FrameworkSaveRequest(saved.Summary.Revision, detail.Json), Coordinator, default);
        Assert.Empty(fixedDraft.Problems);
        var active = await library.ActivateAsync(draft.Id, new FrameworkStateRequest(fixedDraft.Summary.Revision), Coordinator, default);
        Assert.Equal("Active", active.State);
        var frozen = await Assert.ThrowsAsync<DomainException>(() => library.SaveDraftAsync(draft.Id, new FrameworkSaveRequest(active.Revision, detail.Json), Coordinator, default));
        Assert.Equal(ErrorKind.Locked, frozen.Kind);
        Assert.Equal("Retired", (await library.RetireAsync(draft.Id, new FrameworkStateRequest(), Coordinator, default)).State);
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<DomainException>(() => library.RetireAsync(draft.Id, new FrameworkStateRequest(), Coordinator, default))).Kind);

        // The same year again: the next free version of the same id.
        Assert.Equal("2", (await library.CloneAsync(province.Id, new FrameworkCloneRequest(), Coordinator, default)).Version);
    }

    [Fact]
    public async Task Others_read_only_active_and_retired_versions_and_manage_nothing_and_a_table_becomes_a_valid_draft()
    {
        await using var services = await SeededAsync();
        await using var scope = services.CreateAsyncScope();
        var library = scope.ServiceProvider.GetRequiredService<FrameworkLibrary>();
        await using var table = File.OpenRead(SampleTable);
        var draft = await library.CreateFromTableAsync(table, new FrameworkFromTableRequest("department", null, "Bộ thử", "dept-test"), Coordinator, default);
        Assert.Equal((25, 100m, 20m, 2023), (draft.Leaves, draft.TotalMax, draft.SurveyMax, draft.Summary.Year));
        Assert.Empty(draft.Problems);

        Assert.DoesNotContain(await library.ListAsync(UnitEditor, default), f => f.Id == draft.Summary.Id);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<DomainException>(() => library.GetAsync(draft.Summary.Id, UnitEditor, default))).Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => library.ActivateAsync(draft.Summary.Id, new FrameworkStateRequest(), UnitEditor, default))).Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => library.ImportAsync("{}", UnitEditor, default))).Kind);
        await library.ActivateAsync(draft.Summary.Id, new FrameworkStateRequest(), Coordinator, default);
        Assert.Equal("Active", (await library.GetAsync(draft.Summary.Id, UnitEditor, default)).Summary.State);
    }

    [Fact]
    public async Task The_cli_lists_exports_imports_clones_validates_activates_and_retires()
    {
        await (await SeededAsync()).DisposeAsync();
        var list = Run("framework", "list");
        Assert.Equal(0, list.Code);
        Assert.Contains(BuiltInFrameworks.Province2023Id + "/1", list.Out, StringComparison.Ordinal);

        var exported = Path.Combine(Folder, "province.json");
        Assert.Equal(0, Run("framework", "export", BuiltInFrameworks.Province2023Id, "-o", exported).Code);
        Assert.Equal(FrameworkFile.ToJson(BuiltInFrameworks.Province2023), await File.ReadAllTextAsync(exported));
        var again = Run("framework", "import", exported);
        Assert.Equal(1, again.Code);
        Assert.Contains("đã có", again.Err, StringComparison.Ordinal);

        var broken = Path.Combine(Folder, "broken.json");
        await File.WriteAllTextAsync(broken, FrameworkFile.ToJson(WithMax(BuiltInFrameworks.Province2023, "1.1", 2m, "broken-2023")));
        var refused = Run("framework", "import", broken);
        Assert.Equal(1, refused.Code);
        Assert.Contains("  1: ", refused.Err, StringComparison.Ordinal);

        Assert.Equal(0, Run("framework", "clone", BuiltInFrameworks.Province2023Id, "--year", "2025").Code);
        var validated = Run("framework", "validate", "par-index-province-2025/1");
        Assert.Equal(0, validated.Code);
        Assert.Contains("Hợp lệ", validated.Out, StringComparison.Ordinal);
        Assert.Equal(0, Run("framework", "activate", "par-index-province-2025/1").Code);
        Assert.Equal(1, Run("framework", "activate", "par-index-province-2025/1").Code);
        Assert.Equal(0, Run("framework", "retire", "par-index-province-2025/1").Code);
        Assert.Contains("Ngừng áp dụng", Run("framework", "list").Out, StringComparison.Ordinal);
        Assert.Equal(2, Run("framework", "import", Path.Combine(Folder, "missing.json")).Code);
    }

    private static string SampleTable
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "sample-department-2023-table.txt");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("samples/sample-department-2023-table.txt");
        }
    }

    private static Framework WithMax(Framework framework, string code, decimal max, string? id)
    {
        FrameworkNode Copy(FrameworkNode n) => new()
        {
            Code = n.Code, Title = n.Title, Max = n.Code == code ? max : n.Max, Rule = n.Rule, Guidance = n.Guidance, Children = n.Children.Select(Copy).ToList(),
        };
        return new Framework
        {
            Id = id ?? framework.Id, Version = framework.Version, Year = framework.Year, Title = framework.Title, UnitKind = framework.UnitKind,
            LegalBasis = framework.LegalBasis, Nodes = framework.Nodes.Select(Copy).ToList(),
        };
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run([.. args, "--provider", Provider, "--connection", ConnectionString], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A migrated database with the roles and the built-in frameworks (no demo data: cheap).</summary>
    private async Task<ServiceProvider> SeededAsync()
    {
        Assert.Equal(0, Run("db", "migrate").Code);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ParIndexDatabase.ProviderKey] = Provider,
            ["ConnectionStrings:ParIndex"] = ConnectionString,
            ["Demo:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddParIndexDatabase(configuration).AddParIndexApplication(configuration).AddParIndexAccountStore()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        return services;
    }

    private static async Task<int> AddUnitAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<ParIndexDbContext>();
        var unit = db.Units.Add(new Unit { Code = "T01", Name = "Tỉnh Thử", Kind = "province" }).Entity;
        await db.SaveChangesAsync();
        return unit.Id;
    }
}

public sealed class SqliteFrameworkLibraryTests : FrameworkLibraryTests
{
    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(Folder, "parindex.db")};Pooling=False";
}

/// <summary>The same on PostgreSQL (PARINDEX_TEST_POSTGRES, a throwaway database per test).</summary>
public sealed class PostgresFrameworkLibraryTests : FrameworkLibraryTests
{
    private readonly ThrowawayPostgresDatabase database = new("parindex_fwlib_");

    protected override string Provider => "Postgres";

    protected override string ConnectionString => database.ConnectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await database.CreateAsync();
    }

    public override async Task DisposeAsync()
    {
        await database.DropAsync();
        await base.DisposeAsync();
    }
}
