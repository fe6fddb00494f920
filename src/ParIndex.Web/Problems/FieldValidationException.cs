namespace ParIndex.Web.Problems;

/// <summary>
/// A 400 about named request fields: the ProblemDetails carries them in <c>errors</c>
/// (field → messages), as ASP.NET Core's validation problems do, so a form can mark the field.
/// </summary>
public sealed class FieldValidationException(string field, string detail)
    : DomainException(StatusCodes.Status400BadRequest, "Dữ liệu không hợp lệ", detail)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]> { [field] = [detail] };
}
