namespace ParIndex.Surveys.Responses;

/// <summary>
/// What a pass over a response file found. <see cref="Problems"/> holds the first 100 problems in
/// file order, <see cref="TotalProblems"/> counts them all. <see cref="Answers"/> counts non-blank
/// answers (including "không biết"); <see cref="UnmatchedQuestions"/> lists questionnaire
/// questions that no column carries (wide shape) or no row mentions (long shape).
/// </summary>
public sealed record SurveyValidationReport(
    IReadOnlyList<SurveyImportProblem> Problems,
    int TotalProblems,
    int DataRows,
    int Respondents,
    long Answers,
    IReadOnlyDictionary<string, int> RespondentsPerUnit,
    IReadOnlyList<string> UnmatchedQuestions)
{
    public bool IsValid => TotalProblems == 0;
}
