namespace ParIndex.Data.Evidence;

/// <summary>Which evidence store holds the bytes (<c>Evidence:Store</c>).</summary>
public enum EvidenceStoreKind
{
    /// <summary>A folder on this machine: the embedded default, for one instance.</summary>
    Local,

    /// <summary>The database, in chunks, in the same transaction as the evidence rows.</summary>
    Database,

    /// <summary>An S3-compatible object store (path-style addressing).</summary>
    S3,
}

/// <summary>Configuration section <c>Evidence</c>, the part that chooses and reaches the store.</summary>
public sealed class EvidenceStoreOptions
{
    public EvidenceStoreKind Store { get; set; } = EvidenceStoreKind.Local;

    /// <summary>Folder of the local store; empty means <c>./data/evidence</c>. Never under wwwroot.</summary>
    public string StoragePath { get; set; } = "";

    /// <summary>Folder for uploads being checked before they are stored (database and S3 stores); empty means the system's temporary folder.</summary>
    public string StagingPath { get; set; } = "";

    public S3EvidenceOptions S3 { get; set; } = new();
}

/// <summary>Configuration section <c>Evidence:S3</c>.</summary>
public sealed class S3EvidenceOptions
{
    /// <summary>The endpoint, e.g. <c>https://s3.example.vn</c> or <c>http://127.0.0.1:9000</c>.</summary>
    public string ServiceUrl { get; set; } = "";

    public string Bucket { get; set; } = "parindex-evidence";

    /// <summary>Signing region; most S3-compatible servers accept the default.</summary>
    public string Region { get; set; } = "us-east-1";

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>Prefix of every object key (the key is the prefix and the content's SHA-256).</summary>
    public string Prefix { get; set; } = "evidence/";
}
