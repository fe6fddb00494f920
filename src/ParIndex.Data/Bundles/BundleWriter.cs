using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data.Evidence;

namespace ParIndex.Data.Bundles;

/// <summary>
/// Writes a data bundle (ADR 0114): one JSON-lines entry per table, streamed row by row from
/// untracked queries, the evidence contents as stored entries named by SHA-256, and last the
/// manifest with the row counts and the SHA-256 of every entry.
/// </summary>
public sealed class BundleWriter(ParIndexDbContext db, IEvidenceStore evidence, TimeProvider clock)
{
    /// <summary>Writes the installation (<paramref name="campaignId"/> null) or one campaign to <paramref name="output"/>.</summary>
    public async Task<BundleSummary> WriteAsync(Stream output, int? campaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var scope = campaignId is null ? BundleScope.Installation : BundleScope.Campaign;
        var selection = campaignId is { } id ? await CampaignSelection.LoadAsync(db, id, cancellationToken) : null;
        var tables = new List<BundleTableInfo>();
        var entries = new List<BundleEntryInfo>();
        var contents = new SortedDictionary<string, (string StorageName, long Size)>(StringComparer.Ordinal);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var table in BundleTables.For(db.Model, scope))
            {
                long rows = 0;
                var entry = await WriteEntryAsync(zip, table.Entry, CompressionLevel.Optimal, async stream =>
                {
                    using var writer = new Utf8JsonWriter(stream);
                    await foreach (var row in OrderedRowsAsync(table, selection, cancellationToken))
                    {
                        BundleRows.Write(writer, stream, table, row);
                        if (row is EvidenceFile file)
                        {
                            contents.TryAdd(file.Sha256, (file.StorageName, file.Size));
                        }

                        rows++;
                    }
                }, cancellationToken);
                entries.Add(entry);
                tables.Add(new BundleTableInfo(table.Name, table.Entry, rows));
            }

            foreach (var (sha256, (storageName, size)) in contents)
            {
                // Already compressed formats (pdf, docx, images): stored as is, which also keeps the ratio bound of the reader trivially met.
                var entry = await WriteEntryAsync(zip, BundleFormat.EvidenceEntry(sha256), CompressionLevel.NoCompression, async stream =>
                {
                    await using var content = await OpenEvidenceAsync(storageName, sha256, cancellationToken);
                    await content.CopyToAsync(stream, cancellationToken);
                }, cancellationToken);
                if (entry.Sha256 != sha256 || entry.Size != size)
                {
                    throw new BundleException(BundleException.Refused,
                        $"Nội dung tài liệu kiểm chứng {sha256} trong kho không khớp SHA-256 hoặc kích thước đã ghi (the stored evidence is damaged).");
                }

                entries.Add(entry);
            }

            var manifest = new BundleManifest
            {
                Format = BundleFormat.Name,
                Version = BundleFormat.Version,
                Scope = scope == BundleScope.Installation ? "installation" : "campaign",
                CampaignId = campaignId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                AppVersion = AppVersion,
                Tables = tables,
                Entries = entries,
            };
            var manifestEntry = zip.CreateEntry(BundleFormat.ManifestEntry, CompressionLevel.Optimal);
            await using var manifestStream = await manifestEntry.OpenAsync(cancellationToken);
            await JsonSerializer.SerializeAsync(manifestStream, manifest, ManifestJson, cancellationToken);
        }

        return new BundleSummary(scope, tables, contents.Count);
    }

    /// <summary>The version of this build (the assembly's informational version).</summary>
    public static string AppVersion =>
        typeof(BundleWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    internal static JsonSerializerOptions ManifestJson { get; } = new(BundleFormat.Json) { WriteIndented = true };

    /// <summary>The rows in key order; a self-referencing table (units) parents first, so the target's foreign keys hold at every insert.</summary>
    private async IAsyncEnumerable<object> OrderedRowsAsync(BundleTable table, CampaignSelection? selection,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = BundleQueries.Rows(db, table, selection);
        if (table.SelfReference is not { } self)
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                yield return row;
            }

            yield break;
        }

        // Units are few (thousands): held once, in memory, to order them.
        var all = await rows.ToListAsync(cancellationToken);
        var key = table.EntityType.FindPrimaryKey()!.Properties[0];
        var byKey = all.ToDictionary(r => BundleRows.Get(table, key, r)!);
        var written = new HashSet<object>();
        var path = new List<object>();
        foreach (var row in all)
        {
            // Climb to the first written ancestor, then write down the path.
            path.Clear();
            for (var current = row; current is not null && !written.Contains(BundleRows.Get(table, key, current)!);)
            {
                path.Add(current);
                var parent = BundleRows.Get(table, self.Properties[0], current);
                current = parent is not null && byKey.TryGetValue(parent, out var p) && !path.Contains(p) ? p : null;
            }

            for (var i = path.Count - 1; i >= 0; i--)
            {
                written.Add(BundleRows.Get(table, key, path[i])!);
                yield return path[i];
            }
        }
    }

    private async Task<Stream> OpenEvidenceAsync(string storageName, string sha256, CancellationToken cancellationToken)
    {
        try
        {
            return await evidence.OpenAsync(storageName, cancellationToken);
        }
        catch (Exception e) when (e is IOException or ArgumentException or Amazon.S3.AmazonS3Exception)
        {
            throw new BundleException(BundleException.Refused, $"Không đọc được nội dung tài liệu kiểm chứng {sha256} từ kho lưu trữ ({e.Message}).", e);
        }
    }

    /// <summary>Writes one entry through a hashing stream; returns its size and SHA-256.</summary>
    private static async Task<BundleEntryInfo> WriteEntryAsync(ZipArchive zip, string name, CompressionLevel level,
        Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, level);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await using var hashing = new HashingStream(stream);
        await write(hashing);
        await hashing.FlushAsync(cancellationToken);
        return new BundleEntryInfo(name, hashing.Length, hashing.Sha256());
    }

    /// <summary>A write-only pass-through that counts and hashes what goes by.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public string Sha256() => Convert.ToHexStringLower(hash.GetHashAndReset());

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            length += buffer.Length;
            inner.Write(buffer);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            hash.AppendData(buffer.Span);
            length += buffer.Length;
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
