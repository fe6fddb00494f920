using Amazon.S3;
using ParIndex.Data.Evidence;

namespace ParIndex.Data.Bundles;

/// <summary>The configured evidence store over a context, for callers without dependency injection (the CLI).</summary>
public sealed class EvidenceStores : IDisposable
{
    private readonly IAmazonS3? s3;

    private EvidenceStores(IEvidenceStore store, IAmazonS3? s3)
    {
        Store = store;
        this.s3 = s3;
    }

    public IEvidenceStore Store { get; }

    public static EvidenceStores Create(ParIndexDbContext db, EvidenceStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Store switch
        {
            EvidenceStoreKind.Database => new EvidenceStores(new DatabaseEvidenceStore(db, options), null),
            EvidenceStoreKind.S3 => Create(db, options, S3EvidenceStore.CreateClient(options.S3)),
            _ => new EvidenceStores(new LocalEvidenceStore(options), null),
        };
    }

    private static EvidenceStores Create(ParIndexDbContext db, EvidenceStoreOptions options, AmazonS3Client client) =>
        new(new S3EvidenceStore(db, client, options), client);

    public void Dispose() => s3?.Dispose();
}
