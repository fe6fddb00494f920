namespace ParIndex.Web.Problems;

/// <summary>
/// A failure a user can understand and act on. Thrown by handlers and turned into a ProblemDetails
/// response (status, Vietnamese title and detail) by <see cref="ProblemDetailsExceptionHandler"/>.
/// </summary>
public class DomainException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public static DomainException NotFound(string detail) => new(StatusCodes.Status404NotFound, "Không tìm thấy", detail);

    public static DomainException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Không có quyền", detail);

    public static DomainException Conflict(string detail) => new(StatusCodes.Status409Conflict, "Xung đột dữ liệu", detail);

    public static DomainException Invalid(string detail) => new(StatusCodes.Status400BadRequest, "Dữ liệu không hợp lệ", detail);

    public static DomainException Locked(string detail) => new(StatusCodes.Status409Conflict, "Không thể chỉnh sửa", detail);

    public static DomainException TooLarge(string detail) => new(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn", detail);

    public static DomainException UnsupportedType(string detail) => new(StatusCodes.Status415UnsupportedMediaType, "Loại tệp không được chấp nhận", detail);
}
