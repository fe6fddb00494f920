using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ParIndex.Documents.Signing;

/// <summary>
/// An <see cref="IPdfSigner"/> whose key comes from a PKCS#12 (.p12/.pfx) file and its password,
/// as uploaded by the administrator for the unit. Only RSA keys: the certificates issued to
/// Vietnamese agencies are RSA.
/// </summary>
public sealed class Pkcs12PdfSigner : IPdfSigner, IDisposable
{
    /// <summary>A PKCS#12 file larger than this is refused unread (a key and a short chain are a few KiB).</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private readonly RSA _key;
    private readonly X509Certificate2Collection _all;

    private Pkcs12PdfSigner(X509Certificate2Collection all, X509Certificate2 signer, RSA key, IReadOnlyList<X509Certificate2> chain)
    {
        _all = all;
        _key = key;
        Certificate = signer;
        CertificateChain = chain;
    }

    public X509Certificate2 Certificate { get; }

    public IReadOnlyList<X509Certificate2> CertificateChain { get; }

    /// <summary>
    /// Loads the key and certificates. The certificate must hold an RSA key usable for signing and
    /// be valid at <paramref name="now"/>: a signature made with an expired certificate is invalid
    /// the moment it is made.
    /// </summary>
    public static Pkcs12PdfSigner Load(ReadOnlySpan<byte> pkcs12, string? password, DateTimeOffset now)
    {
        if (pkcs12.Length == 0 || pkcs12.Length > MaxFileBytes)
        {
            throw new PdfSignatureException(
                $"Tệp chứng thư số phải có dung lượng từ 1 byte đến {MaxFileBytes / 1024} KiB.",
                $"The PKCS#12 file must be between 1 byte and {MaxFileBytes / 1024} KiB.");
        }

        X509Certificate2Collection all;
        try
        {
            all = X509CertificateLoader.LoadPkcs12Collection(pkcs12, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new PdfSignatureException(
                "Không mở được tệp chứng thư số: sai mật khẩu hoặc tệp không phải PKCS#12 (.p12/.pfx).",
                "Cannot open the PKCS#12 file: wrong password or not a PKCS#12 file.", ex);
        }

        var signer = all.FirstOrDefault(c => c.HasPrivateKey);
        if (signer is null)
        {
            Dispose(all);
            throw new PdfSignatureException(
                "Tệp chứng thư số không chứa khóa bí mật.",
                "The PKCS#12 file holds no private key.");
        }

        var key = signer.GetRSAPrivateKey();
        if (key is null)
        {
            Dispose(all);
            throw new PdfSignatureException(
                "Chứng thư số không dùng khóa RSA; ParIndex hiện chỉ ký bằng khóa RSA.",
                "The certificate's key is not RSA; only RSA keys are supported.");
        }

        var notBefore = signer.NotBefore.ToUniversalTime();
        var notAfter = signer.NotAfter.ToUniversalTime();
        if (now.UtcDateTime < notBefore || now.UtcDateTime > notAfter)
        {
            var name = signer.GetNameInfo(X509NameType.SimpleName, false);
            key.Dispose();
            Dispose(all);
            throw new PdfSignatureException(
                $"Chứng thư số của '{name}' chỉ có hiệu lực từ {notBefore:dd/MM/yyyy} đến {notAfter:dd/MM/yyyy}: không ký được vào lúc này.",
                $"The certificate is valid only from {notBefore:yyyy-MM-dd} to {notAfter:yyyy-MM-dd}.");
        }

        return new Pkcs12PdfSigner(all, signer, key, ChainOf(signer, all));
    }

    public byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm) =>
        _key.SignHash(hash, hashAlgorithm, RSASignaturePadding.Pkcs1);

    public void Dispose()
    {
        _key.Dispose();
        Dispose(_all);
    }

    // Signer first, then each issuer found in the file, stopping at a self-signed root.
    private static List<X509Certificate2> ChainOf(X509Certificate2 signer, X509Certificate2Collection all)
    {
        var chain = new List<X509Certificate2> { signer };
        var current = signer;
        while (chain.Count < 10 && current.SubjectName.RawData.AsSpan().SequenceEqual(current.IssuerName.RawData) is false)
        {
            var issuer = all.FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(current.IssuerName.RawData) && !chain.Contains(c));
            if (issuer is null)
            {
                break;
            }

            chain.Add(issuer);
            current = issuer;
        }

        return chain;
    }

    private static void Dispose(X509Certificate2Collection certificates)
    {
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }
    }
}
