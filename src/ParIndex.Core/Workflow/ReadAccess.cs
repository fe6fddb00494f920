namespace ParIndex.Core.Workflow;

/// <summary>
/// Who reads an assessment, as far as what they may see is concerned (ADR 0107). The web layer
/// maps the signed-in user and the assessment's unit and assignments to one of these.
/// </summary>
public enum Reader
{
    Administrator,
    Coordinator,
    Appraiser,
    CouncilChair,

    /// <summary>An editor (cán bộ đầu mối) of the assessed unit.</summary>
    UnitEditor,

    /// <summary>The lead (lãnh đạo) of the assessed unit.</summary>
    UnitLead,

    /// <summary>A user of a unit assigned some fields of this assessment (e.g. Sở Tư pháp, field 2).</summary>
    ContributingAgency,

    /// <summary>A user of any other unit.</summary>
    OtherUnit,

    /// <summary>Not signed in.</summary>
    Anonymous,
}

/// <summary>Which leaves of the assessment a reader sees at all.</summary>
public enum LeafScope
{
    None,

    /// <summary>Only the leaves under the criteria assigned to the reader's unit.</summary>
    AssignedFields,

    All,
}

/// <summary>
/// What one reader may see of one assessment in its current state.
/// </summary>
/// <param name="Opens">May open the assessment at all (self-assessment page and API, appraisal page and API, history).</param>
/// <param name="Leaves">Whose leaves: self scores, figures, explanations, evidence, survey points and their history.</param>
/// <param name="Appraisal">Appraised and final scores with their reasons, appraised figures and memos, and their history lines.</param>
/// <param name="Result">The appraised and final totals, the final points and index of the whole assessment.</param>
/// <param name="SelfAssessmentTable">May download the whole self-assessment table (xlsx, docx, pdf).</param>
/// <param name="AppraisalTable">May download the appraisal table (xlsx, docx, pdf).</param>
public sealed record ReadRights(bool Opens, LeafScope Leaves, bool Appraisal, bool Result, bool SelfAssessmentTable, bool AppraisalTable)
{
    public static readonly ReadRights Nothing = new(false, LeafScope.None, false, false, false, false);
}

/// <summary>
/// The one rule of who sees what of an assessment in which state (ADR 0107). Every read path (the
/// assessment page and API, the appraisal page and API, the history, the table documents and the
/// evidence downloads) asks it. The appraisal stays with the appraisers until the preliminary result
/// is sent: before that the unit sees its own self-assessment only.
/// </summary>
public static class ReadAccess
{
    public static ReadRights For(Reader reader, AssessmentStatus status)
    {
        var sent = AppraisalSent(status);
        return reader switch
        {
            Reader.Administrator or Reader.Coordinator or Reader.Appraiser or Reader.CouncilChair =>
                new ReadRights(true, LeafScope.All, Appraisal: true, Result: true, SelfAssessmentTable: true, AppraisalTable: true),
            Reader.UnitEditor or Reader.UnitLead =>
                new ReadRights(true, LeafScope.All, Appraisal: sent, Result: sent, SelfAssessmentTable: true, AppraisalTable: sent),
            // A contributing agency answers for its fields only: it sees their leaves (and, once the
            // result is sent, their appraisal, so that it can help the unit answer), never the whole table.
            Reader.ContributingAgency =>
                new ReadRights(true, LeafScope.AssignedFields, Appraisal: sent, Result: false, SelfAssessmentTable: false, AppraisalTable: false),
            _ => ReadRights.Nothing,
        };
    }

    /// <summary>Has the preliminary result left the appraisers (PreliminarySent and every later state)?</summary>
    public static bool AppraisalSent(AssessmentStatus status) => status >= AssessmentStatus.PreliminarySent;

    /// <summary>May a reader with these rights see a history line that changed <paramref name="field"/>?</summary>
    public static bool ShowsHistoryField(ReadRights rights, string field)
    {
        ArgumentNullException.ThrowIfNull(rights);
        return rights.Opens && (rights.Appraisal || !HistoryFields.IsAppraisal(field));
    }
}

/// <summary>
/// The names of the history fields that the appraisal writes. The appraisal code records its changes
/// under these names, and <see cref="ReadAccess"/> hides them from the unit until the result is sent.
/// </summary>
public static class HistoryFields
{
    public const string AppraisedScore = nameof(AppraisedScore);
    public const string AppraisedFigures = nameof(AppraisedFigures);
    public const string FinalScore = nameof(FinalScore);

    /// <summary>Every field the appraisal writes (scores, corrected figures, reasons travel with them).</summary>
    public static readonly IReadOnlyList<string> Appraisal = [AppraisedScore, AppraisedFigures, FinalScore];

    public static bool IsAppraisal(string field) => Appraisal.Contains(field, StringComparer.Ordinal);
}
