using ParIndex.Documents.Signing;

namespace ParIndex.Application.Signing;

/// <summary>
/// Where a unit's signing key comes from when its lead signs. Today the PKCS#12 file the
/// administrator uploaded (<see cref="Pkcs12CertificateStore"/>); a remote signing service or a
/// token (PKCS#11) can replace it by registering another implementation: the signer only needs
/// <see cref="IPdfSigner.SignHash"/> and the chain (ADR 0118, 0130).
/// </summary>
public interface ISigningCertificateSource
{
    /// <summary>
    /// The unit's signer, valid at <paramref name="now"/>, or null when the unit has none. Throws
    /// <see cref="PdfSignatureException"/> when the unit has one that cannot sign now (expired).
    /// The caller disposes the result when it is <see cref="IDisposable"/>.
    /// </summary>
    Task<IPdfSigner?> SignerForUnitAsync(int unitId, DateTimeOffset now, CancellationToken cancellationToken);
}
