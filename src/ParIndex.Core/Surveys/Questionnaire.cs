namespace ParIndex.Core.Surveys;

/// <summary>
/// A questionnaire (phiếu khảo sát) for one respondent group of a campaign (SPEC 2.7). Each
/// question is linked to a survey leaf of the framework; its answers carry a share of the leaf's
/// points. Read and written as a questionnaire file (<see cref="QuestionnaireFile"/>).
/// </summary>
public sealed class Questionnaire
{
    /// <summary>Stable identifier, e.g. <c>sipas-2023-nguoi-dan</c>.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The framework whose survey leaves the questions score, e.g. <c>par-index-province-2023</c>.</summary>
    public required string FrameworkId { get; init; }

    /// <summary>The campaign this questionnaire belongs to (its code or year); null while it is a template.</summary>
    public string? Campaign { get; init; }

    /// <summary>The respondent group code, e.g. <c>nguoi-dan</c>, <c>lanh-dao-so</c>.</summary>
    public required string RespondentGroup { get; init; }

    /// <summary>The group's name for people, e.g. <c>Người dân, tổ chức</c>.</summary>
    public string? RespondentGroupLabel { get; init; }

    public required IReadOnlyList<SurveyQuestion> Questions { get; init; }

    /// <summary>Finds a question by code (codes compare case-insensitively, as survey tools vary in case).</summary>
    public SurveyQuestion? Find(string code) =>
        Questions.FirstOrDefault(q => string.Equals(q.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// One question. <see cref="Component"/> groups questions for the SIPAS (chỉ số hài lòng thành
/// phần); when absent the component is the linked leaf's code, so each satisfaction leaf
/// (8.1.1 … 8.1.5) is its own component.
/// </summary>
public sealed class SurveyQuestion
{
    /// <summary>The code that heads the column in a wide file or fills the question column in a long file.</summary>
    public required string Code { get; init; }

    public required string Text { get; init; }

    /// <summary>Code of the survey leaf this question scores, e.g. <c>8.1.3</c>.</summary>
    public required string LeafCode { get; init; }

    /// <summary>Explicit SIPAS component, or null to use the leaf code.</summary>
    public string? Component { get; init; }

    public required AnswerScale Scale { get; init; }

    /// <summary>The SIPAS component this question counts towards.</summary>
    public string EffectiveComponent => string.IsNullOrWhiteSpace(Component) ? LeafCode : Component;
}
