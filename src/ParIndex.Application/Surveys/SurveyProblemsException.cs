using ParIndex.Application.Problems;

namespace ParIndex.Application.Surveys;

/// <summary>
/// A file or form rejected with a list of problems; nothing was saved. Answered as 422
/// ProblemDetails carrying <c>problems</c> (the first <see cref="MaxListed"/>) and <c>total</c>.
/// The title and detail follow the UI language; the listed problems stay as the file readers
/// word them (Vietnamese).
/// </summary>
public sealed class SurveyProblemsException : DomainException
{
    public SurveyProblemsException(string detail, IReadOnlyList<SurveyProblem> problems, int? total = null, string? english = null)
        : base(ErrorKind.Unprocessable, InvalidTitle, detail)
    {
        ArgumentNullException.ThrowIfNull(problems);
        EnglishTitle = InvalidTitleEnglish;
        EnglishDetail = english;
        Problems = problems.Take(MaxListed).ToList();
        Total = total ?? problems.Count;
    }

    /// <summary>How many problems a response lists; the total is always given.</summary>
    public const int MaxListed = 100;

    public IReadOnlyList<SurveyProblem> Problems { get; }

    public int Total { get; }
}
