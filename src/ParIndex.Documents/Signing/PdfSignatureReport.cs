namespace ParIndex.Documents.Signing;

/// <summary>The verdict on one signature.</summary>
public enum PdfSignatureStatus
{
    /// <summary>Signature correct, certificate chain valid and ending at a trust anchor.</summary>
    Valid,

    /// <summary>Signature correct and chain well formed, but it does not end at a trust anchor.</summary>
    UntrustedRoot,

    /// <summary>The signature does not hold: see <see cref="PdfSignatureProblem"/>.</summary>
    Invalid,
}

/// <summary>Why a signature is not valid.</summary>
public enum PdfSignatureProblem
{
    None,
    UnsupportedFormat,
    BadByteRange,
    MalformedSignature,
    DigestMismatch,
    BadSignatureValue,
    MissingSigningCertificate,
    SigningCertificateMismatch,
    CertificateExpired,
    CertificateNotYetValid,
    CertificateNotForSigning,
    InvalidChain,
    UntrustedRoot,
}

/// <summary>
/// What the verifier found for one signature field. <see cref="UnchangedSinceSigning"/> is false
/// when bytes were added to the file after this signature (a later revision, or anything appended).
/// </summary>
public sealed record PdfSignatureCheck
{
    public required string FieldName { get; init; }

    public string? SignerName { get; init; }

    public string? Organisation { get; init; }

    public string? Issuer { get; init; }

    public string? SerialNumber { get; init; }

    public DateTimeOffset? CertificateNotAfter { get; init; }

    /// <summary>From the signature dictionary's /M, or the CMS signing-time attribute when /M is missing.</summary>
    public DateTimeOffset? SigningTime { get; init; }

    public string? SubFilter { get; init; }

    public required PdfSignatureStatus Status { get; init; }

    public required PdfSignatureProblem Problem { get; init; }

    /// <summary>The verdict for the user, in Vietnamese.</summary>
    public required string Message { get; init; }

    public required string EnglishMessage { get; init; }

    public required bool UnchangedSinceSigning { get; init; }

    /// <summary>How many bytes of the file the signature covers (the file minus the signature itself).</summary>
    public long SignedLength { get; init; }
}

/// <summary>All signatures of one PDF.</summary>
public sealed record PdfVerificationReport(long FileLength, IReadOnlyList<PdfSignatureCheck> Signatures)
{
    /// <summary>Some signature covers the whole file: nothing was added after the last signature.</summary>
    public bool DocumentUnchanged => Signatures.Any(s => s.UnchangedSinceSigning);

    /// <summary>At least one signature, every one valid, and the document unchanged since the last one.</summary>
    public bool AllValid => Signatures.Count > 0 && Signatures.All(s => s.Status == PdfSignatureStatus.Valid) && DocumentUnchanged;
}
