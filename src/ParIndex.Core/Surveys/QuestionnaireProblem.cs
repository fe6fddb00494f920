namespace ParIndex.Core.Surveys;

/// <summary>
/// One problem found by <see cref="QuestionnaireValidator"/>. <see cref="Where"/> is a question
/// code (<c>Q3</c>), a question and option (<c>Q3/B</c>) or a property of the questionnaire.
/// </summary>
public sealed record QuestionnaireProblem(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}
