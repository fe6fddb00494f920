namespace ParIndex.Data.Surveys;

public enum SurveyCampaignProblem
{
    NotFound,

    /// <summary>The campaign is published, or the data is in a state that forbids the change.</summary>
    Conflict,

    /// <summary>The stored questionnaire or the request does not fit the campaign.</summary>
    Invalid,
}

/// <summary>A survey operation refused before anything was written; the host maps it to 404/409/400.</summary>
public sealed class SurveyCampaignException(SurveyCampaignProblem problem, string message, string? english = null) : Exception(message)
{
    public SurveyCampaignProblem Problem { get; } = problem;

    /// <summary>The message in English, for a user of the English UI; null when there is none.</summary>
    public string? English { get; } = english;
}
