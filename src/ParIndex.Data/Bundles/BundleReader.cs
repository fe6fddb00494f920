using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Files;
using ParIndex.Data.Evidence;

namespace ParIndex.Data.Bundles;

/// <summary>
/// Reads a data bundle into an empty database (ADR 0114). Before the database is touched: the zip
/// bounds (<see cref="ZipInputGuard"/>), the manifest's format and version, the list of entries and
/// the SHA-256 and size of every entry. Then, in one transaction: every table in foreign-key order
/// with its keys kept, batched saves, the row counts checked, each evidence content stored through
/// the target's <see cref="IEvidenceStore"/>, and PostgreSQL's identity sequences moved past the
/// imported keys. Any failure rolls everything back (and undoes what the store wrote outside it).
/// </summary>
public sealed class BundleReader(ParIndexDbContext db, IEvidenceStore evidence)
{
    /// <summary>Checks a bundle without touching the database; returns its manifest.</summary>
    public static async Task<BundleManifest> VerifyAsync(Stream bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        try
        {
            ZipInputGuard.Check(bundle, BundleFormat.Limits);
        }
        catch (Exception e) when (e is ZipInputRefusedException or InvalidDataException or EndOfStreamException)
        {
            throw new BundleException(BundleException.Unreadable, $"Tệp không phải gói dữ liệu đọc được: {e.Message}", e);
        }

        using var zip = new ZipArchive(bundle, ZipArchiveMode.Read, leaveOpen: true);
        var manifest = ReadManifest(zip);
        var listed = new Dictionary<string, BundleEntryInfo>(StringComparer.Ordinal);
        foreach (var info in manifest.Entries)
        {
            if (!listed.TryAdd(info.Name, info))
            {
                throw Unreadable($"manifest.json liệt kê mục {info.Name} hai lần");
            }

            if (!info.Name.StartsWith(BundleFormat.TablesFolder, StringComparison.Ordinal)
                && !(info.Name.StartsWith(BundleFormat.EvidenceFolder, StringComparison.Ordinal) && IsSha256(info.Name[BundleFormat.EvidenceFolder.Length..])))
            {
                throw Unreadable($"manifest.json liệt kê mục lạ {Shorten(info.Name)}");
            }
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName == BundleFormat.ManifestEntry)
            {
                continue;
            }

            if (!present.Add(entry.FullName) || !listed.TryGetValue(entry.FullName, out var info))
            {
                throw Unreadable($"mục {Shorten(entry.FullName)} không có trong manifest.json (hoặc có hai lần trong tệp)");
            }

            await using var stream = await entry.OpenAsync(cancellationToken);
            var (size, sha256) = await HashAsync(stream, cancellationToken);
            if (size != info.Size || sha256 != info.Sha256)
            {
                throw Unreadable($"mục {entry.FullName}: SHA-256 hoặc kích thước không khớp manifest.json — tệp đã bị sửa hoặc hỏng (hash mismatch)");
            }
        }

        if (listed.Keys.FirstOrDefault(name => !present.Contains(name)) is { } missing)
        {
            throw Unreadable($"thiếu mục {missing} mà manifest.json liệt kê (tệp bị cắt cụt?)");
        }

        foreach (var table in manifest.Tables)
        {
            if (table.Entry != BundleFormat.TableEntry(table.Name) || !present.Contains(table.Entry) || table.Rows < 0)
            {
                throw Unreadable($"manifest.json: bảng {Shorten(table.Name)} không có mục {BundleFormat.TableEntry(table.Name)} hợp lệ");
            }
        }

        return manifest;
    }

    /// <summary>The scope of a verified manifest.</summary>
    public static BundleScope ScopeOf(BundleManifest manifest) =>
        manifest?.Scope switch
        {
            "installation" => BundleScope.Installation,
            "campaign" => BundleScope.Campaign,
            var other => throw Unreadable($"manifest.json: phạm vi \"{Shorten(other ?? "")}\" không được hỗ trợ (installation hoặc campaign)"),
        };

    /// <summary>The tables of the target that already hold rows (import needs none).</summary>
    public async Task<IReadOnlyList<string>> NonEmptyTablesAsync(CancellationToken cancellationToken)
    {
        var found = new List<string>();
        foreach (var table in BundleTables.All(db.Model))
        {
            if (await BundleQueries.AnyAsync(db, table, cancellationToken))
            {
                found.Add(table.Name);
            }
        }

        if (await db.EvidenceContents.AnyAsync(cancellationToken))
        {
            found.Add(db.Model.FindEntityType(typeof(EvidenceContent))!.GetTableName()!);
        }

        return found;
    }

    /// <summary>Verifies the bundle, checks that the database is empty, and imports everything in one transaction.</summary>
    public async Task<BundleSummary> ImportAsync(Stream bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var start = bundle.Position;
        var manifest = await VerifyAsync(bundle, cancellationToken);
        bundle.Position = start;
        return await ImportAsync(bundle, manifest, cancellationToken);
    }

    /// <summary>Imports a bundle already checked by <see cref="VerifyAsync"/> (its manifest), in one transaction.</summary>
    public async Task<BundleSummary> ImportAsync(Stream bundle, BundleManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var scope = ScopeOf(manifest);
        var tables = BundleTables.For(db.Model, scope);
        var byName = manifest.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        if (tables.FirstOrDefault(t => !byName.ContainsKey(t.Name)) is { } absent)
        {
            throw Unreadable($"manifest.json không có bảng {absent.Name} mà phạm vi {manifest.Scope} cần");
        }

        if (manifest.Tables.FirstOrDefault(t => tables.All(x => x.Name != t.Name)) is { } unknown)
        {
            throw Unreadable($"bảng {Shorten(unknown.Name)} không thuộc phạm vi {manifest.Scope} của phiên bản này");
        }

        var nonEmpty = await NonEmptyTablesAsync(cancellationToken);
        if (nonEmpty.Count > 0)
        {
            throw new BundleException(BundleException.Refused,
                $"Cơ sở dữ liệu đích không trống (bảng có dữ liệu: {string.Join(", ", nonEmpty)}): chỉ nhập vào một cơ sở dữ liệu mới, trước lần chạy đầu tiên của ứng dụng web (target database is not empty).");
        }

        using var zip = new ZipArchive(bundle, ZipArchiveMode.Read, leaveOpen: true);
        var stored = new List<StoredEvidence>();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var table in tables)
            {
                var expected = byName[table.Name].Rows;
                var rows = await ImportTableAsync(zip, table, stored, cancellationToken);
                if (rows != expected)
                {
                    throw Unreadable($"mục {table.Entry} có {rows} dòng, manifest.json ghi {expected}");
                }
            }

            await ResetSequencesAsync(tables, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            foreach (var put in stored)
            {
                await evidence.UndoPutAsync(put, CancellationToken.None);
            }

            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return new BundleSummary(scope, [.. tables.Select(t => byName[t.Name])], stored.Select(s => s.StorageName).Distinct().Count());
    }

    private async Task<long> ImportTableAsync(ZipArchive zip, BundleTable table, List<StoredEvidence> stored, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(table.Entry)!;
        await using var stream = await entry.OpenAsync(cancellationToken);
        long rows = 0;
        var pending = 0;
        await foreach (var line in BundleRows.LinesAsync(stream, table.Entry, cancellationToken))
        {
            var row = BundleRows.Read(table, line, table.Entry, rows + 1);
            rows++;
            if (row is EvidenceFile file)
            {
                file.StorageName = await PutEvidenceAsync(zip, file, stored, table.Entry, rows, cancellationToken);
            }

            if (table.IsSharedType)
            {
                db.Set<Dictionary<string, object>>(table.EntityType.Name).Add((Dictionary<string, object>)row);
            }
            else
            {
                db.Add(row);
            }

            if (++pending == BundleFormat.SaveBatchRows)
            {
                await SaveAsync(table, rows, cancellationToken);
                pending = 0;
            }
        }

        await SaveAsync(table, rows, cancellationToken);
        return rows;
    }

    private async Task SaveAsync(BundleTable table, long rows, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            throw new BundleException(BundleException.Refused,
                $"Không ghi được bảng {table.Name} (lô dòng kết thúc ở dòng {rows}): {(e.InnerException ?? e).Message}", e);
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>Stores one evidence row's content (its entry, already hash-checked) through the target's store.</summary>
    private async Task<string> PutEvidenceAsync(ZipArchive zip, EvidenceFile file, List<StoredEvidence> stored, string tableEntry, long line, CancellationToken cancellationToken)
    {
        var name = BundleFormat.EvidenceEntry(file.Sha256);
        if (!IsSha256(file.Sha256) || zip.GetEntry(name) is not { } entry)
        {
            throw Unreadable($"mục {tableEntry}, dòng {line}: tài liệu {file.Id} cần mục {Shorten(name)} nhưng gói không có");
        }

        await using var content = await entry.OpenAsync(cancellationToken);
        using var staged = await evidence.StageAsync(content, cancellationToken);
        if (staged.Sha256 != file.Sha256 || staged.Size != file.Size)
        {
            throw Unreadable($"mục {tableEntry}, dòng {line}: tài liệu {file.Id} ghi kích thước {file.Size}, nội dung {name} có {staged.Size} byte");
        }

        var put = await evidence.PutAsync(staged, cancellationToken);
        stored.Add(put);
        return put.StorageName;
    }

    /// <summary>PostgreSQL identity columns do not move on explicit keys: the next generated key must follow the imported ones.</summary>
    private async Task ResetSequencesAsync(IReadOnlyList<BundleTable> tables, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var table in tables)
        {
            if (table.EntityType.FindPrimaryKey()?.Properties is not [var key] || key.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd
                || (key.ClrType != typeof(int) && key.ClrType != typeof(long)))
            {
                continue;
            }

            var column = key.GetColumnName();
            // Identifiers come from the model, never from the bundle.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table.Name}\"), 0) + 1, false)",
                cancellationToken);
#pragma warning restore EF1002
        }
    }

    private static BundleManifest ReadManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(BundleFormat.ManifestEntry) ?? throw Unreadable("thiếu mục manifest.json");
        if (entry.Length > BundleFormat.MaxManifestBytes)
        {
            throw Unreadable($"manifest.json lớn hơn {BundleFormat.MaxManifestBytes / (1024 * 1024)} MB");
        }

        JsonDocument document;
        try
        {
            using var stream = entry.Open();
            document = JsonDocument.Parse(stream);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw Unreadable($"manifest.json không đọc được ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            var format = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (format != BundleFormat.Name)
            {
                throw Unreadable($"manifest.json: định dạng \"{Shorten(format ?? "")}\" không phải {BundleFormat.Name}");
            }

            if (!root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version) || version != BundleFormat.Version)
            {
                throw Unreadable($"phiên bản gói {Shorten(root.TryGetProperty("version", out var raw) ? raw.GetRawText() : "(không có)")} không được hỗ trợ; công cụ này đọc phiên bản {BundleFormat.Version} (unknown bundle version)");
            }

            try
            {
                return root.Deserialize<BundleManifest>(BundleFormat.Json) ?? throw Unreadable("manifest.json trống");
            }
            catch (JsonException e)
            {
                throw Unreadable($"manifest.json không đọc được ({e.Message})");
            }
        }
    }

    private static async Task<(long Size, string Sha256)> HashAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static bool IsSha256(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);

    private static BundleException Unreadable(string what) => new(BundleException.Unreadable, $"Gói dữ liệu: {what}.");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
