using ParIndex.Data.Assessments;

namespace ParIndex.Data.Evidence;

/// <summary>
/// A document (tài liệu kiểm chứng) uploaded for an assessment. The bytes live in the evidence
/// store under <see cref="StorageName"/>, never under the uploaded name.
/// </summary>
public sealed class EvidenceFile
{
    public Guid Id { get; set; }

    public int AssessmentId { get; set; }

    public Assessment? Assessment { get; set; }

    /// <summary>The file name as uploaded (shown, never used as a path).</summary>
    public required string FileName { get; set; }

    /// <summary>The content type detected from the bytes, not the one the browser claimed.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Number and symbol of the document (số, ký hiệu), e.g. <c>41/KH-UBND</c>.</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>Date of issue (ngày ban hành).</summary>
    public DateOnly? DocumentDate { get; set; }

    public required string UploadedBy { get; set; }

    public DateTime UploadedAt { get; set; }

    /// <summary>
    /// Where the evidence store keeps the bytes: a generated file name (local folder) or the SHA-256
    /// of the content (database and S3 stores, shared by every upload of the same bytes).
    /// </summary>
    public required string StorageName { get; set; }

    public List<LeafEntry> Leaves { get; set; } = [];
}
