using System.Text.Json;
using System.Text.Json.Serialization;
using ParIndex.Core.Files;

namespace ParIndex.Data.Bundles;

/// <summary>The data bundle format (docs/adr/0114-data-bundles.md): names, version and bounds.</summary>
public static class BundleFormat
{
    /// <summary>The <c>format</c> of the manifest.</summary>
    public const string Name = "parindex-data-bundle";

    /// <summary>The only version this build writes and reads.</summary>
    public const int Version = 1;

    public const string ManifestEntry = "manifest.json";

    public const string TablesFolder = "tables/";

    public const string EvidenceFolder = "evidence/";

    /// <summary>The manifest lists every entry: a few MB even for a large installation.</summary>
    public const long MaxManifestBytes = 64L * 1024 * 1024;

    /// <summary>One row (a framework's JSON is the largest, a few hundred KB).</summary>
    public const int MaxRowBytes = 16 * 1024 * 1024;

    /// <summary>Rows written per save during an import: bounded memory, no quadratic change tracking.</summary>
    public const int SaveBatchRows = 1000;

    /// <summary>
    /// Bounds of a bundle once unzipped: tables and evidence together. Evidence is stored without
    /// compression, so the ratio bound only ever bites on a tampered table entry.
    /// </summary>
    public static ZipInputLimits Limits { get; } = new() { MaxEntries = 500_000, MaxTotalBytes = 256L * 1024 * 1024 * 1024 };

    public static string TableEntry(string table) => TablesFolder + table + ".jsonl";

    public static string EvidenceEntry(string sha256) => EvidenceFolder + sha256;

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

/// <summary>What a bundle holds: <c>installation</c> (everything, users included) or one <c>campaign</c>.</summary>
public enum BundleScope
{
    Installation,
    Campaign,
}

/// <summary>The <c>manifest.json</c> entry.</summary>
public sealed record BundleManifest
{
    public required string Format { get; init; }

    public required int Version { get; init; }

    /// <summary><c>installation</c> or <c>campaign</c>.</summary>
    public required string Scope { get; init; }

    /// <summary>The exported campaign's id (campaign scope only).</summary>
    public int? CampaignId { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required string AppVersion { get; init; }

    /// <summary>Every table in import order, with its entry and row count.</summary>
    public required IReadOnlyList<BundleTableInfo> Tables { get; init; }

    /// <summary>Every other entry of the zip with its size and SHA-256 (lower-case hex).</summary>
    public required IReadOnlyList<BundleEntryInfo> Entries { get; init; }
}

public sealed record BundleTableInfo(string Name, string Entry, long Rows);

public sealed record BundleEntryInfo(string Name, long Size, string Sha256);

/// <summary>What an export or import did.</summary>
public sealed record BundleSummary(BundleScope Scope, IReadOnlyList<BundleTableInfo> Tables, int EvidenceContents);

/// <summary>
/// A bundle that cannot be written or read. <see cref="ExitCode"/>: 2 for an unreadable or
/// untrustworthy file (format, version, hash, size, row count), 1 for a refusal about the database
/// (not empty, a row that does not fit). The message names the entry, row or table.
/// </summary>
public sealed class BundleException : Exception
{
    public BundleException()
    {
    }

    public BundleException(string message)
        : base(message)
    {
    }

    public BundleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BundleException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException) => ExitCode = exitCode;

    public int ExitCode { get; } = Unreadable;

    public const int Refused = 1;

    public const int Unreadable = 2;
}
