using System.Linq.Expressions;
using ParIndex.Core.Workflow;
using ParIndex.Data.History;

namespace ParIndex.Application.Signing;

/// <summary>
/// Which history lines of an assessment change what its signed report says (ADR 0130): the unit's
/// own entries (scores, figures, levels, explanations — not the appraisers' fields, not the unit's
/// answer to the preliminary result), its evidence, its report fields, and a return to draft
/// (withdrawn or sent back: the submission the record stands for is no longer the submission).
/// </summary>
internal static class ReportChanges
{
    public const string ResponseField = "ResponseText";

    public static readonly Expression<Func<HistoryEntry, bool>> ChangesReport = h =>
        (h.Entity == "LeafEntry" && h.Field != HistoryFields.AppraisedScore && h.Field != HistoryFields.AppraisedFigures
            && h.Field != HistoryFields.FinalScore && h.Field != ResponseField)
        || h.Entity == "Evidence"
        || h.Entity == "AssessmentReport"
        || (h.Entity == "Assessment" && h.Field == "Status" && h.NewValue == nameof(AssessmentStatus.Draft));
}
