using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data.Providers;
using ParIndex.Web.Localization;

namespace ParIndex.Web.Problems;

/// <summary>
/// Maps domain failures (and the few framework ones a user can cause) to ProblemDetails in the UI
/// language (cookie <see cref="Texts.CookieName"/>: Vietnamese unless <c>en</c>). Field errors go to
/// <c>errors</c> as <c>{"figures.numerator": ["…"]}</c>. No exception text of the framework reaches
/// the user: a request body that cannot be bound names the field from the JSON path instead.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!Security.SecuritySetup.IsApi(httpContext))
        {
            // A page: the exception handler shows the styled error page instead (ADR 0108).
            return false;
        }

        var english = Texts.For(httpContext).IsEnglish;
        var (status, failure) = Describe(exception);
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception on {Path}", httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = english ? failure.EnglishTitle ?? failure.Title : failure.Title,
            Detail = failure.DetailFor(english),
        };
        if (failure.Errors.Count > 0)
        {
            problem.Extensions["errors"] = failure.Errors
                .GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => english ? e.English : e.Message).ToArray(), StringComparer.Ordinal);
        }

        problem.Extensions["traceId"] = httpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? httpContext.TraceIdentifier;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal static (int Status, DomainException Error) Describe(Exception exception) => exception switch
    {
        DomainException p => (p.Status, p),
        // Only a lost concurrency check or a unique key is someone else's save; any other database
        // failure is ours and ends below as a logged 500.
        DbUpdateException d when DbConflicts.IsConflict(d) => (StatusCodes.Status409Conflict, DomainException.Conflict(
            "Đã có người khác lưu dữ liệu này trong lúc bạn chỉnh sửa. Hãy tải lại trang để xem bản mới nhất.",
            "Someone else saved this data while you were editing it. Reload the page to see the latest version.")),
        BadHttpRequestException b when b.StatusCode == StatusCodes.Status413PayloadTooLarge => (StatusCodes.Status413PayloadTooLarge, DomainException.TooLarge(
            "Dung lượng gửi lên vượt quá giới hạn cho phép.", "The request is larger than allowed.")),
        BadHttpRequestException b => (b.StatusCode is >= 400 and < 500 ? b.StatusCode : StatusCodes.Status400BadRequest, Unreadable(b)),
        _ => (StatusCodes.Status500InternalServerError, new DomainException(ErrorKind.Unexpected, "Lỗi hệ thống", "Đã xảy ra lỗi không mong muốn. Dữ liệu chưa được lưu; hãy thử lại.")
        {
            EnglishTitle = "System error",
            EnglishDetail = "An unexpected error occurred. Nothing was saved; please try again.",
        }),
    };

    /// <summary>
    /// A body or parameter the endpoint could not bind. The framework's message ("Failed to read
    /// parameter …") is for developers; the user gets the field named by the JSON path.
    /// </summary>
    private static DomainException Unreadable(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            if (field is null)
            {
                return new DomainException(ErrorKind.Invalid, DomainException.InvalidTitle, "Nội dung gửi lên không phải là JSON hợp lệ.")
                {
                    EnglishTitle = DomainException.InvalidTitleEnglish,
                    EnglishDetail = "The request body is not valid JSON.",
                };
            }

            var error = new FieldError(field,
                $"Giá trị của \"{field}\" sai kiểu dữ liệu hoặc không đọc được.",
                $"The value of \"{field}\" has the wrong type or cannot be read.");
            return new DomainException(ErrorKind.Invalid, DomainException.InvalidTitle, error.Message)
            {
                EnglishTitle = DomainException.InvalidTitleEnglish,
                EnglishDetail = error.English,
                Errors = [error],
            };
        }

        return new DomainException(ErrorKind.Invalid, DomainException.InvalidTitle, "Yêu cầu thiếu dữ liệu hoặc dữ liệu gửi lên không đúng dạng.")
        {
            EnglishTitle = DomainException.InvalidTitleEnglish,
            EnglishDetail = "The request is missing data or its data is not in the expected form.",
        };
    }

    /// <summary><c>$.figures.numerator</c> → <c>figures.numerator</c>; <c>$['a b']</c> → <c>a b</c>; <c>$</c> → null.</summary>
    internal static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        field = field.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
        return field.Length == 0 ? null : field;
    }
}
