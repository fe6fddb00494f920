namespace ParIndex.Web.Problems;

/// <summary>The HTTP status of each use-case error kind (ADR 0113); the only place that knows it.</summary>
public static class ErrorStatus
{
    public static int Of(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict or ErrorKind.Locked => StatusCodes.Status409Conflict,
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };

    extension(DomainException error)
    {
        /// <summary>The HTTP status the web answers this error with.</summary>
        public int Status => Of(error.Kind);
    }
}
