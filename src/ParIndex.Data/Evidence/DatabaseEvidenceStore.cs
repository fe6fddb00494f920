using Microsoft.EntityFrameworkCore;

namespace ParIndex.Data.Evidence;

/// <summary>
/// Evidence bytes in the database, in chunks of 1 MiB, one copy per SHA-256. Written and deleted in
/// the transaction of the evidence rows: a failed upload or deletion leaves nothing half done, and
/// every instance on the same database sees the files.
/// </summary>
public sealed class DatabaseEvidenceStore(ParIndexDbContext db, EvidenceStoreOptions options) : IEvidenceStore
{
    public const int ChunkSize = 1024 * 1024;

    public Task<StagedEvidence> StageAsync(Stream content, CancellationToken cancellationToken) =>
        EvidenceStaging.StageAsync(content, EvidenceStaging.Folder(options), cancellationToken);

    public async Task<StoredEvidence> PutAsync(StagedEvidence staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var references = await EvidenceContentReferences.AddAsync(db, staged.Sha256, staged.Size, cancellationToken);
        if (references > 1)
        {
            return new StoredEvidence(staged.Sha256, CreatedContent: false);
        }

        await using var source = staged.OpenRead();
        var buffer = new byte[ChunkSize];
        for (var index = 0; ; index++)
        {
            var read = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (read == 0 && index > 0)
            {
                break;
            }

            await using var insert = EvidenceContentReferences.Command(db, """
                INSERT INTO "EvidenceChunks" ("Sha256", "Index", "Data") VALUES (@sha, @index, @data)
                """);
            EvidenceContentReferences.Add(insert, "sha", staged.Sha256);
            EvidenceContentReferences.Add(insert, "index", index);
            EvidenceContentReferences.Add(insert, "data", buffer.AsSpan(0, read).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
            if (read < buffer.Length)
            {
                break;
            }
        }

        return new StoredEvidence(staged.Sha256, CreatedContent: true);
    }

    // Everything was written in the transaction: its rollback undoes it.
    public Task UndoPutAsync(StoredEvidence stored, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<Stream> OpenAsync(string storageName, CancellationToken cancellationToken)
    {
        var sha = EvidenceStaging.CheckSha256Name(storageName);
        var count = await db.EvidenceChunks.CountAsync(c => c.Sha256 == sha, cancellationToken);
        if (count == 0)
        {
            throw new FileNotFoundException("Không tìm thấy nội dung tài liệu kiểm chứng trong cơ sở dữ liệu.");
        }

        return new ChunkStream(db, sha, count);
    }

    public async Task ReleaseAsync(string storageName, CancellationToken cancellationToken) =>
        await EvidenceContentReferences.ReleaseAsync(db, EvidenceStaging.CheckSha256Name(storageName), cancellationToken);

    public Task ReleasedAsync(string storageName, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads the chunks one at a time, so a download holds at most one chunk in memory.</summary>
    private sealed class ChunkStream(ParIndexDbContext db, string sha, int count) : Stream
    {
        private byte[] current = [];
        private int offset;
        private int next;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (offset == current.Length)
            {
                if (next == count)
                {
                    return 0;
                }

                var index = next++;
                current = await db.EvidenceChunks.AsNoTracking().Where(c => c.Sha256 == sha && c.Index == index).Select(c => c.Data).SingleAsync(cancellationToken);
                offset = 0;
            }

            var n = Math.Min(buffer.Length, current.Length - offset);
            current.AsMemory(offset, n).CopyTo(buffer);
            offset += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
