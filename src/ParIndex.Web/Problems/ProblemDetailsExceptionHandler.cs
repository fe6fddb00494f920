using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ParIndex.Web.Problems;

/// <summary>Maps domain failures (and the few framework ones a user can cause) to ProblemDetails.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!Security.SecuritySetup.IsApi(httpContext))
        {
            // A page: the exception handler shows the styled error page instead (ADR 0108).
            return false;
        }

        var (status, title, detail) = exception switch
        {
            DomainException p => (p.Status, p.Title, p.Message),
            // Only a lost concurrency check or a unique key is someone else's save; any other
            // database failure is ours and ends below as a logged 500.
            DbUpdateException d when DbConflicts.IsConflict(d) => (StatusCodes.Status409Conflict, "Xung đột dữ liệu",
                "Đã có người khác lưu dữ liệu này trong lúc bạn chỉnh sửa. Hãy tải lại trang để xem bản mới nhất."),
            BadHttpRequestException b when b.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn", "Dung lượng gửi lên vượt quá giới hạn cho phép."),
            BadHttpRequestException b => (b.StatusCode, "Yêu cầu không hợp lệ", b.Message),
            _ => (StatusCodes.Status500InternalServerError, "Lỗi hệ thống", "Đã xảy ra lỗi không mong muốn. Dữ liệu chưa được lưu; hãy thử lại."),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception on {Path}", httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (exception is FieldValidationException fields)
        {
            problem.Extensions["errors"] = fields.Errors;
        }

        problem.Extensions["traceId"] = httpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? httpContext.TraceIdentifier;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
