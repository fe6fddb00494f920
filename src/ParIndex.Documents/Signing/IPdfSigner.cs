using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ParIndex.Documents.Signing;

/// <summary>
/// Holds the signing key of a unit. The PDF and CMS are built by <see cref="PadesPdfSigner"/>; the
/// key only signs the SHA-256 hash of the CMS signed attributes, so a PKCS#12 file, a remote signing
/// service or a USB token (PKCS#11) can each implement it without seeing the document.
/// </summary>
public interface IPdfSigner
{
    /// <summary>The signer's certificate first, then the intermediates (the root may be left out).</summary>
    IReadOnlyList<X509Certificate2> CertificateChain { get; }

    /// <summary>
    /// Signs <paramref name="hash"/> (already hashed with <paramref name="hashAlgorithm"/>) with the
    /// certificate's RSA key, PKCS#1 v1.5 padding; returns the raw signature value.
    /// </summary>
    byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm);
}
