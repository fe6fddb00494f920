using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Data.Assessments;
using ParIndex.Data.Bundles;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Evidence;
using ParIndex.Data.History;
using ParIndex.Data.Sqlite;
using ParIndex.Data.Units;

namespace ParIndex.Cli.Tests.DataBundles;

/// <summary>
/// <c>parindex data export|import</c> on SQLite: the round trip of a small installation, and every
/// refusal (tampered entry, unknown version, truncated file, non-empty target, a row that does not
/// fit) with its exit code, a message naming what failed, and the target left as it was.
/// </summary>
public sealed class DataCommandTests : IDisposable
{
    private static readonly byte[] EvidenceBytes = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private readonly string folder = Path.Combine(Path.GetTempPath(), "parindex-cli-bundle-" + Guid.NewGuid().ToString("N"));

    public DataCommandTests() => Directory.CreateDirectory(folder);

    private string Db(string name) => $"Data Source={Path.Combine(folder, name + ".db")};Pooling=False";

    private string Evidence(string name) => Path.Combine(folder, name + "-evidence");

    private string BundlePath => Path.Combine(folder, "bundle.zip");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private (int Code, string Out, string Err) Export(params string[] extra) =>
        Run(["data", "export", "-o", BundlePath, "--provider", "Sqlite", "--connection", Db("source"), "--evidence-path", Evidence("source"), .. extra]);

    private (int Code, string Out, string Err) Import(string target, string? bundle = null) =>
        Run("data", "import", bundle ?? BundlePath, "--provider", "Sqlite", "--connection", Db(target), "--evidence-path", Evidence(target));

    private ParIndexDbContext Context(string name) =>
        new(new DbContextOptionsBuilder<ParIndexDbContext>().UseParIndexSqlite(Db(name)).Options);

    /// <summary>A small installation: two units (parent and child), a user with a role, a campaign, leaves with figures, history and one evidence file linked to two leaves.</summary>
    private async Task SeedSourceAsync()
    {
        Assert.Equal(0, Run("db", "migrate", "--provider", "Sqlite", "--connection", Db("source")).Code);
        await using var db = Context("source");
        var province = new Unit { Code = "BG", Name = "UBND tỉnh Bắc Giang", Kind = "province" };
        var department = new Unit { Code = "BG-STP", Name = "Sở Tư pháp", Kind = "department", Parent = province };
        db.Units.AddRange(province, department);
        var framework = new FrameworkRecord { FrameworkId = "test", Version = "1", Year = 2023, Title = "Bộ tiêu chí thử", Json = "{\"fields\":[]}", ImportedAt = DateTime.UtcNow };
        var campaign = new Campaign { Name = "Kỳ 2023", Year = 2023, Framework = framework, CreatedAt = DateTime.UtcNow, SelfAssessmentDeadline = new DateTime(2024, 1, 31, 0, 0, 0, DateTimeKind.Utc) };
        var assessment = new Assessment { Campaign = campaign, Unit = province, Status = AssessmentStatus.Submitted, Version = 3 };
        var leaves = new[]
        {
            new LeafEntry { Assessment = assessment, LeafCode = "1.1", Score = 0.5m, Points = 0.5m, Explanation = "Giải trình có dấu: Đã ban hành", Version = 2, UpdatedAt = DateTime.UtcNow },
            new LeafEntry { Assessment = assessment, LeafCode = "1.2", Points = 1.2345678901m, FiguresJson = "{\"a\":\"14000\"}", AppraisedScore = 1m, AppraisalReason = "Thiếu tài liệu", UpdatedAt = DateTime.UtcNow },
        };
        db.LeafEntries.AddRange(leaves);
        db.Assignments.Add(new Assignment { Assessment = assessment, CodePrefix = "1", ContributingUnit = department });
        db.History.Add(HistoryEntry.ForLeaf(1, "1.1", "editor", DateTime.UtcNow, "Score", null, "0.5", null));
        var user = new AppUser { Id = "u1", UserName = "editor", NormalizedUserName = "EDITOR", FullName = "Cán bộ", Unit = province, PasswordHash = "AQAAAAIAAYagAAAAE-hash", SecurityStamp = "s" };
        db.Users.Add(user);
        db.Roles.Add(new IdentityRole { Id = "r1", Name = Roles.UnitEditor, NormalizedName = "UNITEDITOR" });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = "u1", RoleId = "r1" });
        await db.SaveChangesAsync();

        var store = new LocalEvidenceStore(new EvidenceStoreOptions { StoragePath = Evidence("source") });
        using var staged = await store.StageAsync(new MemoryStream(EvidenceBytes), CancellationToken.None);
        var stored = await store.PutAsync(staged, CancellationToken.None);
        var file = new EvidenceFile
        {
            Id = Guid.NewGuid(),
            AssessmentId = assessment.Id,
            FileName = "Kế hoạch.pdf",
            ContentType = "application/pdf",
            Size = staged.Size,
            Sha256 = staged.Sha256,
            DocumentNumber = "41/KH-UBND",
            DocumentDate = new DateOnly(2023, 3, 15),
            UploadedBy = "editor",
            UploadedAt = DateTime.UtcNow,
            StorageName = stored.StorageName,
        };
        file.Leaves.AddRange(leaves);
        db.EvidenceFiles.Add(file);
        await db.SaveChangesAsync();
    }

    private async Task<IReadOnlyList<string>> NonEmptyTablesAsync(string name)
    {
        await using var db = Context(name);
        return await new BundleReader(db, new LocalEvidenceStore(new EvidenceStoreOptions { StoragePath = Evidence(name) })).NonEmptyTablesAsync(CancellationToken.None);
    }

    private int EvidenceFilesOf(string name) => Directory.Exists(Evidence(name)) ? Directory.GetFiles(Evidence(name)).Length : 0;

    [Fact]
    public async Task An_installation_goes_through_export_and_import_with_keys_figures_users_and_evidence()
    {
        await SeedSourceAsync();
        var export = Export();
        Assert.True(export.Code == 0, export.Err);
        Assert.Contains("bí mật", export.Out, StringComparison.Ordinal);
        using (var zip = ZipFile.OpenRead(BundlePath))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("tables/AspNetUsers.jsonl", names);
            Assert.Contains("tables/LeafEvidence.jsonl", names);
            // Sessions, login throttles, the key ring and the stores' bookkeeping stay behind (ADR 0114).
            Assert.DoesNotContain(names, n => n.Contains("AuthSessions", StringComparison.Ordinal) || n.Contains("LoginThrottles", StringComparison.Ordinal)
                || n.Contains("DataProtectionKeys", StringComparison.Ordinal) || n.Contains("EvidenceC", StringComparison.Ordinal));
            Assert.Equal(BundleFormat.ManifestEntry, names[^1]);
        }

        var import = Import("target");
        Assert.True(import.Code == 0, import.Err);
        await using var source = Context("source");
        await using var target = Context("target");
        static IQueryable<object> Leaves(ParIndexDbContext db) => db.LeafEntries.OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.AssessmentId, e.LeafCode, e.Score, e.Points, e.FiguresJson, e.AppraisedScore, e.AppraisalReason, e.Explanation, e.Version, e.UpdatedAt });
        Assert.Equal(await Leaves(source).ToListAsync(), await Leaves(target).ToListAsync());
        Assert.Equal(await source.Units.OrderBy(u => u.Id).Select(u => new { u.Id, u.Code, u.ParentId }).ToListAsync(),
            await target.Units.OrderBy(u => u.Id).Select(u => new { u.Id, u.Code, u.ParentId }).ToListAsync());
        Assert.Equal("AQAAAAIAAYagAAAAE-hash", (await target.Users.SingleAsync()).PasswordHash);
        Assert.Equal("r1", (await target.UserRoles.SingleAsync()).RoleId);
        Assert.Equal(AssessmentStatus.Submitted, (await target.Assessments.SingleAsync()).Status);
        Assert.Equal(1, await target.History.CountAsync());

        // The evidence row points at the target store's own copy, with the same bytes, linked to both leaves.
        var file = await target.EvidenceFiles.Include(f => f.Leaves).SingleAsync();
        Assert.Equal(["1.1", "1.2"], file.Leaves.Select(l => l.LeafCode).Order());
        await using var content = await new LocalEvidenceStore(new EvidenceStoreOptions { StoragePath = Evidence("target") }).OpenAsync(file.StorageName, CancellationToken.None);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        Assert.Equal(EvidenceBytes, copy.ToArray());

        // A second import into the now filled database is refused, and changes nothing.
        var leavesBefore = await target.LeafEntries.CountAsync();
        var again = Import("target");
        Assert.Equal(1, again.Code);
        Assert.Contains("không trống", again.Err, StringComparison.Ordinal);
        Assert.Contains("LeafEntries", again.Err, StringComparison.Ordinal);
        Assert.Equal(leavesBefore, await target.LeafEntries.CountAsync());
        Assert.Equal(1, EvidenceFilesOf("target"));
    }

    [Fact]
    public async Task A_tampered_entry_exits_2_naming_the_entry_and_leaves_the_target_empty()
    {
        await SeedSourceAsync();
        Assert.Equal(0, Export().Code);
        Rewrite(entries => entries["tables/LeafEntries.jsonl"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(entries["tables/LeafEntries.jsonl"]).Replace("\"Score\":0.5", "\"Score\":1.0", StringComparison.Ordinal)), updateManifest: false);
        Assert.Equal(0, Run("db", "migrate", "--provider", "Sqlite", "--connection", Db("target")).Code);

        var result = Import("target");
        Assert.Equal(2, result.Code);
        Assert.Contains("tables/LeafEntries.jsonl", result.Err, StringComparison.Ordinal);
        Assert.Contains("SHA-256", result.Err, StringComparison.Ordinal);
        Assert.Empty(await NonEmptyTablesAsync("target"));
        Assert.Equal(0, EvidenceFilesOf("target"));
    }

    [Fact]
    public async Task An_unknown_version_exits_2_naming_it()
    {
        await SeedSourceAsync();
        Assert.Equal(0, Export().Code);
        Rewrite(entries =>
        {
            var manifest = JsonNode.Parse(entries[BundleFormat.ManifestEntry])!;
            manifest["version"] = 99;
            entries[BundleFormat.ManifestEntry] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        }, updateManifest: false);

        var result = Import("target");
        Assert.Equal(2, result.Code);
        Assert.Contains("phiên bản gói 99", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "target.db")), "a refused bundle must not even create the target");
    }

    [Fact]
    public async Task A_truncated_bundle_exits_2_and_touches_nothing()
    {
        await SeedSourceAsync();
        Assert.Equal(0, Export().Code);
        var bytes = await File.ReadAllBytesAsync(BundlePath);
        await File.WriteAllBytesAsync(BundlePath, bytes[..(bytes.Length / 2)]);
        Assert.Equal(0, Run("db", "migrate", "--provider", "Sqlite", "--connection", Db("target")).Code);

        var result = Import("target");
        Assert.Equal(2, result.Code);
        Assert.Contains("không phải gói dữ liệu đọc được", result.Err, StringComparison.Ordinal);
        Assert.Empty(await NonEmptyTablesAsync("target"));
    }

    [Fact]
    public async Task A_row_that_does_not_fit_rolls_everything_back_including_the_stored_evidence()
    {
        await SeedSourceAsync();
        Assert.Equal(0, Export().Code);
        // A duplicate leaf (same assessment and code, new id), with the hashes and counts made consistent:
        // the file is intact, the database refuses the row after units, campaigns and evidence went in.
        Rewrite(entries =>
        {
            var lines = Encoding.UTF8.GetString(entries["tables/LeafEntries.jsonl"]).TrimEnd('\n').Split('\n');
            var duplicate = JsonNode.Parse(lines[0])!;
            duplicate["Id"] = 999;
            entries["tables/LeafEntries.jsonl"] = Encoding.UTF8.GetBytes(string.Join('\n', [.. lines, duplicate.ToJsonString()]) + "\n");
        }, updateManifest: true);

        var result = Import("target");
        Assert.Equal(1, result.Code);
        Assert.Contains("LeafEntries", result.Err, StringComparison.Ordinal);
        Assert.Empty(await NonEmptyTablesAsync("target"));
        Assert.Equal(0, EvidenceFilesOf("target"));
    }

    [Fact]
    public async Task A_campaign_bundle_holds_that_campaign_without_accounts_and_imports_into_an_empty_database()
    {
        await SeedSourceAsync();
        var export = Export("--campaign", "1");
        Assert.True(export.Code == 0, export.Err);
        using (var zip = ZipFile.OpenRead(BundlePath))
        {
            Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("AspNet", StringComparison.Ordinal));
            Assert.Contains(zip.Entries, e => e.FullName.StartsWith("evidence/", StringComparison.Ordinal));
        }

        Assert.True(Import("target").Code == 0);
        await using var target = Context("target");
        Assert.Equal(2, await target.Units.CountAsync());
        Assert.Equal(0, await target.Users.CountAsync());
        Assert.Equal(2, await target.LeafEntries.CountAsync());

        var missing = Export("--campaign", "42");
        Assert.Equal(1, missing.Code);
        Assert.Contains("42", missing.Err, StringComparison.Ordinal);
    }

    /// <summary>Rewrites the bundle's entries; with <paramref name="updateManifest"/> the manifest's hashes, sizes and row counts follow.</summary>
    private void Rewrite(Action<Dictionary<string, byte[]>> change, bool updateManifest)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var zip = ZipFile.OpenRead(BundlePath))
        {
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                entries[entry.FullName] = copy.ToArray();
            }
        }

        change(entries);
        if (updateManifest)
        {
            var manifest = JsonNode.Parse(entries[BundleFormat.ManifestEntry])!;
            foreach (var item in manifest["entries"]!.AsArray())
            {
                var bytes = entries[item!["name"]!.GetValue<string>()];
                item["size"] = bytes.Length;
                item["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
            }

            foreach (var table in manifest["tables"]!.AsArray())
            {
                table!["rows"] = Encoding.UTF8.GetString(entries[table["entry"]!.GetValue<string>()]).Count(c => c == '\n');
            }

            entries[BundleFormat.ManifestEntry] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        }

        File.Delete(BundlePath);
        using var output = ZipFile.Open(BundlePath, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var stream = output.CreateEntry(name).Open();
            stream.Write(bytes);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
