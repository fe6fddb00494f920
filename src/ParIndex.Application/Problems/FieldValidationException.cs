namespace ParIndex.Application.Problems;

/// <summary>
/// A 400 about one named request field: the ProblemDetails carries it in <c>errors</c>
/// (field → messages), as ASP.NET Core's validation problems do, so a form can mark the field.
/// </summary>
public sealed class FieldValidationException : DomainException
{
    public FieldValidationException(string field, string detail, string? english = null)
        : base(ErrorKind.Invalid, InvalidTitle, detail)
    {
        EnglishTitle = InvalidTitleEnglish;
        EnglishDetail = english;
        Errors = [new FieldError(field, detail, english ?? detail)];
    }
}
