namespace ParIndex.Documents.Signing;

/// <summary>
/// Signing refused (wrong password, expired certificate, PDF that cannot be signed) or a file that
/// cannot be verified at all (not a PDF, too large, damaged): a reason the user can act on.
/// <see cref="Exception.Message"/> is Vietnamese for the user; <see cref="EnglishMessage"/> is for
/// logs and the API.
/// </summary>
public sealed class PdfSignatureException : Exception
{
    public PdfSignatureException()
    {
        EnglishMessage = string.Empty;
    }

    public PdfSignatureException(string message)
        : base(message)
    {
        EnglishMessage = message;
    }

    public PdfSignatureException(string message, Exception innerException)
        : base(message, innerException)
    {
        EnglishMessage = message;
    }

    public PdfSignatureException(string vietnamese, string english, Exception? innerException = null)
        : base(vietnamese, innerException)
    {
        EnglishMessage = english;
    }

    public string EnglishMessage { get; }
}
