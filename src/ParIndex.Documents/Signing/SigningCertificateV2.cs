using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ParIndex.Documents.Signing;

/// <summary>
/// The ESS signing-certificate-v2 attribute (RFC 5035), which PAdES requires: it binds the signature
/// to the signer's certificate by hash, so a certificate with the same key cannot be swapped in.
/// </summary>
public static class SigningCertificateV2
{
    public const string Oid = "1.2.840.113549.1.9.16.2.47";

    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    /// <summary>DER of SigningCertificateV2 with one ESSCertIDv2 (SHA-256, the default, so no algorithm field) and IssuerSerial.</summary>
    public static byte[] Encode(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(SHA256.HashData(certificate.RawData));
                    using (writer.PushSequence())
                    {
                        using (writer.PushSequence())
                        {
                            // GeneralName directoryName [4], explicit because Name is a CHOICE.
                            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, true)))
                            {
                                writer.WriteEncodedValue(certificate.IssuerName.RawData);
                            }
                        }

                        writer.WriteInteger(certificate.SerialNumberBytes.Span);
                    }
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>
    /// Whether the attribute names <paramref name="certificate"/>: the first ESSCertIDv2 must carry
    /// the certificate's hash and, when present, its issuer and serial number. False for a malformed value.
    /// </summary>
    public static bool Matches(ReadOnlyMemory<byte> encoded, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        try
        {
            var reader = new AsnReader(encoded, AsnEncodingRules.DER);
            var value = reader.ReadSequence();
            var certs = value.ReadSequence();
            var first = certs.ReadSequence();
            var algorithm = Sha256Oid;
            if (first.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var identifier = first.ReadSequence();
                algorithm = identifier.ReadObjectIdentifier();
            }

            var hash = first.ReadOctetString();
            var expected = algorithm switch
            {
                Sha256Oid => SHA256.HashData(certificate.RawData),
                "2.16.840.1.101.3.4.2.2" => SHA384.HashData(certificate.RawData),
                "2.16.840.1.101.3.4.2.3" => SHA512.HashData(certificate.RawData),
                _ => null,
            };
            if (expected is null || !CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                return false;
            }

            if (!first.HasData)
            {
                return true;
            }

            var issuerSerial = first.ReadSequence();
            var names = issuerSerial.ReadSequence();
            var serial = issuerSerial.ReadInteger();
            var sameSerial = serial == new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true);
            var sameIssuer = false;
            while (names.HasData)
            {
                var tag = names.PeekTag();
                if (tag.TagClass == TagClass.ContextSpecific && tag.TagValue == 4)
                {
                    var directory = names.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 4, true));
                    sameIssuer |= directory.ReadEncodedValue().Span.SequenceEqual(certificate.IssuerName.RawData);
                }
                else
                {
                    names.ReadEncodedValue();
                }
            }

            return sameSerial && sameIssuer;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}
