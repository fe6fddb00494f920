namespace ParIndex.Core.Surveys;

/// <summary>
/// One answer of one respondent to one question, as imported and stored. <see cref="AnswerKey"/>
/// is the option key as the questionnaire spells it (readers canonicalise the file's spelling);
/// <see cref="Weight"/> is the respondent's weight, null for 1.
/// </summary>
public readonly record struct SurveyAnswer(string UnitCode, string RespondentId, string QuestionCode, string AnswerKey, decimal? Weight = null);
