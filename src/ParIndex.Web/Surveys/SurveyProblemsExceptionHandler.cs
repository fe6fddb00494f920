using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Web.Localization;

namespace ParIndex.Web.Surveys;

/// <summary>
/// Writes <see cref="SurveyProblemsException"/> as 422 ProblemDetails with the problem list, so a
/// script sees every row and column at once. Registered before the general handler. Title and
/// detail are in the UI language; the row and column messages stay Vietnamese.
/// </summary>
internal sealed class SurveyProblemsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not SurveyProblemsException rejected)
        {
            return false;
        }

        httpContext.Response.StatusCode = rejected.Status;
        var english = Texts.For(httpContext).IsEnglish;
        var problem = new ProblemDetails
        {
            Status = rejected.Status,
            Title = english ? rejected.EnglishTitle ?? rejected.Title : rejected.Title,
            Detail = rejected.DetailFor(english),
        };
        problem.Extensions["problems"] = rejected.Problems
            .Select(p => new { row = p.Row, column = p.Column, location = p.Location, message = p.Message })
            .ToList();
        problem.Extensions["total"] = rejected.Total;
        problem.Extensions["traceId"] = httpContext.TraceIdentifier;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
