namespace ParIndex.Application.Problems;

/// <summary>
/// What kind of failure a use case reports, without any transport: the web maps each kind to an
/// HTTP status (ADR 0113), the CLI to an exit code.
/// </summary>
public enum ErrorKind
{
    /// <summary>The thing asked for does not exist (or the user may not know it exists).</summary>
    NotFound,

    /// <summary>The user may not do this.</summary>
    Forbidden,

    /// <summary>Someone else changed the data first, or the request contradicts the stored state.</summary>
    Conflict,

    /// <summary>The data is read only in its present state (submitted, published, closed).</summary>
    Locked,

    /// <summary>The input is wrong; field errors name the fields.</summary>
    Invalid,

    /// <summary>A file or content over its size limit.</summary>
    TooLarge,

    /// <summary>A file of a type that is not accepted.</summary>
    UnsupportedType,

    /// <summary>A file or form readable but rejected with a list of problems (survey imports).</summary>
    Unprocessable,

    /// <summary>A failure of the system, not of the user's input.</summary>
    Unexpected,
}
