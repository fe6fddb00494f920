namespace ParIndex.Application.Signing;

/// <summary>A unit's signing certificate as the admin page shows it (never the key).</summary>
public sealed record SigningCertificateView(
    int UnitId,
    string UnitName,
    string Subject,
    string Issuer,
    string SerialNumber,
    string Thumbprint,
    DateTime NotBefore,
    DateTime NotAfter,
    bool Expired,
    DateTime UploadedAt,
    string UploadedBy);

/// <summary>One signed record of a report; <see cref="Superseded"/> with the reason when it no longer matches the assessment.</summary>
public sealed record SignedReportView(
    int Id,
    int AssessmentId,
    string FileName,
    long Length,
    string Sha256,
    DateTime SignedAt,
    string SignedBy,
    string SignerName,
    string Organisation,
    string CertificateIssuer,
    string CertificateSerial,
    string AssessmentStatus,
    bool Superseded,
    DateTime? SupersededAt,
    string? SupersededReason,
    string? SupersededReasonEnglish);

/// <summary>The signed records of an assessment (newest first) and whether the user may sign now.</summary>
public sealed record SignedReportsView(
    int AssessmentId,
    IReadOnlyList<SignedReportView> Records,
    bool CanSign,
    string? SignBlockedReason,
    string? SignBlockedReasonEnglish,
    bool IsLead)
{
    /// <summary>The newest record when it still matches the assessment.</summary>
    public SignedReportView? Current => Records.FirstOrDefault(r => !r.Superseded);
}

/// <summary>A signed record's bytes for download.</summary>
public sealed record SignedReportFile(byte[] Pdf, string FileName, bool Superseded);
