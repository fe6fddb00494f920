using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ParIndex.Data.Evidence;

/// <summary>
/// Evidence bytes in an S3-compatible object store, one object per SHA-256 (key: prefix + hash).
/// The reference count lives in the database (<see cref="EvidenceContent"/>), changed in the
/// transaction of the evidence rows. S3 is not transactional: a new object is written before the
/// rows commit and deleted again if they do not; the object of the last reference is deleted while
/// the count's row is still locked, so a concurrent upload of the same bytes waits and writes it anew.
/// </summary>
public sealed class S3EvidenceStore(ParIndexDbContext db, IAmazonS3 s3, EvidenceStoreOptions options) : IEvidenceStore
{
    /// <summary>A client for the configured endpoint, path-style (bucket in the path, as MinIO and most S3-compatible servers expect).</summary>
    public static AmazonS3Client CreateClient(S3EvidenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            throw new InvalidOperationException("Evidence:Store là S3 nhưng thiếu Evidence:S3:ServiceUrl.");
        }

        var config = new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            // Checksums only where S3 requires them: many S3-compatible servers reject the newer trailers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        return new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    private string Bucket => options.S3.Bucket;

    private string Key(string sha256) => options.S3.Prefix + EvidenceStaging.CheckSha256Name(sha256);

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

        await s3.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = Bucket,
                Key = Key(staged.Sha256),
                FilePath = staged.Path,
                ContentType = "application/octet-stream",
                UseChunkEncoding = false,
            },
            cancellationToken);
        return new StoredEvidence(staged.Sha256, CreatedContent: true);
    }

    public async Task UndoPutAsync(StoredEvidence stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.CreatedContent)
        {
            // Still under the row lock of the failed transaction: no other upload relies on this object yet.
            await s3.DeleteObjectAsync(Bucket, Key(stored.StorageName), cancellationToken);
        }
    }

    public async Task<Stream> OpenAsync(string storageName, CancellationToken cancellationToken)
    {
        var response = await s3.GetObjectAsync(Bucket, Key(storageName), cancellationToken);
        return response.ResponseStream;
    }

    public async Task ReleaseAsync(string storageName, CancellationToken cancellationToken)
    {
        if (await EvidenceContentReferences.ReleaseAsync(db, EvidenceStaging.CheckSha256Name(storageName), cancellationToken))
        {
            await s3.DeleteObjectAsync(Bucket, Key(storageName), cancellationToken);
        }
    }

    public Task ReleasedAsync(string storageName, CancellationToken cancellationToken) => Task.CompletedTask;
}
