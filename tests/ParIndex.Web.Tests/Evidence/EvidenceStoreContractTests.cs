using System.Security.Cryptography;
using Amazon.S3;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Data.Evidence;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Evidence;

/// <summary>
/// What every evidence store promises, used as EvidenceService uses it (rows and bytes in one
/// transaction): bytes read back equal, a failed row save leaves nothing, and content-addressed
/// stores keep one copy of the same bytes until its last reference goes.
/// </summary>
public abstract class EvidenceStoreContractTests<TDb>(TDb database) : IClassFixture<TDb> where TDb : StoreDatabase
{
    protected TDb Database { get; } = database;

    protected abstract IEvidenceStore CreateStore(ParIndexDbContext db);

    /// <summary>Whether the same bytes get one storage name (database, S3) or one file per upload (local).</summary>
    protected abstract bool Deduplicates { get; }

    /// <summary>Whether the bytes live outside the database (a folder, a bucket), so that <see cref="StoredOutsideAsync"/> sees them.</summary>
    protected virtual bool KeepsBytesOutside => false;

    /// <summary>Whether anything of this storage name is still stored, outside the database rows.</summary>
    protected abstract Task<bool> StoredOutsideAsync(string storageName);

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private async Task<StoredEvidence> PutAsync(byte[] bytes)
    {
        await using var db = Database.CreateContext();
        var store = CreateStore(db);
        using var staged = await store.StageAsync(new MemoryStream(bytes), CancellationToken.None);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), staged.Sha256);
        Assert.Equal(bytes.Length, staged.Size);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var stored = await store.PutAsync(staged, CancellationToken.None);
        await transaction.CommitAsync();
        return stored;
    }

    private async Task<byte[]> ReadAsync(string storageName)
    {
        await using var db = Database.CreateContext();
        await using var stream = await CreateStore(db).OpenAsync(storageName, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task ReleaseAsync(string storageName)
    {
        await using var db = Database.CreateContext();
        var store = CreateStore(db);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await store.ReleaseAsync(storageName, CancellationToken.None);
        await transaction.CommitAsync();
        await store.ReleasedAsync(storageName, CancellationToken.None);
    }

    private async Task<(int Contents, int Chunks)> RowsAsync(string sha256)
    {
        await using var db = Database.CreateContext();
        return (await db.EvidenceContents.CountAsync(c => c.Sha256 == sha256), await db.EvidenceChunks.CountAsync(c => c.Sha256 == sha256));
    }

    [Fact]
    public async Task Bytes_larger_than_a_chunk_read_back_equal()
    {
        var bytes = Bytes((int)(2.5 * DatabaseEvidenceStore.ChunkSize), seed: 1);
        var stored = await PutAsync(bytes);
        Assert.True(stored.CreatedContent);
        Assert.Equal(KeepsBytesOutside, await StoredOutsideAsync(stored.StorageName));
        Assert.Equal(bytes, await ReadAsync(stored.StorageName));
        await ReleaseAsync(stored.StorageName);
        Assert.False(await StoredOutsideAsync(stored.StorageName));
        await Assert.ThrowsAnyAsync<Exception>(() => ReadAsync(stored.StorageName));
    }

    [Fact]
    public async Task A_failed_row_save_leaves_no_bytes_and_no_rows()
    {
        var bytes = Bytes(300_000, seed: 2);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        StoredEvidence? stored = null;
        await using (var db = Database.CreateContext())
        {
            var store = CreateStore(db);
            using var staged = await store.StageAsync(new MemoryStream(bytes), CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync();
            try
            {
                stored = await store.PutAsync(staged, CancellationToken.None);
                // The row refers to an assessment that does not exist: the save fails on the foreign key.
                db.EvidenceFiles.Add(new EvidenceFile
                {
                    Id = Guid.NewGuid(),
                    AssessmentId = -1,
                    FileName = "a.pdf",
                    ContentType = "application/pdf",
                    Size = staged.Size,
                    Sha256 = staged.Sha256,
                    UploadedBy = "test",
                    UploadedAt = DateTime.UtcNow,
                    StorageName = stored.StorageName,
                });
                await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            }
            finally
            {
                if (stored is not null)
                {
                    await store.UndoPutAsync(stored, CancellationToken.None);
                }
            }
        }

        Assert.NotNull(stored);
        Assert.Equal((0, 0), await RowsAsync(sha));
        Assert.False(await StoredOutsideAsync(stored.StorageName));
        await Assert.ThrowsAnyAsync<Exception>(() => ReadAsync(stored.StorageName));
    }

    [Fact]
    public async Task The_same_bytes_twice_stay_until_the_last_reference_goes()
    {
        var bytes = Bytes(DatabaseEvidenceStore.ChunkSize + 10, seed: 3);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var first = await PutAsync(bytes);
        var second = await PutAsync(bytes);
        if (Deduplicates)
        {
            Assert.Equal(first.StorageName, second.StorageName);
            Assert.True(first.CreatedContent);
            Assert.False(second.CreatedContent);
            await using var db = Database.CreateContext();
            Assert.Equal(2, (await db.EvidenceContents.SingleAsync(c => c.Sha256 == sha)).References);
        }
        else
        {
            Assert.NotEqual(first.StorageName, second.StorageName);
        }

        await ReleaseAsync(first.StorageName);
        Assert.Equal(bytes, await ReadAsync(second.StorageName));
        await ReleaseAsync(second.StorageName);
        Assert.False(await StoredOutsideAsync(second.StorageName));
        Assert.Equal((0, 0), await RowsAsync(sha));
        await Assert.ThrowsAnyAsync<Exception>(() => ReadAsync(second.StorageName));
    }
}

public sealed class LocalEvidenceStoreTests(SqliteStoreDatabase database) : EvidenceStoreContractTests<SqliteStoreDatabase>(database)
{
    private string Root => Path.Combine(Database.Folder, "evidence");

    protected override bool Deduplicates => false;

    protected override bool KeepsBytesOutside => true;

    protected override IEvidenceStore CreateStore(ParIndexDbContext db) => new LocalEvidenceStore(new EvidenceStoreOptions { StoragePath = Root });

    // Nothing at all in the folder: neither the stored file nor a staged one.
    protected override Task<bool> StoredOutsideAsync(string storageName) => Task.FromResult(Directory.EnumerateFiles(Root).Any());
}

public sealed class DatabaseEvidenceStoreOnSqliteTests(SqliteStoreDatabase database) : EvidenceStoreContractTests<SqliteStoreDatabase>(database)
{
    protected override bool Deduplicates => true;

    protected override IEvidenceStore CreateStore(ParIndexDbContext db) => new DatabaseEvidenceStore(db, new EvidenceStoreOptions { StagingPath = Database.Folder });

    protected override Task<bool> StoredOutsideAsync(string storageName) => Task.FromResult(Directory.EnumerateFiles(Database.Folder, "*.tmp").Any());
}

public sealed class DatabaseEvidenceStoreOnPostgresTests(PostgresStoreDatabase database) : EvidenceStoreContractTests<PostgresStoreDatabase>(database)
{
    protected override bool Deduplicates => true;

    protected override IEvidenceStore CreateStore(ParIndexDbContext db) => new DatabaseEvidenceStore(db, new EvidenceStoreOptions { StagingPath = Database.Folder });

    protected override Task<bool> StoredOutsideAsync(string storageName) => Task.FromResult(Directory.EnumerateFiles(Database.Folder, "*.tmp").Any());
}

/// <summary>The S3 store against the S3-protocol server of the test script, with its reference counts in PostgreSQL.</summary>
public sealed class S3EvidenceStoreTests(PostgresStoreDatabase database) : EvidenceStoreContractTests<PostgresStoreDatabase>(database), IAsyncLifetime, IDisposable
{
    private string bucket = "";
    private AmazonS3Client? client;

    private EvidenceStoreOptions Options => new() { Store = EvidenceStoreKind.S3, StagingPath = Database.Folder, S3 = TestS3.Options(bucket) };

    protected override bool Deduplicates => true;

    protected override bool KeepsBytesOutside => true;

    protected override IEvidenceStore CreateStore(ParIndexDbContext db) => new S3EvidenceStore(db, client!, Options);

    protected override async Task<bool> StoredOutsideAsync(string storageName) =>
        await TestS3.ExistsAsync(bucket, Options.S3.Prefix + storageName) || Directory.EnumerateFiles(Database.Folder, "*.tmp").Any();

    public async Task InitializeAsync()
    {
        bucket = await TestS3.CreateBucketAsync();
        client = S3EvidenceStore.CreateClient(TestS3.Options(bucket));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => client?.Dispose();
}
