namespace ParIndex.Data.Signing;

/// <summary>
/// A unit's signing certificate as the administrator uploaded it (PKCS#12 and its password), kept
/// only in protected form: <see cref="ProtectedPkcs12"/> is the output of this installation's
/// data-protection key ring, never the key or the password in clear. The other columns describe the
/// certificate for the admin page without opening the key. One per unit (ADR 0130).
/// </summary>
public sealed class UnitSigningCertificate
{
    public int UnitId { get; set; }

    public Units.Unit? Unit { get; set; }

    /// <summary>The password and the PKCS#12 bytes, protected together (purpose <c>ParIndex.Signing.Pkcs12.v1</c>).</summary>
    public byte[] ProtectedPkcs12 { get; set; } = [];

    public string Subject { get; set; } = "";

    public string Issuer { get; set; } = "";

    public string SerialNumber { get; set; } = "";

    /// <summary>SHA-256 of the certificate, hex.</summary>
    public string Thumbprint { get; set; } = "";

    public DateTime NotBefore { get; set; }

    public DateTime NotAfter { get; set; }

    public DateTime UploadedAt { get; set; }

    public string UploadedBy { get; set; } = "";
}
