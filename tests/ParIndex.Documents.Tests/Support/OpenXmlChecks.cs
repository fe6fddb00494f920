using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace ParIndex.Documents.Tests.Support;

internal static class OpenXmlChecks
{
    /// <summary>The validator's errors, one line each, empty when the package is valid.</summary>
    public static List<string> Errors(OpenXmlPackage package) =>
        new OpenXmlValidator()
            .Validate(package)
            .Select(e => $"{e.ErrorType} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
}
