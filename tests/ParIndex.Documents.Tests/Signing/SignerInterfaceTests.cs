using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ParIndex.Documents.Signing;
using ParIndex.Documents.Tests.Support;
using ParIndex.Tests.Shared;

namespace ParIndex.Documents.Tests.Signing;

public sealed class SignerInterfaceTests : IDisposable
{
    private readonly TestCertificates _certificates = TestCertificates.Create();

    public void Dispose() => _certificates.Dispose();

    /// <summary>A signer that only exposes "sign this hash", as a signing service or a token would.</summary>
    private sealed class HashOnlySigner(IReadOnlyList<X509Certificate2> chain, RSA key) : IPdfSigner
    {
        public int Calls { get; private set; }

        public IReadOnlyList<X509Certificate2> CertificateChain => chain;

        public byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm)
        {
            Calls++;
            Assert.Equal(HashAlgorithmName.SHA256, hashAlgorithm);
            Assert.Equal(32, hash.Length);
            return key.SignHash(hash, hashAlgorithm, RSASignaturePadding.Pkcs1);
        }
    }

    private (X509Certificate2 Signer, RSA Key) SignerWithKey()
    {
        var signer = X509CertificateLoader.LoadPkcs12(_certificates.Pkcs12, TestCertificates.Password, X509KeyStorageFlags.EphemeralKeySet);
        return (signer, signer.GetRSAPrivateKey()!);
    }

    [Fact]
    public void A_signer_that_only_signs_a_hash_makes_a_valid_signature()
    {
        var (certificate, key) = SignerWithKey();
        using var _ = certificate;
        using var __ = key;
        var signer = new HashOnlySigner([certificate, _certificates.Intermediate], key);

        var signed = new PadesPdfSigner(TimeProvider.System).Sign(TestCertificates.TablePdf(), signer);

        Assert.Equal(1, signer.Calls);
        Assert.True(new PdfSignatureVerifier(_certificates.Anchors, TimeProvider.System).Verify(signed).AllValid);
    }

    [Fact]
    public void A_key_that_does_not_belong_to_the_certificate_is_refused_at_signing()
    {
        var (certificate, key) = SignerWithKey();
        using var _ = certificate;
        using var __ = key;
        using var otherKey = RSA.Create(2048);

        var ex = Assert.Throws<PdfSignatureException>(() =>
            new PadesPdfSigner(TimeProvider.System).Sign(TestCertificates.TablePdf(), new HashOnlySigner([certificate], otherKey)));

        Assert.Contains("không khớp với chứng thư số", ex.Message);
    }

    [Fact]
    public void Signing_certificate_v2_names_exactly_one_certificate()
    {
        var encoded = SigningCertificateV2.Encode(_certificates.Signer);

        Assert.True(SigningCertificateV2.Matches(encoded, _certificates.Signer));
        Assert.False(SigningCertificateV2.Matches(encoded, _certificates.Intermediate));
        Assert.False(SigningCertificateV2.Matches(encoded.AsMemory(0, encoded.Length - 3), _certificates.Signer));
    }
}
