using System.Security.Cryptography.X509Certificates;

namespace ParIndex.Documents.Signing;

/// <summary>
/// Reads a trusted root given as a file, PEM (one or several certificates) or DER; the verification
/// page's settings and <c>parindex verify-pdf --trust</c> accept the same files.
/// </summary>
public static class TrustAnchorFile
{
    /// <summary>Adds the file's certificates to <paramref name="anchors"/>; returns how many it added.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The bytes are no certificate.</exception>
    public static int AddTo(X509Certificate2Collection anchors, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(bytes);
        var before = anchors.Count;
        if (bytes.AsSpan().IndexOf("-----BEGIN CERTIFICATE-----"u8) >= 0)
        {
            anchors.ImportFromPem(System.Text.Encoding.ASCII.GetString(bytes));
        }
        else
        {
            anchors.Add(X509CertificateLoader.LoadCertificate(bytes));
        }

        return anchors.Count - before;
    }
}
