using ParIndex.Core.Workflow;

namespace ParIndex.Application.Workflow;

/// <summary>Names of the workflow states as users read them.</summary>
public static class StatusLabels
{
    /// <summary>The Vietnamese name, as the workflow rules of the core word it.</summary>
    public static string Vietnamese(AssessmentStatus status) => StatusNames.Vietnamese(status);

    public static string English(AssessmentStatus status) => StatusNames.English(status);
}
