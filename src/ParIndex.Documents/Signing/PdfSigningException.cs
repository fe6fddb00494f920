namespace ParIndex.Documents.Signing;

/// <summary>
/// Signing refused or failed for a reason the user can act on (wrong password, expired certificate,
/// PDF that cannot be signed). <see cref="Exception.Message"/> is Vietnamese for the user;
/// <see cref="EnglishMessage"/> is for logs and the API.
/// </summary>
public sealed class PdfSigningException : Exception
{
    public PdfSigningException()
    {
        EnglishMessage = string.Empty;
    }

    public PdfSigningException(string message)
        : base(message)
    {
        EnglishMessage = message;
    }

    public PdfSigningException(string message, Exception innerException)
        : base(message, innerException)
    {
        EnglishMessage = message;
    }

    public PdfSigningException(string vietnamese, string english, Exception? innerException = null)
        : base(vietnamese, innerException)
    {
        EnglishMessage = english;
    }

    public string EnglishMessage { get; }
}
