using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ParIndex.Tests.Shared;

/// <summary>
/// A certificate chain made by the test: root CA → intermediate CA → signer (Vietnamese names),
/// valid from yesterday for one year, and the signer's key and chain as a PKCS#12 file.
/// </summary>
internal sealed partial class TestCertificates : IDisposable
{
    public const string Password = "mật-khẩu-thử";
    public const string SignerName = "Nguyễn Văn Ánh";
    public const string Organisation = "Sở Nội vụ tỉnh Bắc Giang";

    private TestCertificates(X509Certificate2 root, X509Certificate2 intermediate, X509Certificate2 signer, byte[] pkcs12)
    {
        Root = root;
        Intermediate = intermediate;
        Signer = signer;
        Pkcs12 = pkcs12;
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 Signer { get; }

    public byte[] Pkcs12 { get; }

    public static DateTimeOffset NotBefore { get; } = DateTimeOffset.UtcNow.AddDays(-1);

    public static DateTimeOffset NotAfter { get; } = NotBefore.AddYears(1);

    public X509Certificate2Collection Anchors => [Root];

    /// <summary>The root as PEM, for a trust-anchor file.</summary>
    public string RootPem => Root.ExportCertificatePem();

    /// <summary>A PKCS#12 file with the signer's certificate but no private key.</summary>
    public byte[] PublicOnlyPkcs12 => new X509Certificate2Collection { Signer, Intermediate }.Export(X509ContentType.Pkcs12, Password)!;

    /// <summary>A PKCS#12 file of a self-signed signing certificate that expired last month.</summary>
    public static byte[] ExpiredPkcs12()
    {
        using var key = RSA.Create(2048);
        var request = Request(Name("Chứng thư hết hạn", Organisation), key, ca: false);
        using var expired = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddMonths(-1));
        return expired.Export(X509ContentType.Pkcs12, Password);
    }

    public static TestCertificates Create(string rootName = "ParIndex Test Root CA")
    {
        using var rootKey = RSA.Create(2048);
        using var intermediateKey = RSA.Create(2048);
        using var signerKey = RSA.Create(2048);

        var rootRequest = Request(Name(rootName, "Ban Cơ yếu Chính phủ (thử nghiệm)"), rootKey, ca: true);
        using var root = rootRequest.CreateSelfSigned(NotBefore.AddDays(-1), NotAfter.AddYears(5));

        var intermediateRequest = Request(Name("ParIndex Test Issuing CA", "Ban Cơ yếu Chính phủ (thử nghiệm)"), intermediateKey, ca: true);
        using var intermediatePublic = intermediateRequest.Create(root, NotBefore.AddDays(-1), NotAfter.AddYears(1), [1, 2, 3, 4]);
        using var intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);

        var signerRequest = Request(Name(SignerName, Organisation), signerKey, ca: false);
        using var signerPublic = signerRequest.Create(intermediate, NotBefore, NotAfter, [5, 6, 7, 8, 9]);
        using var signer = signerPublic.CopyWithPrivateKey(signerKey);

        var bundle = new X509Certificate2Collection { signer, intermediatePublic };
        var pkcs12 = bundle.Export(X509ContentType.Pkcs12, Password)!;
        return new TestCertificates(
            X509CertificateLoader.LoadCertificate(root.RawData),
            X509CertificateLoader.LoadCertificate(intermediatePublic.RawData),
            X509CertificateLoader.LoadCertificate(signerPublic.RawData),
            pkcs12);
    }

    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
        Signer.Dispose();
    }

    private static X500DistinguishedName Name(string commonName, string organisation)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCountryOrRegion("VN");
        builder.AddOrganizationName(organisation);
        builder.AddCommonName(commonName);
        return builder.Build();
    }

    private static CertificateRequest Request(X500DistinguishedName name, RSA key, bool ca)
    {
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            ca ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }
}
