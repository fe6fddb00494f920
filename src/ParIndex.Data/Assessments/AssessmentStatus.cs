namespace ParIndex.Data.Assessments;

/// <summary>The workflow of one unit's assessment in a campaign (SPEC 2.6).</summary>
public enum AssessmentStatus
{
    Draft,
    Submitted,
    UnderAppraisal,
    PreliminarySent,
    Responded,
    Final,
    Published,
}
