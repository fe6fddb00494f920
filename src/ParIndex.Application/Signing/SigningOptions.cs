namespace ParIndex.Application.Signing;

/// <summary>Settings of the <c>Signing</c> section (README: digital signatures).</summary>
public sealed class SigningOptions
{
    /// <summary>
    /// Root CA certificates (PEM or DER files) that verification trusts: e.g. the root of the public
    /// digital-signature service and Ban Cơ yếu's root. Empty: the machine's trust store.
    /// </summary>
    public IList<string> TrustAnchors { get; } = [];

    /// <summary>The largest PDF the verification page accepts (10 MiB; a signed report is well under 1 MiB).</summary>
    public int MaxVerifyBytes { get; set; } = 10 * 1024 * 1024;
}
