using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace ParIndex.Documents.Signing;

/// <summary>
/// Builds the detached CMS SignedData of a PAdES baseline B-B signature: SHA-256, signed attributes
/// content-type, message-digest and signing-certificate-v2, and no signing-time attribute (PAdES puts
/// the time in the signature dictionary's /M instead; see ADR 0118).
/// </summary>
internal static class CadesSignatureBuilder
{
    public static byte[] Sign(byte[] signedBytes, IPdfSigner signer)
    {
        var chain = signer.CertificateChain;
        if (chain.Count == 0)
        {
            throw new PdfSignatureException("Không có chứng thư số để ký.", "The signer has no certificate.");
        }

        var certificate = chain[0];
        using var publicKey = certificate.GetRSAPublicKey()
            ?? throw new PdfSignatureException(
                "Chứng thư số không dùng khóa RSA; ParIndex hiện chỉ ký bằng khóa RSA.",
                "The certificate's key is not RSA; only RSA keys are supported.");
        using var key = new SignerBackedRsa(signer, publicKey);
        var cmsSigner = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate, key)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
            SignaturePadding = RSASignaturePadding.Pkcs1,
        };
        foreach (var extra in chain.Skip(1))
        {
            cmsSigner.Certificates.Add(extra);
        }

        cmsSigner.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2.Oid, SigningCertificateV2.Encode(certificate)));
        var cms = new SignedCms(new ContentInfo(signedBytes), detached: true);
        try
        {
            cms.ComputeSignature(cmsSigner, silent: true);
        }
        catch (CryptographicException ex)
        {
            throw new PdfSignatureException(
                "Không tạo được chữ ký số: khóa bí mật không ký được hoặc không khớp với chứng thư số.",
                "Could not compute the signature: the key failed or does not match the certificate.", ex);
        }

        return cms.Encode();
    }

    /// <summary>
    /// An RSA whose private operation is <see cref="IPdfSigner.SignHash"/>, so <see cref="SignedCms"/>
    /// builds the CMS while the key stays wherever the signer keeps it.
    /// </summary>
    private sealed class SignerBackedRsa : RSA
    {
        private readonly IPdfSigner _signer;
        private readonly RSA _publicKey;

        public SignerBackedRsa(IPdfSigner signer, RSA publicKey)
        {
            _signer = signer;
            _publicKey = publicKey;
            KeySizeValue = publicKey.KeySize;
            LegalKeySizesValue = [new KeySizes(publicKey.KeySize, publicKey.KeySize, 0)];
        }

        public override RSAParameters ExportParameters(bool includePrivateParameters) =>
            includePrivateParameters
                ? throw new CryptographicException("The private key is held by the signer.")
                : _publicKey.ExportParameters(false);

        public override void ImportParameters(RSAParameters parameters) =>
            throw new NotSupportedException("The key is held by the signer.");

        public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
        {
            if (padding != RSASignaturePadding.Pkcs1)
            {
                throw new CryptographicException("Only PKCS#1 v1.5 signatures are made.");
            }

            var signature = _signer.SignHash(hash, hashAlgorithm);
            // A key that does not belong to the certificate would give a signature nobody can verify.
            if (!_publicKey.VerifyHash(hash, signature, hashAlgorithm, padding))
            {
                throw new CryptographicException("The signer's key does not match its certificate.");
            }

            return signature;
        }

        public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
            _publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);

        public override byte[] Decrypt(byte[] data, RSAEncryptionPadding padding) =>
            throw new NotSupportedException("The signing key does not decrypt.");

        public override byte[] Encrypt(byte[] data, RSAEncryptionPadding padding) => _publicKey.Encrypt(data, padding);
    }
}
