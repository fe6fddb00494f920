namespace ParIndex.Data.Signing;

/// <summary>
/// The signed self-assessment report: the PDF as signed (PAdES), its SHA-256, who signed with which
/// certificate and when. The submission's record; it is never changed or deleted by the app. It is
/// superseded when the assessment or its report fields change after <see cref="SignedAt"/> (worked
/// out from the history, ADR 0130), or when a newer record of the same assessment exists.
/// </summary>
public sealed class SignedReport
{
    public int Id { get; set; }

    public int AssessmentId { get; set; }

    public Assessments.Assessment? Assessment { get; set; }

    public byte[] Pdf { get; set; } = [];

    /// <summary>SHA-256 of <see cref="Pdf"/>, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";

    public long Length { get; set; }

    public string FileName { get; set; } = "";

    public DateTime SignedAt { get; set; }

    /// <summary>The account that asked for the signature (the unit lead).</summary>
    public string SignedBy { get; set; } = "";

    /// <summary>The certificate's holder (CN) and organisation (O), as the verifier reads them.</summary>
    public string SignerName { get; set; } = "";

    public string Organisation { get; set; } = "";

    public string CertificateIssuer { get; set; } = "";

    public string CertificateSerial { get; set; } = "";

    /// <summary>The assessment's status when it was signed.</summary>
    public string AssessmentStatus { get; set; } = "";
}
