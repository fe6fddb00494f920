namespace ParIndex.Application.Problems;

/// <summary>
/// A failure a user can understand and act on. Thrown by use cases; a host turns it into its own
/// answer (the web: ProblemDetails with the status of <see cref="Kind"/>, title and detail in the UI
/// language, field errors). Every factory sets the English title; the English detail is given where
/// the call site has one and falls back to the Vietnamese detail otherwise.
/// </summary>
public class DomainException(ErrorKind kind, string title, string detail) : Exception(detail)
{
    public ErrorKind Kind { get; } = kind;

    public string Title { get; } = title;

    public string? EnglishTitle { get; init; }

    public string? EnglishDetail { get; init; }

    /// <summary>The detail in the UI language: English when asked and given, else Vietnamese.</summary>
    public string DetailFor(bool english) => english ? EnglishDetail ?? Message : Message;

    /// <summary>Field errors, keyed by the request's field name (<c>score</c>, <c>figures.numerator</c>).</summary>
    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    public static DomainException NotFound(string detail, string? english = null) =>
        new(ErrorKind.NotFound, "Không tìm thấy", detail) { EnglishTitle = "Not found", EnglishDetail = english };

    public static DomainException Forbidden(string detail, string? english = null) =>
        new(ErrorKind.Forbidden, "Không có quyền", detail) { EnglishTitle = "Not allowed", EnglishDetail = english };

    public static DomainException Conflict(string detail, string? english = null) =>
        new(ErrorKind.Conflict, "Xung đột dữ liệu", detail) { EnglishTitle = "Conflicting change", EnglishDetail = english };

    public static DomainException Invalid(string detail, string? english = null) =>
        new(ErrorKind.Invalid, InvalidTitle, detail) { EnglishTitle = InvalidTitleEnglish, EnglishDetail = english };

    /// <summary>A 400 naming the fields at fault; the detail lists their messages.</summary>
    public static DomainException InvalidFields(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(ErrorKind.Invalid, InvalidTitle, string.Join(" ", errors.Select(e => e.Message)))
        {
            EnglishTitle = InvalidTitleEnglish,
            EnglishDetail = string.Join(" ", errors.Select(e => e.English)),
            Errors = errors,
        };
    }

    public static DomainException Locked(string detail, string? english = null) =>
        new(ErrorKind.Locked, "Không thể chỉnh sửa", detail) { EnglishTitle = "Read only", EnglishDetail = english };

    public static DomainException TooLarge(string detail, string? english = null) =>
        new(ErrorKind.TooLarge, "Tệp quá lớn", detail) { EnglishTitle = "File too large", EnglishDetail = english };

    public static DomainException UnsupportedType(string detail, string? english = null) =>
        new(ErrorKind.UnsupportedType, "Loại tệp không được chấp nhận", detail) { EnglishTitle = "File type not accepted", EnglishDetail = english };

    public const string InvalidTitle = "Dữ liệu không hợp lệ";
    public const string InvalidTitleEnglish = "Invalid data";
}

/// <summary>What is wrong with one field of a request, in Vietnamese and English.</summary>
public sealed record FieldError(string Field, string Message, string English);
