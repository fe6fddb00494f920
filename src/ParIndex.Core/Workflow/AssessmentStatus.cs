namespace ParIndex.Core.Workflow;

/// <summary>The states of one unit's assessment in a campaign (SPEC 2.6), in order.</summary>
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

/// <summary>The roles of SPEC 1 (the public needs no role).</summary>
public enum Role
{
    Administrator,
    Coordinator,
    UnitEditor,
    UnitLead,
    Appraiser,
    CouncilChair,
}

/// <summary>What moves an assessment from one state to another.</summary>
public enum WorkflowAction
{
    /// <summary>The unit lead submits the self-assessment (Draft → Submitted).</summary>
    Submit,

    /// <summary>The unit lead takes it back until appraisal starts (Submitted → Draft).</summary>
    Withdraw,

    /// <summary>Appraisal starts (Submitted → UnderAppraisal); self-assessment is now locked.</summary>
    StartAppraisal,

    /// <summary>The coordinator sends the preliminary result to the unit (UnderAppraisal → PreliminarySent).</summary>
    SendPreliminary,

    /// <summary>The unit lead sends the unit's responses (PreliminarySent → Responded).</summary>
    Respond,

    /// <summary>The council chair approves the final scores (PreliminarySent or Responded → Final).</summary>
    Approve,

    /// <summary>The coordinator publishes; results are frozen (Final → Published).</summary>
    Publish,
}
