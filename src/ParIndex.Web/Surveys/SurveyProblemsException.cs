using ParIndex.Web.Problems;

namespace ParIndex.Web.Surveys;

/// <summary>
/// A file or form rejected with a list of problems; nothing was saved. Answered as 422
/// ProblemDetails carrying <c>problems</c> (the first <see cref="MaxListed"/>) and <c>total</c>.
/// </summary>
public sealed class SurveyProblemsException(string detail, IReadOnlyList<SurveyProblem> problems, int? total = null)
    : DomainException(StatusCodes.Status422UnprocessableEntity, "Dữ liệu không hợp lệ", detail)
{
    /// <summary>How many problems a response lists; the total is always given.</summary>
    public const int MaxListed = 100;

    public IReadOnlyList<SurveyProblem> Problems { get; } = problems.Take(MaxListed).ToList();

    public int Total { get; } = total ?? problems.Count;
}
